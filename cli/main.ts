/**
 * gloss: the reading pipeline on the command line. Each command lives in cli/commands/.
 *
 *   gloss analyze [--url URL] [--json] [--as-article] [--sensitivity precise|balanced|thorough] FILE
 *   gloss analyze --jsonl            lines {"id", "html" | "text", "url"?, "asArticle"?} on stdin, one result line each
 */
import { analyzeCommand } from './commands/analyze';
import { importCommand } from './commands/import';
import { matchCommand } from './commands/match';
import { UsageError } from './usage';
import { fileError } from './errors';

const USAGE = `Usage:
  gloss analyze [--url URL] [--json] [--as-article] [--sensitivity precise|balanced|thorough] FILE.html|FILE.txt
  gloss analyze --jsonl [--as-article] [--sensitivity ...]   (reads {"id","html"|"text","url"?,"asArticle"?} lines on stdin)
  gloss import claimreview IN.json --out DATASET.json [--license L] [--name N]
  gloss match [--dataset DATASET.json ...] [--top K] [--threshold S] --jsonl   (reads {"id","text"} lines)
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  analyze: analyzeCommand,
  import: importCommand,
  match: matchCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const run = command ? COMMANDS[command] : undefined;
    if (run) return await run(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gloss: ${error.message}\n${USAGE}`);
      return 2;
    }
    // Anything else is a fault of Gloss's, not of the input: one line, and the stack only on request.
    if (process.env.GLOSS_DEBUG) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message =
      code && 'path' in (error as object)
        ? fileError(String((error as NodeJS.ErrnoException).path), error)
        : ((error as Error)?.message ?? String(error));
    process.stderr.write(`gloss: ${message} (GLOSS_DEBUG=1 shows where)\n`);
    return 1;
  }
}

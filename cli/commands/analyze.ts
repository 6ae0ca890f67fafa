/** `gloss analyze`: one page or text, or many as JSON Lines on stdin. */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import rules from 'virtual:gloss/rules';
import notes from 'virtual:gloss/notes';
import { compileRules } from '@/utils/pipeline';
import { SENSITIVITIES, type Sensitivity } from '@/utils/sensitivity';
import { analyzeHtml, analyzeTextInput, toJson, report, decodeHtml } from '../analyze';
import { UsageError } from '../usage';

interface Flags {
  url?: string;
  json: boolean;
  jsonl: boolean;
  sensitivity?: Sensitivity;
  files: string[];
}

function parseFlags(args: string[]): Flags {
  const flags: Flags = { json: false, jsonl: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--url') flags.url = value();
    else if (a === '--json') flags.json = true;
    else if (a === '--jsonl') flags.jsonl = true;
    else if (a === '--sensitivity') {
      const v = value();
      if (!(v in SENSITIVITIES))
        throw new UsageError(`--sensitivity is one of ${Object.keys(SENSITIVITIES).join(', ')}`);
      flags.sensitivity = v as Sensitivity;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else flags.files.push(a);
  }
  return flags;
}

export async function analyzeCommand(args: string[]): Promise<number> {
  const flags = parseFlags(args);
  const compiled = compileRules(rules);
  const options = { sensitivity: flags.sensitivity };
  if (flags.jsonl) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      let id: unknown = n;
      try {
        const input = JSON.parse(line) as { id?: unknown; html?: unknown; text?: unknown; url?: unknown };
        id = input.id ?? n;
        const url = typeof input.url === 'string' ? input.url : null;
        const result =
          typeof input.html === 'string'
            ? analyzeHtml(input.html, url, compiled, notes, options)
            : typeof input.text === 'string'
              ? analyzeTextInput(input.text, url, compiled, notes, options)
              : null;
        if (!result) throw new Error('a line needs "html" or "text"');
        process.stdout.write(`${JSON.stringify({ id, ...toJson(result) })}\n`);
      } catch (error) {
        const message = error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as Error).message;
        process.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
      }
    }
    return 0;
  }
  if (flags.files.length !== 1) throw new UsageError('analyze takes one FILE (or --jsonl)');
  const file = flags.files[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`gloss: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
    return 1;
  }
  if (bytes.length === 0) {
    process.stderr.write(`gloss: ${file} is empty\n`);
    return 1;
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    process.stderr.write(`gloss: ${file} is a binary file, not HTML or text\n`);
    return 1;
  }
  const url = flags.url ?? null;
  const result = /\.txt$/i.test(file)
    ? analyzeTextInput(bytes.toString('utf8'), url, compiled, notes, options)
    : analyzeHtml(decodeHtml(bytes), url, compiled, notes, options);
  process.stdout.write(flags.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : report(result));
  return 0;
}

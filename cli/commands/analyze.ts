/** `gloss analyze`: one page or text, or many as JSON Lines on stdin. */
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import rules from 'virtual:gloss/rules';
import bundled from 'virtual:gloss/notes';
import ratings from 'virtual:gloss/ratings';
import { compileRules } from '@/utils/pipeline';
import { bundledPhrasingModel } from '@/utils/analyze/model-file';
import { bundledClaimsModel } from '@/utils/claims/model-file';
import { SENSITIVITIES, type Sensitivity } from '@/utils/sensitivity';
import {
  MAX_PAGE_BYTES,
  analyzeHtml,
  analyzeTextInput,
  badInput,
  decodeHtml,
  report,
  toJson,
  tooLarge,
} from '../analyze';
import { UsageError } from '../usage';
import { badUrl, fileError } from '../errors';

interface Flags {
  url?: string;
  json: boolean;
  jsonl: boolean;
  /** Read the page as an article whatever detection says, as a reader's "read it anyway" does. */
  asArticle?: boolean;
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
    if (a === '--url') {
      flags.url = value();
      const bad = badUrl(flags.url);
      if (bad) throw new UsageError(bad);
    } else if (a === '--json') flags.json = true;
    else if (a === '--jsonl') flags.jsonl = true;
    else if (a === '--as-article') flags.asArticle = true;
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
  const model = bundledPhrasingModel();
  // A model that cannot be used leaves the rules to run alone: said once, here, and in each result's reasons.
  if (model.reason) process.stderr.write(`gloss: warning: ${model.reason}\n`);
  const claims = bundledClaimsModel();
  if (typeof claims === 'string') process.stderr.write(`gloss: warning: ${claims}\n`);
  const options = { sensitivity: flags.sensitivity, force: flags.asArticle, model, claims };
  if (flags.jsonl) {
    if (flags.files.length) throw new UsageError('--jsonl reads stdin and takes no FILE');
    await analyzeLines(compiled, options);
    return 0;
  }
  if (flags.files.length !== 1) throw new UsageError('analyze takes one FILE (or --jsonl)');
  const file = flags.files[0]!;
  let bytes: Buffer;
  try {
    const large = tooLarge(statSync(file).size);
    if (large) {
      process.stderr.write(`gloss: ${file} ${large}\n`);
      return 1;
    }
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`gloss: ${fileError(file, error)}\n`);
    return 1;
  }
  const bad = badInput(bytes);
  if (bad) {
    process.stderr.write(`gloss: ${file} ${bad}\n`);
    return 1;
  }
  const url = flags.url ?? null;
  let result;
  try {
    result = /\.txt$/i.test(file)
      ? analyzeTextInput(bytes.toString('utf8'), url, compiled, notes, options)
      : analyzeHtml(decodeHtml(bytes), url, compiled, notes, options);
  } catch (error) {
    process.stderr.write(`gloss: could not read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(flags.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : report(result));
  return 0;
}

type Compiled = ReturnType<typeof compileRules>;

// The notes with the published outlet ratings beside them, as the extension's background reads pages.
const notes = ratings ? { ...bundled, ratings } : bundled;

/**
 * One result line per input line, in one process. A line that cannot be read (not JSON, not an object, no
 * "html" or "text", a page too large) gets an {"id", "error"} line and the batch goes on.
 */
async function analyzeLines(
  compiled: Compiled,
  defaults: { sensitivity?: Sensitivity; force?: boolean },
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let id: unknown = n;
    let out: string;
    try {
      const input = parseLine(line);
      if (input.id !== undefined && input.id !== null) id = input.id;
      const url = typeof input.url === 'string' ? input.url : null;
      // "asArticle": true reads this line's page as an article whatever detection says.
      const options = input.asArticle === true ? { ...defaults, force: true } : defaults;
      const page = typeof input.html === 'string' ? input.html : null;
      const large = page !== null && page.length > MAX_PAGE_BYTES / 4 ? tooLarge(Buffer.byteLength(page)) : null;
      if (large) throw new Error(`"html" ${large}`);
      const result =
        page !== null
          ? analyzeHtml(page, url, compiled, notes, options)
          : typeof input.text === 'string'
            ? analyzeTextInput(input.text, url, compiled, notes, options)
            : null;
      if (!result) throw new Error('a line needs "html" or "text" (a string)');
      out = JSON.stringify({ id, ...toJson(result) });
    } catch (error) {
      if (id === n) id = idOf(line) ?? n;
      out = JSON.stringify({ id, error: (error as Error).message });
    }
    // Wait for a slow reader rather than hold every result in memory.
    if (!process.stdout.write(`${out}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** The "id" of a line that is not JSON, when it can still be read off the line; else the line number is used. */
function idOf(line: string): unknown {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]!);
  } catch {
    return undefined;
  }
}

interface InputLine {
  id?: unknown;
  html?: unknown;
  text?: unknown;
  url?: unknown;
  asArticle?: unknown;
}

function parseLine(line: string): InputLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('not a JSON object: a line is {"id", "html" | "text", "url"?}');
  return value as InputLine;
}

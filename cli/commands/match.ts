/**
 * `gloss match [--dataset DATASET.json ...] [--top K] [--threshold S] --jsonl`: reads {"id","text"} lines on
 * stdin and writes {"id","matches":[{"noteId","score","url"}]} lines, best first. The claims are the bundled
 * claim notes plus every dataset given (files `gloss import` wrote, or ClaimReview data imported on the fly).
 * Without --top, only matches at or above the extension's default threshold (at most ten); with it, the K best
 * whatever their score. A bundled claim note whose phrase groups match the text comes first, with score 1.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import notes from 'virtual:gloss/notes';
import { readImportFile, ImportError } from '@/utils/dataset/claimreview';
import { buildClaimIndex, ClaimRetriever, DEFAULT_THRESHOLD } from '@/utils/notes/bm25';
import { claimDocs, type ClaimLike } from '@/utils/notes/claims';
import { matchClaims } from '@/utils/notes/match';
import { sentences } from '@/utils/text/segment';
import { UsageError } from '../usage';
import { count, fileError } from '../errors';

export async function matchCommand(args: string[]): Promise<number> {
  const datasets: string[] = [];
  let top: number | undefined;
  let threshold: number | undefined;
  let jsonl = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--dataset') datasets.push(value());
    else if (a === '--top') {
      top = Number(value());
      if (!Number.isInteger(top) || top < 1) throw new UsageError('--top takes a whole number of at least 1');
    } else if (a === '--threshold') {
      threshold = Number(value());
      if (!Number.isFinite(threshold)) throw new UsageError('--threshold takes a number between 0 and 1');
    } else if (a === '--jsonl') jsonl = true;
    else throw new UsageError(`unknown option ${a}`);
  }
  if (!jsonl) throw new UsageError('match reads JSON Lines on stdin: gloss match --jsonl');

  const claims: ClaimLike[] = notes.claims.map((c) => ({
    id: c.id,
    title: notes.notes[c.id]?.title,
    match: { claim: c.claim, phrases: c.phrases },
    sources: notes.notes[c.id]?.sources,
  }));
  for (const file of datasets) {
    try {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        process.stderr.write(`gloss: ${fileError(file, error)}\n`);
        return 1;
      }
      const { dataset, skipped } = readImportFile(text, { importedFrom: basename(file) });
      claims.push(...dataset.notes.map((n) => ({ ...n, sources: n.sources })));
      if (skipped.length)
        process.stderr.write(`gloss: ${file}: ${count(skipped.length, 'entry', 'entries')} skipped\n`);
    } catch (error) {
      const why = error instanceof ImportError ? error.message : ((error as NodeJS.ErrnoException).code ?? `${error}`);
      process.stderr.write(`gloss: ${file}: ${why}\n`);
      return 1;
    }
  }
  const retriever = new ClaimRetriever(buildClaimIndex(claimDocs(claims)));
  const limit = top ?? 10;
  const floor = top === undefined ? (threshold ?? DEFAULT_THRESHOLD) : (threshold ?? 0);

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let id: unknown = n;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = input.id ?? n;
      if (typeof input.text !== 'string') throw new Error('a line needs "text"');
      // The bundled claim notes' phrase groups, as in the extension: a sure match, score 1.
      const phrased = [...new Set(matchClaims(input.text, sentences(input.text), notes).map((f) => f.noteId))];
      const matches = [
        ...phrased.map((noteId) => ({ noteId, score: 1, url: notes.notes[noteId]?.sources[0]?.url ?? null })),
        ...retriever
          .search(input.text, limit, floor)
          .filter((h) => !phrased.includes(h.id))
          .map((h) => ({ noteId: h.id, score: Math.round(h.score * 1000) / 1000, url: h.url || null })),
      ].slice(0, limit);
      process.stdout.write(`${JSON.stringify({ id, matches })}\n`);
    } catch (error) {
      const message = error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as Error).message;
      process.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
  return 0;
}

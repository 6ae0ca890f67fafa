/**
 * The phrasing analysis of a long article in pieces, yielding to the browser between them, so that reading a
 * 100,000-word page never blocks input for long. Pieces end at paragraph breaks; findings and sentence numbers
 * are given in the whole text's terms, as one pass would give them.
 */
import { analyzePhrasing, type PhrasingResult } from '@/utils/pipeline';
import type { CompiledRuleSet } from '@/utils/analyze/rules';
import type { Sensitivity } from '@/utils/sensitivity';

/** Text this long or shorter is read in one go. */
export const CHUNK_CHARS = 40_000;

/** Gives the main thread back to the browser. */
export function yieldToBrowser(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Where to cut: paragraph breaks about `size` characters apart. */
export function chunkBounds(text: string, size = CHUNK_CHARS): number[] {
  const bounds = [0];
  let at = 0;
  while (text.length - at > size) {
    const cut = text.indexOf('\n\n', at + size);
    if (cut < 0) break;
    at = cut + 2;
    bounds.push(at);
  }
  bounds.push(text.length);
  return bounds;
}

export async function analyzeInChunks(
  text: string,
  lang: string | null,
  sets: CompiledRuleSet[],
  sensitivity: Sensitivity | undefined,
  pause: () => Promise<void> = yieldToBrowser,
  size = CHUNK_CHARS,
): Promise<PhrasingResult> {
  const bounds = chunkBounds(text, size);
  if (bounds.length <= 2) return analyzePhrasing(text, lang, sets, sensitivity);
  const out: PhrasingResult = { sentences: [], findings: [], reasons: [] };
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i > 0) await pause();
    const start = bounds[i]!;
    const piece = analyzePhrasing(text.slice(start, bounds[i + 1]!), lang, sets, sensitivity);
    const sentenceBase = out.sentences.length;
    for (const s of piece.sentences) out.sentences.push({ start: s.start + start, end: s.end + start });
    for (const f of piece.findings)
      out.findings.push({ ...f, start: f.start + start, end: f.end + start, sentence: f.sentence + sentenceBase });
    if (i === 0) out.reasons = piece.reasons;
  }
  return out;
}

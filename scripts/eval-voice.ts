/**
 * Measures the voice stage (utils/analyze/voice.ts) against PolNeAR (`checkworthy/polnear-*.jsonl` in the
 * corpora folder, never copied into the project): news articles in which annotators marked every attribution —
 * who (source) says or thinks (cue) what (content), quotes and paraphrase alike.
 *
 * For each sentence the stage's speaker share is the part of the sentence it gives to someone other than the writer
 * (a speaker or a mention). Reported:
 * - attributed content: sentences whose annotated attribution includes content, and how many of them the stage
 *   gives mostly (≥ half) to a speaker, with the mean share;
 * - writer's text given away: sentences with no attribution at all, and how many of them the stage gives mostly to
 *   a speaker, with the mean share.
 * Articles fall in two fixed halves by a hash of the document name, as in the other evaluations: `tune` is the half
 * the stage's patterns may be looked at against, `held-out` the half figures are reported on.
 *
 *   npm run eval:voice -- ../shared/corpora [--split tune|held-out|both] [--show N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readVoice } from '../utils/analyze/voice';

type Split = 'tune' | 'held-out';

/** FNV-1a: a stable hash that puts every item in the same half on every run. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const splitOf = (key: string): Split => (hash(key) % 2 === 0 ? 'tune' : 'held-out');

interface Sentence {
  doc: string;
  text: string;
  label: 'attributed' | 'unattributed';
  roles: string[];
  start: number;
  end: number;
}
interface Tally {
  n: number;
  mostly: number;
  share: number;
}
const tally = (): Tally => ({ n: 0, mostly: 0, share: 0 });

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function main(args: string[], root: string): number {
  const corpora = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '../shared/corpora'));
  const dir = join(corpora, 'checkworthy');
  const articlesFile = join(dir, 'polnear-articles-dev.jsonl');
  const sentencesFile = join(dir, 'polnear-sentences-dev.jsonl');
  if (!existsSync(articlesFile) || !existsSync(sentencesFile)) {
    console.log(`eval:voice: skipped, PolNeAR is not at ${dir}.\nUsage: npm run eval:voice -- PATH/TO/corpora`);
    return 0;
  }
  const splitArg = args[args.indexOf('--split') + 1];
  const splits: Split[] = args.includes('--split') && splitArg !== 'both' ? [splitArg as Split] : ['tune', 'held-out'];
  const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;

  const articles = new Map(readJsonl<{ doc: string; text: string }>(articlesFile).map((a) => [a.doc, a.text]));
  const byDoc = new Map<string, Sentence[]>();
  for (const s of readJsonl<Sentence>(sentencesFile)) {
    const list = byDoc.get(s.doc);
    if (list) list.push(s);
    else byDoc.set(s.doc, [s]);
  }
  for (const split of splits) {
    const content = tally();
    const unattributed = tally();
    let chars = 0;
    let ms = 0;
    const missed: string[] = [];
    const givenAway: string[] = [];
    for (const [doc, list] of byDoc) {
      if (splitOf(doc) !== split) continue;
      const text = articles.get(doc);
      if (text === undefined) continue;
      const t0 = performance.now();
      const voice = readVoice(text);
      ms += performance.now() - t0;
      chars += text.length;
      for (const s of list) {
        const share = 1 - voice.writerShare(s.start, s.end);
        const t = s.label === 'unattributed' ? unattributed : s.roles.includes('content') ? content : null;
        if (!t) continue;
        t.n++;
        t.share += share;
        if (share >= 0.5) {
          t.mostly++;
          if (t === unattributed) givenAway.push(s.text);
        } else if (t === content) missed.push(s.text);
      }
    }
    const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
    console.log(
      `\nvoice on PolNeAR, ${split} half (${[...byDoc.keys()].filter((d) => splitOf(d) === split).length} articles)`,
    );
    console.log(
      `  attributed content given to a speaker: ${content.mostly}/${content.n} sentences (${pct(content.mostly, content.n)}%), mean share ${(content.share / Math.max(1, content.n)).toFixed(3)}`,
    );
    console.log(
      `  writer's sentences given away:         ${unattributed.mostly}/${unattributed.n} sentences (${pct(unattributed.mostly, unattributed.n)}%), mean share ${(unattributed.share / Math.max(1, unattributed.n)).toFixed(3)}`,
    );
    console.log(`  speed: ${((ms / Math.max(1, chars)) * 6000).toFixed(2)} ms per 1,000 words (6 characters a word)`);
    if (show) {
      const pick = (xs: string[]) =>
        xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / show)) === 0).slice(0, show);
      console.log('  attributed, left to the writer:');
      for (const t of pick(missed)) console.log(`    - ${t.slice(0, 200)}`);
      console.log("  writer's, given to a speaker:");
      for (const t of pick(givenAway)) console.log(`    - ${t.slice(0, 200)}`);
    }
  }
  return 0;
}

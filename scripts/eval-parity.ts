/**
 * Left and right alike: the right/left ratio of phrasing findings per 1,000 words on AllSides
 * (`allsides-abp/abp-dev.jsonl`, the label is the outlet's rating), overall and for each frequent category, on all
 * articles of the half and on same-topic same-day stories (a topic and date both a left- and a right-rated outlet
 * covered), each with a 95% bootstrap interval over articles (2,000 resamples, fixed seed). The phrasing analysis
 * runs as the background runs it: the rules, the phrasing model and the default sensitivity.
 *
 *   node scripts/eval-parity.mjs ../shared/corpora [--split tune|held-out]
 *
 * `npm run eval:phrasing` gives the same-topic ratios as points; this gives how far they can be trusted. The
 * halves are those of the AllSides figures in the other evaluations (FNV-1a of the article id).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePhrasing } from '../utils/pipeline';
import { loadPhrasingModel } from '../utils/analyze/model';
import { compileRuleSet, type RuleSet } from '../utils/analyze/rules';
import { countWords } from '../utils/text/segment';
import { DEFAULT_SENSITIVITY } from '../utils/sensitivity';
import { splitOf, type Split } from './eval-unsupported-lib';
import { mulberry32 } from './seeded';

interface Read {
  leaning: string;
  words: number;
  counts: Map<string, number>;
  paired: boolean;
}

/** Right/left ratio of `category` per 1,000 words and its 95% interval, each side's articles resampled. */
export function parity(left: Read[], right: Read[], category: string, reps = 2000): [number, number, number] {
  const rate = (xs: Read[]) =>
    xs.reduce((n, x) => n + (x.counts.get(category) ?? 0), 0) / xs.reduce((n, x) => n + x.words, 0);
  const next = mulberry32(20261207);
  const draw = (xs: Read[]) => Array.from(xs, () => xs[Math.floor(next() * xs.length)]!);
  const ratios: number[] = [];
  for (let k = 0; k < reps; k++) {
    // A resample with no finding on either side has no ratio (0/0): it is left out, not sorted as a number.
    const r = rate(draw(right)) / rate(draw(left));
    if (!Number.isNaN(r)) ratios.push(r);
  }
  ratios.sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] ?? NaN;
  return [rate(right) / rate(left), at(0.025), at(0.975)];
}

export async function main(args: string[], root: string): Promise<number> {
  const corpora = args.find((a) => !a.startsWith('--'));
  const split: Split = args[args.indexOf('--split') + 1] === 'held-out' ? 'held-out' : 'tune';
  const file = corpora ? join(corpora, 'allsides-abp', 'abp-dev.jsonl') : '';
  if (!corpora || !existsSync(file)) {
    console.log(
      `skipped: no allsides-abp/abp-dev.jsonl under ${corpora ?? '(none given)'}; usage: node scripts/eval-parity.mjs ../shared/corpora [--split tune|held-out]`,
    );
    return 0;
  }
  const rules = compileRuleSet(JSON.parse(readFileSync(resolve(root, 'dataset/rules/en.json'), 'utf8')) as RuleSet);
  const modelFile = resolve(root, 'dataset/models/phrasing.json');
  const model = loadPhrasingModel(existsSync(modelFile) ? readFileSync(modelFile, 'utf8') : undefined);
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(
      (l) => JSON.parse(l) as { id: string; leaning: string; topic: string; date: string; title: string; text: string },
    )
    .filter((r) => splitOf(r.id) === split && r.leaning !== 'center');
  const story = (r: { topic: string; date: string }) => `${r.topic}|${r.date}`;
  const sides = new Map<string, Set<string>>();
  for (const r of rows) sides.set(story(r), (sides.get(story(r)) ?? new Set()).add(r.leaning));
  const read: Read[] = rows.map((r) => {
    const text = `${r.title}\n\n${r.text}`;
    const counts = new Map<string, number>();
    const findings = analyzePhrasing(text, 'en', [rules], DEFAULT_SENSITIVITY, model).findings;
    for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    counts.set('all', findings.length);
    const s = sides.get(story(r))!;
    return { leaning: r.leaning, words: countWords(text), counts, paired: s.has('left') && s.has('right') };
  });
  console.log(
    `Phrasing findings, right/left ratio per 1,000 words (${split} half; phrasing model ${model.model ? 'on' : 'off'}; target 0.8–1.25), 95% bootstrap interval over articles`,
  );
  for (const [name, xs] of [
    ['all articles', read],
    ['same-topic same-day stories', read.filter((x) => x.paired)],
  ] as const) {
    const left = xs.filter((x) => x.leaning === 'left');
    const right = xs.filter((x) => x.leaning === 'right');
    const total = new Map<string, number>();
    for (const x of xs) for (const [k, v] of x.counts) if (k !== 'all') total.set(k, (total.get(k) ?? 0) + v);
    const cats = [...total].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    console.log(`  ${name}: ${left.length} left, ${right.length} right articles`);
    for (const cat of ['all', ...cats.slice(0, 5)]) {
      const [r, lo, hi] = parity(left, right, cat);
      const n = (ys: Read[]) => ys.reduce((s, y) => s + (y.counts.get(cat) ?? 0), 0);
      console.log(
        `    ${cat.padEnd(22)} ratio ${r.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})  findings ${n(left)} left / ${n(right)} right${cat !== 'all' && cats.indexOf(cat) < 3 ? '  (three most frequent)' : ''}`,
      );
    }
  }
  return 0;
}

/**
 * Left and right alike: the right/left ratio of phrasing findings per 1,000 words on AllSides
 * (`allsides-abp/abp-dev.jsonl`, the label is the outlet's rating), overall and for each frequent category, on all
 * articles of the half and on same-topic same-day stories (a topic and date both a left- and a right-rated outlet
 * covered), each with a 95% bootstrap interval over articles (2,000 resamples, fixed seed). The phrasing analysis
 * runs as the background runs it: the rules, the phrasing model and the default sensitivity.
 *
 *   node scripts/eval-parity.mjs ../shared/corpora [--split tune|held-out]
 *   node scripts/eval-parity.mjs ../shared/corpora --split tune --rules [--top N] [--sensitivity thorough]
 *
 * `--rules` adds where the findings come from: each rule's and each marked phrase's findings per 1,000 words on the
 * left- and right-rated articles of the half, the top N (10) by each side's rate and by each side's excess over the
 * other, with the number of distinct articles (a phrase one article repeats is one article's wording).
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
import { DEFAULT_SENSITIVITY, type Sensitivity } from '../utils/sensitivity';
import { splitOf, type Split } from './eval-unsupported-lib';
import { mulberry32 } from './seeded';

interface Read {
  leaning: string;
  words: number;
  counts: Map<string, number>;
  paired: boolean;
  /** The findings' rule ids and marked phrases (lower case, spaces joined), for `--rules`. */
  marks: { rule: string; phrase: string }[];
}

/** One rule's or phrase's findings on each side: how many, in how many articles, per 1,000 words. */
export interface Contribution {
  key: string;
  left: number;
  right: number;
  leftArticles: number;
  rightArticles: number;
  leftRate: number;
  rightRate: number;
}

/**
 * Findings by rule (or by marked phrase) on each side, with each side's rate per 1,000 words of that side's
 * articles: what carries a right/left ratio, and which side's wording a rule fires on.
 */
export function contributions(reads: Read[], by: 'rule' | 'phrase'): Contribution[] {
  const words = { left: 0, right: 0 };
  const table = new Map<string, Contribution>();
  for (const x of reads) {
    if (x.leaning !== 'left' && x.leaning !== 'right') continue;
    const side = x.leaning;
    words[side] += x.words;
    const seen = new Set<string>();
    for (const m of x.marks) {
      const key = m[by];
      const c = table.get(key) ?? {
        key,
        left: 0,
        right: 0,
        leftArticles: 0,
        rightArticles: 0,
        leftRate: 0,
        rightRate: 0,
      };
      c[side]++;
      if (!seen.has(key)) c[side === 'left' ? 'leftArticles' : 'rightArticles']++;
      seen.add(key);
      table.set(key, c);
    }
  }
  for (const c of table.values()) {
    c.leftRate = words.left ? (1000 * c.left) / words.left : 0;
    c.rightRate = words.right ? (1000 * c.right) / words.right : 0;
  }
  return [...table.values()];
}

/** The `--rules` tables: the top `n` by each side's rate and by each side's excess over the other. */
export function contributionTables(reads: Read[], n: number): string[] {
  const lines: string[] = [];
  const row = (c: Contribution) =>
    `    ${c.key.slice(0, 44).padEnd(44)} left ${c.leftRate.toFixed(3)} (${c.left} in ${c.leftArticles})  right ${c.rightRate.toFixed(3)} (${c.right} in ${c.rightArticles})  right−left ${(c.rightRate - c.leftRate).toFixed(3)}`;
  for (const by of ['rule', 'phrase'] as const) {
    const cs = contributions(reads, by);
    const tables: [string, (c: Contribution) => number][] = [
      ['by the left-rated articles’ rate', (c) => c.leftRate],
      ['by the right-rated articles’ rate', (c) => c.rightRate],
      ['by excess on the right (right − left per 1,000 words)', (c) => c.rightRate - c.leftRate],
      ['by excess on the left (left − right per 1,000 words)', (c) => c.leftRate - c.rightRate],
    ];
    for (const [name, score] of tables) {
      lines.push(`  ${by === 'rule' ? 'rules' : 'marked phrases'}, top ${n} ${name}:`);
      for (const c of [...cs]
        .filter((c) => score(c) > 0)
        .sort((a, b) => score(b) - score(a) || a.key.localeCompare(b.key))
        .slice(0, n))
        lines.push(row(c));
    }
  }
  return lines;
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
  const byRule = args.includes('--rules');
  const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) || 10 : 10;
  const sensitivity = args.includes('--sensitivity')
    ? (args[args.indexOf('--sensitivity') + 1] as Sensitivity)
    : DEFAULT_SENSITIVITY;
  const file = corpora ? join(corpora, 'allsides-abp', 'abp-dev.jsonl') : '';
  if (!corpora || !existsSync(file)) {
    console.log(
      `skipped: no allsides-abp/abp-dev.jsonl under ${corpora ?? '(none given)'}; usage: node scripts/eval-parity.mjs ../shared/corpora [--split tune|held-out] [--rules [--top N]]`,
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
    const findings = analyzePhrasing(text, 'en', [rules], sensitivity, model).findings;
    for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    counts.set('all', findings.length);
    const s = sides.get(story(r))!;
    const marks = findings.map((f) => ({ rule: f.ruleId, phrase: f.text.toLowerCase().replace(/\s+/g, ' ') }));
    return { leaning: r.leaning, words: countWords(text), counts, paired: s.has('left') && s.has('right'), marks };
  });
  console.log(
    `Phrasing findings, right/left ratio per 1,000 words (${split} half; phrasing model ${model.model ? 'on' : 'off'}; sensitivity "${sensitivity}"; target 0.8–1.25), 95% bootstrap interval over articles`,
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
  if (byRule) {
    console.log(
      `Where the findings come from (${split} half, all articles; findings per 1,000 words of each side, (findings in articles)):`,
    );
    for (const line of contributionTables(read, top)) console.log(line);
  }
  return 0;
}

/**
 * Measures the phrasing rules against human-annotated corpora (never copied into the project):
 *
 * - `ptc-train/`: the Propaganda Techniques Corpus (SemEval-2020 Task 11). Span precision and recall with the
 *   task's partial-overlap scoring for span identification (all techniques as one class): a predicted span s
 *   and a gold span t score |s ∩ t| / |s| towards precision and |s ∩ t| / |t| towards recall, summed over all
 *   pairs and divided by the number of predicted and gold spans. Overlapping spans of one article are merged
 *   first, on both sides, as the task's scorer does.
 * - `babe/`: BABE, expert-labelled sentences. A sentence counts as flagged when Gloss marks anything in it;
 *   precision and recall of "Biased", the share of "Non-biased" sentences flagged, each split by the outlet's
 *   leaning.
 *
 * Every item falls in one of two fixed halves by a hash of its id (PTC: the article id; BABE: the sentence):
 * `tune` is the half rules may be looked at against, `held-out` the half figures are reported on.
 *
 *   npm run eval:phrasing -- ../shared/corpora [--split tune|held-out|both] [--sensitivity s] [--rules]
 *                                              [--no-speed | --speed-only]
 *   npm run eval:phrasing -- ../shared/corpora --words          (the rules' matches word by word, tune half)
 *   npm run eval:phrasing -- ../shared/corpora --try words.txt  (candidate patterns, one a line, tune half)
 *
 * `--words` and `--try` read the tune half only: they are for choosing and pruning words, and the held-out half
 * stays out of that choice.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../utils/analyze';
import { compilePattern } from '../utils/analyze/pattern';
import { findQuotes, insideSpeech } from '../utils/text/quotes';
import { compileRuleSet, type CompiledRuleSet, type RuleSet } from '../utils/analyze/rules';
import { countWords } from '../utils/text/segment';
import { SENSITIVITIES, DEFAULT_SENSITIVITY, type Sensitivity } from '../utils/sensitivity';

type Split = 'tune' | 'held-out';
interface Interval {
  start: number;
  end: number;
}

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

function merge(spans: Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const overlap = (a: Interval, b: Interval) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  n/a');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

function loadRules(root: string): CompiledRuleSet {
  const set = JSON.parse(readFileSync(resolve(root, 'dataset/rules/en.json'), 'utf8')) as RuleSet;
  return compileRuleSet(set);
}

interface PtcScore {
  articles: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
  perRule: Map<string, { n: number; p: number }>;
}

function readGold(dir: string): Map<string, Interval[]> {
  const gold = new Map<string, Interval[]>();
  for (const line of readFileSync(join(dir, 'labels-SI.tsv'), 'utf8').split('\n')) {
    const [id, start, end] = line.split('\t');
    if (!id || start === undefined || end === undefined) continue;
    const list = gold.get(id) ?? [];
    list.push({ start: Number(start), end: Number(end) });
    gold.set(id, list);
  }
  return gold;
}

/** The PTC articles of a half, as [id, text]. */
function ptcArticles(dir: string, split: Split | 'both'): [string, string][] {
  return readdirSync(join(dir, 'articles'))
    .filter((f) => /^article\d+\.txt$/.test(f))
    .sort()
    .map((f) => f.slice('article'.length, -'.txt'.length))
    .filter((id) => split === 'both' || splitOf(id) === split)
    .map((id) => [id, readFileSync(join(dir, 'articles', `article${id}.txt`), 'utf8')]);
}

function evalPtc(dir: string, rules: CompiledRuleSet, threshold: number, split: Split | 'both'): PtcScore {
  const gold = readGold(dir);
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  let articles = 0;
  const perRule = new Map<string, { n: number; p: number }>();
  for (const [id, text] of ptcArticles(dir, split)) {
    articles++;
    const findings = analyzeText(text, rules, { threshold }).findings;
    const t = merge(gold.get(id) ?? []);
    const s = merge(findings);
    nPred += s.length;
    nGold += t.length;
    for (const a of s) for (const b of t) pSum += overlap(a, b) / (a.end - a.start);
    for (const b of t) for (const a of s) rSum += overlap(a, b) / (b.end - b.start);
    for (const f of findings) {
      const r = perRule.get(f.ruleId) ?? { n: 0, p: 0 };
      r.n++;
      for (const b of t) r.p += overlap(f, b) / (f.end - f.start);
      perRule.set(f.ruleId, r);
    }
  }
  const precision = nPred ? pSum / nPred : NaN;
  const recall = nGold ? rSum / nGold : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { articles, predicted: nPred, gold: nGold, precision, recall, f1, perRule };
}

/** A minimal CSV reader (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

interface BabeScore {
  sentences: number;
  byLeaning: Map<string, Counts>;
  perRule: Map<string, { biased: number; neutral: number }>;
}

interface BabeRow {
  text: string;
  biased: boolean;
  leaning: string;
}

/** BABE's sentences with an agreed label, of a half. */
function babeRows(dir: string, split: Split | 'both'): BabeRow[] {
  const out: BabeRow[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    if (!header) continue;
    const col = (name: string) => header.indexOf(name);
    const [iText, iType, iLabel] = [col('text'), col('type'), col('label_bias')];
    for (const row of rows) {
      const text = row[iText];
      const label = row[iLabel];
      if (!text || (label !== 'Biased' && label !== 'Non-biased')) continue;
      if (split !== 'both' && splitOf(text) !== split) continue;
      out.push({ text, biased: label === 'Biased', leaning: row[iType] || 'unknown' });
    }
  }
  return out;
}

function evalBabe(dir: string, rules: CompiledRuleSet, threshold: number, split: Split | 'both'): BabeScore {
  const byLeaning = new Map<string, Counts>();
  const perRule = new Map<string, { biased: number; neutral: number }>();
  let n = 0;
  for (const { text, biased, leaning } of babeRows(dir, split)) {
    n++;
    const findings = analyzeText(text, rules, { threshold }).findings;
    const flagged = findings.length > 0;
    for (const key of [leaning, 'all']) {
      const c = byLeaning.get(key) ?? emptyCounts();
      if (biased && flagged) c.tp++;
      else if (biased) c.fn++;
      else if (flagged) c.fp++;
      else c.tn++;
      byLeaning.set(key, c);
    }
    for (const id of new Set(findings.map((f) => f.ruleId))) {
      const r = perRule.get(id) ?? { biased: 0, neutral: 0 };
      if (biased) r.biased++;
      else r.neutral++;
      perRule.set(id, r);
    }
  }
  return { sentences: n, byLeaning, perRule };
}

/** BABE sentences matched, by label and leaning: "biased L/R/other, non-biased L/R/other". */
interface BabeTally {
  biased: number[];
  neutral: number[];
}
const newTally = (): BabeTally => ({ biased: [0, 0, 0], neutral: [0, 0, 0] });
function tally(t: BabeTally, row: BabeRow): void {
  const k = row.leaning === 'left' ? 0 : row.leaning === 'right' ? 1 : 2;
  (row.biased ? t.biased : t.neutral)[k]!++;
}
const tallyText = (t: BabeTally) =>
  `BABE biased ${t.biased.reduce((a, b) => a + b)} (L${t.biased[0]} R${t.biased[1]}) non-biased ${t.neutral.reduce((a, b) => a + b)} (L${t.neutral[0]} R${t.neutral[1]})`;

/**
 * The rules' matches word by word on the tune half: for each rule and the first word of what it marked, how many
 * PTC spans and their precision, and the BABE sentences it flags. For pruning words whose ordinary use dominates.
 */
function wordsReport(
  ptcDir: string | undefined,
  babeDir: string | undefined,
  rules: CompiledRuleSet,
  threshold: number,
) {
  const rows = new Map<string, { n: number; p: number; babe: BabeTally }>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { n: 0, p: 0, babe: newTally() }));
    return r;
  };
  const keyOf = (ruleId: string, text: string) =>
    `${ruleId} ${(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/u) ?? [text])[0]}`;
  if (ptcDir) {
    const gold = readGold(ptcDir);
    for (const [id, text] of ptcArticles(ptcDir, 'tune')) {
      const t = merge(gold.get(id) ?? []);
      for (const f of analyzeText(text, rules, { threshold }).findings) {
        const r = row(keyOf(f.ruleId, f.text));
        r.n++;
        for (const b of t) r.p += overlap(f, b) / (f.end - f.start);
      }
    }
  }
  if (babeDir)
    for (const b of babeRows(babeDir, 'tune')) {
      const keys = new Set(analyzeText(b.text, rules, { threshold }).findings.map((f) => keyOf(f.ruleId, f.text)));
      for (const key of keys) tally(row(key).babe, b);
    }
  const lines = ['Matches word by word (tune half): PTC spans, precision; BABE sentences flagged'];
  for (const [key, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0])))
    lines.push(
      `  ${key.padEnd(56)} PTC ${String(r.n).padStart(3)} ${r.n ? fmt(r.p / r.n) : '    -'}  ${tallyText(r.babe)}`,
    );
  return lines;
}

/**
 * Candidate patterns (one a line in `file`, `#` for comments), each measured on the tune half as a rule of its
 * own would find it (outside speakers' quotations): PTC matches, their precision and the recall they would add to
 * what the rules already mark, and the BABE sentences they would flag.
 */
function tryReport(
  file: string,
  ptcDir: string | undefined,
  babeDir: string | undefined,
  rules: CompiledRuleSet,
  threshold: number,
) {
  const patterns = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const compiled = patterns.map((p) => compilePattern(p));
  const articles = ptcDir ? ptcArticles(ptcDir, 'tune') : [];
  const gold = ptcDir ? readGold(ptcDir) : new Map<string, Interval[]>();
  const prepared = articles.map(([id, text]) => {
    const covered = new Uint8Array(text.length);
    for (const f of analyzeText(text, rules, { threshold }).findings) covered.fill(1, f.start, f.end);
    return { text, gold: merge(gold.get(id) ?? []), covered, quotes: findQuotes(text) };
  });
  const goldCount = prepared.reduce((n, a) => n + a.gold.length, 0);
  const babe = babeDir ? babeRows(babeDir, 'tune') : [];
  const lines = [`Candidate patterns (tune half; recall added out of ${goldCount} gold spans)`];
  compiled.forEach((re, i) => {
    let n = 0;
    let p = 0;
    let gain = 0;
    for (const a of prepared) {
      for (const m of a.text.matchAll(re)) {
        const s = { start: m.index, end: m.index + m[0].length };
        if (insideSpeech(a.quotes, s.start, s.end)) continue;
        n++;
        for (const g of a.gold) {
          p += overlap(s, g) / (s.end - s.start);
          let fresh = 0;
          for (let k = Math.max(s.start, g.start); k < Math.min(s.end, g.end); k++) if (!a.covered[k]) fresh++;
          gain += fresh / (g.end - g.start);
        }
      }
    }
    const t = newTally();
    for (const b of babe) {
      re.lastIndex = 0;
      if (re.test(b.text)) tally(t, b);
    }
    lines.push(
      `  ${patterns[i]!.padEnd(32)} PTC ${String(n).padStart(3)} ${n ? fmt(p / n) : '    -'} +${(goldCount ? gain / goldCount : 0).toFixed(4)}  ${tallyText(t)}`,
    );
  });
  return lines;
}

/**
 * Analysis cost per 1,000 words on the PTC articles, and on one text made of the same articles repeated 1, 4 and
 * 16 times (the cost per word should stay flat). Each figure is the best of 7 runs of the process's CPU time
 * (user + system, `process.cpuUsage`), which other work on a shared machine disturbs less than wall time.
 */
function speed(dir: string, rules: CompiledRuleSet, threshold: number): string[] {
  const files = readdirSync(join(dir, 'articles')).filter((f) => /^article\d+\.txt$/.test(f));
  const texts = files.map((f) => readFileSync(join(dir, 'articles', f), 'utf8'));
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const time = (fn: () => void, runs = 7) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    return best;
  };
  time(() => texts.forEach((t) => analyzeText(t, rules, { threshold })), 2); // warm-up
  const all = time(() => texts.forEach((t) => analyzeText(t, rules, { threshold })));
  const lines = [
    `speed (CPU time, best of 7): ${texts.length} PTC articles, ${words} words: ${all.toFixed(0)} ms = ${((1000 * all) / words).toFixed(3)} ms per 1,000 words`,
  ];
  const sample = texts.slice(0, 20).join('\n\n');
  const sampleWords = countWords(sample);
  for (const k of [1, 4, 16]) {
    const big = Array.from({ length: k }, () => sample).join('\n\n');
    const ms = time(() => analyzeText(big, rules, { threshold }));
    lines.push(
      `  one text of ${k * sampleWords} words (×${k}): ${ms.toFixed(1)} ms = ${((1000 * ms) / (k * sampleWords)).toFixed(3)} ms per 1,000 words`,
    );
  }
  return lines;
}

function babeLines(score: BabeScore): string[] {
  const lines = [`BABE sentences: ${score.sentences}`];
  lines.push('  leaning    n     precision  recall  false-flag rate (non-biased flagged)');
  for (const key of ['all', 'left', 'center', 'right', 'unknown']) {
    const c = score.byLeaning.get(key);
    if (!c) continue;
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    const fpr = c.fp / (c.fp + c.tn);
    lines.push(
      `  ${key.padEnd(8)} ${String(c.tp + c.fp + c.fn + c.tn).padStart(5)}   ${fmt(p)}      ${fmt(r)}   ${pct(fpr)}`,
    );
  }
  const left = score.byLeaning.get('left');
  const right = score.byLeaning.get('right');
  if (left && right) {
    const rl = left.tp / (left.tp + left.fn);
    const rr = right.tp / (right.tp + right.fn);
    lines.push(`  recall ratio left/right: ${fmt(rl / rr)} (target 0.80–1.25)`);
  }
  return lines;
}

export async function main(argv: string[], root: string): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const bool = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const splitArg = (flag('--split') ?? 'both') as Split | 'both';
  const sensitivity = (flag('--sensitivity') ?? DEFAULT_SENSITIVITY) as Sensitivity;
  const showRules = bool('--rules');
  const showSpeed = !bool('--no-speed');
  const onlySpeed = bool('--speed-only');
  const showWords = bool('--words');
  const tryFile = flag('--try');
  const corpora = resolve(args[0] ?? resolve(root, '../shared/corpora'));
  const threshold = SENSITIVITIES[sensitivity];
  if (threshold === undefined) {
    console.error(`unknown sensitivity "${sensitivity}"; one of ${Object.keys(SENSITIVITIES).join(', ')}`);
    return 2;
  }
  const ptcDir = join(corpora, 'ptc-train');
  const babeDir = join(corpora, 'babe');
  const hasPtc = existsSync(join(ptcDir, 'labels-SI.tsv'));
  const hasBabe = existsSync(babeDir);
  if (!hasPtc && !hasBabe) {
    console.log(`eval:phrasing: skipped: no corpora at ${corpora} (expected ptc-train/ and babe/ there)`);
    return 0;
  }
  const rules = loadRules(root);
  console.log(
    `Gloss phrasing rules: ${rules.rules.length} rules, sensitivity "${sensitivity}" (threshold ${threshold})`,
  );
  if (showWords || tryFile) {
    const dirs = [hasPtc ? ptcDir : undefined, hasBabe ? babeDir : undefined] as const;
    const lines = tryFile
      ? tryReport(resolve(tryFile), ...dirs, rules, threshold)
      : wordsReport(...dirs, rules, threshold);
    for (const line of lines) console.log(line);
    return 0;
  }
  const splits: Split[] = onlySpeed ? [] : splitArg === 'both' ? ['tune', 'held-out'] : [splitArg as Split];
  for (const split of splits) {
    console.log(
      `\n== ${split} half${split === 'held-out' ? ' (the reported figures)' : ' (rules are tuned on this one)'} ==`,
    );
    if (hasPtc) {
      const p = evalPtc(ptcDir, rules, threshold, split);
      console.log(
        `PTC span identification (SemEval-2020 partial overlap, all techniques): ${p.articles} articles, ${p.predicted} predicted spans, ${p.gold} gold spans`,
      );
      console.log(`  precision ${fmt(p.precision)}  recall ${fmt(p.recall)}  F1 ${fmt(p.f1)}`);
      const byCategory = new Map<string, { n: number; p: number }>();
      for (const [id, r] of p.perRule) {
        const c = byCategory.get(id.split('.')[0]!) ?? { n: 0, p: 0 };
        c.n += r.n;
        c.p += r.p;
        byCategory.set(id.split('.')[0]!, c);
      }
      console.log(
        `  precision by category: ${[...byCategory]
          .sort((a, b) => b[1].n - a[1].n)
          .map(([c, r]) => `${c} ${fmt(r.p / r.n)} (${r.n})`)
          .join(', ')}`,
      );
      if (showRules && split === 'tune') {
        for (const [id, r] of [...p.perRule].sort((a, b) => b[1].n - a[1].n))
          console.log(`    ${id.padEnd(48)} n=${String(r.n).padStart(4)}  precision ${fmt(r.p / r.n)}`);
      }
    } else console.log(`PTC: skipped (no ${ptcDir})`);
    if (hasBabe) {
      const b = evalBabe(babeDir, rules, threshold, split);
      for (const line of babeLines(b)) console.log(line);
      if (showRules && split === 'tune') {
        for (const [id, r] of [...b.perRule].sort((a, b2) => b2[1].biased + b2[1].neutral - a[1].biased - a[1].neutral))
          console.log(
            `    ${id.padEnd(48)} biased ${String(r.biased).padStart(3)}  non-biased ${String(r.neutral).padStart(3)}`,
          );
      }
    } else console.log(`BABE: skipped (no ${babeDir})`);
  }
  if (hasPtc && showSpeed) {
    console.log('');
    for (const line of speed(ptcDir, rules, threshold)) console.log(line);
  }
  return 0;
}

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
 *   npm run eval:phrasing -- ../shared/corpora --dump loaded-language  (every finding of a category or rule with its
 *                                              sentence, tune half, tab-separated)
 *
 * `--words`, `--try` and `--dump` read the tune half only: they are for choosing and pruning words, and the held-out half
 * stays out of that choice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../utils/analyze';
import type { ArticleInfo, Finding } from '../utils/types';
import { analyzePhrasing, compileRules, matchContext, readForTab, readForTabInSlices, warmUp } from '../utils/pipeline';
import { claimsModel } from '../utils/claims/stage';
import { loadDataset } from '../utils/dataset/load';
import { loadPhrasingModel, type LoadedModel } from '../utils/analyze/model';
import { compilePattern } from '../utils/analyze/pattern';
import { readVoice } from '../utils/analyze/voice';
import { compileRuleSet, type CompiledRuleSet, type RuleSet } from '../utils/analyze/rules';
import { countWords } from '../utils/text/segment';
import { SENSITIVITIES, DEFAULT_SENSITIVITY, type Sensitivity } from '../utils/sensitivity';
import { readJsonl, splitOf, type AbpArticle, type Split } from './eval-unsupported-lib';

// Shared with the scripts that import from this one.
export { readJsonl, splitOf, type Split };
export interface Interval {
  start: number;
  end: number;
}

export function merge(spans: Interval[]): Interval[] {
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

export function readGold(dir: string): Map<string, Interval[]> {
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

/** The PTC techniques a Gloss category answers to, for recall per category (scare quotes, vague attribution,
 * certainty and unsupported claims have none). */
const TECHNIQUES: Record<string, string[]> = {
  'loaded-language': ['Loaded_Language'],
  labeling: ['Name_Calling,Labeling'],
  exaggeration: ['Exaggeration,Minimisation'],
  doubt: ['Doubt'],
  'fear-appeal': ['Appeal_to_fear-prejudice'],
};

function readTechniques(dir: string): Map<string, Map<string, Interval[]>> {
  const out = new Map<string, Map<string, Interval[]>>();
  const file = join(dir, 'labels-TC.tsv');
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [id, technique, start, end] = line.split('\t');
    if (!id || !technique || start === undefined || end === undefined) continue;
    let byT = out.get(id);
    if (!byT) out.set(id, (byT = new Map()));
    const list = byT.get(technique) ?? [];
    list.push({ start: Number(start), end: Number(end) });
    byT.set(technique, list);
  }
  return out;
}

/**
 * Per category: precision against all gold spans (as the task scores), and recall of the PTC technique the
 * category answers to, by that category's findings alone.
 */
function ptcByCategory(dir: string, phrase: Phrase, split: Split): string[] {
  const gold = readGold(dir);
  const tech = readTechniques(dir);
  const cats = new Map<string, { n: number; p: number; rSum: number; rN: number }>();
  for (const [id, text] of ptcArticles(dir, split)) {
    const findings = phrase(text);
    const t = merge(gold.get(id) ?? []);
    for (const f of findings) {
      const c = cats.get(f.category) ?? { n: 0, p: 0, rSum: 0, rN: 0 };
      c.n++;
      for (const g of t) c.p += overlap(f, g) / (f.end - f.start);
      cats.set(f.category, c);
    }
    for (const [cat, names] of Object.entries(TECHNIQUES)) {
      const spans = merge(names.flatMap((n) => tech.get(id)?.get(n) ?? []));
      const mine = merge(findings.filter((f) => f.category === cat));
      const c = cats.get(cat) ?? { n: 0, p: 0, rSum: 0, rN: 0 };
      c.rN += spans.length;
      for (const g of spans) for (const f of mine) c.rSum += overlap(f, g) / (g.end - g.start);
      cats.set(cat, c);
    }
  }
  return [
    '  by category: precision (all gold spans) and recall of its own PTC technique',
    ...[...cats]
      .sort((a, b) => b[1].n - a[1].n)
      .map(
        ([c, r]) =>
          `    ${c.padEnd(24)} ${String(r.n).padStart(4)} findings  precision ${r.n ? fmt(r.p / r.n) : '  n/a'}  recall ${r.rN ? `${fmt(r.rSum / r.rN)} of ${r.rN} ${TECHNIQUES[c]!.join('/')} spans` : 'n/a (no PTC technique)'}`,
      ),
  ];
}

function evalPtc(dir: string, phrase: Phrase, split: Split | 'both'): PtcScore {
  const gold = readGold(dir);
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  let articles = 0;
  const perRule = new Map<string, { n: number; p: number }>();
  for (const [id, text] of ptcArticles(dir, split)) {
    articles++;
    const findings = phrase(text);
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
export function parseCsv(text: string): string[][] {
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

export interface BabeRow {
  text: string;
  biased: boolean;
  leaning: string;
  /** The words the annotators marked as biased (written as a Python list in the CSV). */
  words: string[];
}

/** BABE's sentences with an agreed label, of a half. */
export function babeRows(dir: string, split: Split | 'both'): BabeRow[] {
  const out: BabeRow[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    if (!header) continue;
    const col = (name: string) => header.indexOf(name);
    const [iText, iType, iLabel, iWords] = [col('text'), col('type'), col('label_bias'), col('biased_words')];
    for (const row of rows) {
      const text = row[iText];
      const label = row[iLabel];
      if (!text || (label !== 'Biased' && label !== 'Non-biased')) continue;
      if (split !== 'both' && splitOf(text) !== split) continue;
      const words = [...(row[iWords] ?? '').matchAll(/'((?:[^'\\]|\\.)*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
      out.push({ text, biased: label === 'Biased', leaning: row[iType] || 'unknown', words: words.filter(Boolean) });
    }
  }
  return out;
}

function evalBabe(dir: string, phrase: Phrase, split: Split | 'both'): BabeScore {
  const byLeaning = new Map<string, Counts>();
  const perRule = new Map<string, { biased: number; neutral: number }>();
  let n = 0;
  for (const { text, biased, leaning } of babeRows(dir, split)) {
    n++;
    const findings = phrase(text);
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
function wordsReport(ptcDir: string | undefined, babeDir: string | undefined, phrase: Phrase) {
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
      for (const f of phrase(text)) {
        const r = row(keyOf(f.ruleId, f.text));
        r.n++;
        for (const b of t) r.p += overlap(f, b) / (f.end - f.start);
      }
    }
  }
  if (babeDir)
    for (const b of babeRows(babeDir, 'tune')) {
      const keys = new Set(phrase(b.text).map((f) => keyOf(f.ruleId, f.text)));
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
function tryReport(file: string, ptcDir: string | undefined, babeDir: string | undefined, phrase: Phrase) {
  const patterns = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const compiled = patterns.map((p) => compilePattern(p));
  const articles = ptcDir ? ptcArticles(ptcDir, 'tune') : [];
  const gold = ptcDir ? readGold(ptcDir) : new Map<string, Interval[]>();
  const prepared = articles.map(([id, text]) => {
    const covered = new Uint8Array(text.length);
    for (const f of phrase(text)) covered.fill(1, f.start, f.end);
    return { text, gold: merge(gold.get(id) ?? []), covered, voice: readVoice(text) };
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
        // As in the pipeline: only what the writer says.
        if (!a.voice.isWriter(s.start, s.end)) continue;
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
    `rules alone (analyzeText, no model, no notes), CPU time, best of 7: ${texts.length} PTC articles, ${words} words: ${all.toFixed(0)} ms = ${((1000 * all) / words).toFixed(3)} ms per 1,000 words`,
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

/** The phrasing findings for an article's text, as the pipeline gives them at the chosen setting. */
type Phrase = (text: string) => Finding[];

/**
 * Every finding of some categories (or rule ids) on the tune half, one a line with its sentence, for reading as an
 * editor would: AllSides articles by the outlet's leaning, SemEval-2019 articles by their label, PTC and BASIL with
 * the share of the finding inside an annotated span. Tab-separated: set, label, article id, rule, confidence, share
 * (or -), the words marked, the sentence.
 */
function dumpReport(
  corpora: string,
  wanted: string[],
  analyze: (text: string) => { findings: Finding[]; sentences: { start: number; end: number }[] },
): string[] {
  const lines: string[] = [];
  const pick = (f: Finding) => wanted.some((w) => f.category === w || f.ruleId === w || f.ruleId.startsWith(`${w}.`));
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const emit = (set: string, label: string, id: string, text: string, gold?: Interval[]) => {
    const { findings, sentences } = analyze(text);
    for (const f of findings.filter(pick)) {
      const s = sentences[f.sentence] ?? { start: f.start, end: f.end };
      const share = gold ? fmt(gold.reduce((n, g) => n + overlap(f, g), 0) / (f.end - f.start)) : '-';
      lines.push(
        [set, label, id, f.ruleId, f.confidence.toFixed(3), share, flat(f.text), flat(text.slice(s.start, s.end))].join(
          '\t',
        ),
      );
    }
  };
  const abp = join(corpora, 'allsides-abp', 'abp-dev.jsonl');
  if (existsSync(abp))
    for (const r of readJsonl<AbpArticle>(abp).filter((a) => splitOf(a.id) === 'tune'))
      emit('allsides', `${r.leaning}:${r.source}`, r.id, `${r.title}\n\n${r.text}`);
  const hyper = join(corpora, 'hyperpartisan-2019', 'semeval2019-byarticle-dev.jsonl');
  if (existsSync(hyper))
    for (const r of readJsonl<{ id: string; hyperpartisan: string | boolean; title: string; text: string }>(hyper))
      if (splitOf(r.id) === 'tune')
        emit(
          'semeval2019',
          String(r.hyperpartisan).toLowerCase() === 'true' ? 'hyperpartisan' : 'mainstream',
          r.id,
          `${r.title}\n\n${r.text}`,
        );
  const ptc = join(corpora, 'ptc-train');
  if (existsSync(join(ptc, 'labels-SI.tsv'))) {
    const gold = readGold(ptc);
    for (const [id, text] of ptcArticles(ptc, 'tune')) emit('ptc', 'propaganda', id, text, merge(gold.get(id) ?? []));
  }
  const basil = join(corpora, 'basil');
  if (existsSync(join(basil, 'basil-dev.jsonl')))
    for (const a of basilArticles(basil, 'tune'))
      emit(
        'basil',
        a.leaning,
        a.id,
        a.text,
        merge(a.spans.filter((g) => g.type === 'lexical' && !g.quoted && g.end > g.start)),
      );
  return lines;
}

export interface BasilArticle {
  id: string;
  event: string;
  leaning: string;
  text: string;
  spans: { start: number; end: number; type: string; quoted: boolean }[];
}

/** BASIL's articles of a half; the half is drawn by the event, so the three reports of one event stay together. */
export function basilArticles(dir: string, split: Split | 'both'): BasilArticle[] {
  return readJsonl<BasilArticle>(join(dir, 'basil-dev.jsonl')).filter(
    (a) => split === 'both' || splitOf(a.event) === split,
  );
}

/** Partial-overlap span scoring (as for PTC), over articles each with predicted and gold spans. */
function spanScore(pairs: { pred: Interval[]; gold: Interval[] }[]) {
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  for (const { pred, gold } of pairs) {
    const s = merge(pred);
    const t = merge(gold);
    nPred += s.length;
    nGold += t.length;
    for (const a of s) for (const b of t) pSum += overlap(a, b) / (a.end - a.start);
    for (const b of t) for (const a of s) rSum += overlap(a, b) / (b.end - b.start);
  }
  const precision = nPred ? pSum / nPred : NaN;
  const recall = nGold ? rSum / nGold : NaN;
  return { predicted: nPred, gold: nGold, precision, recall };
}

/** BASIL: lexical bias in the writer's own voice (`type: lexical`, `quoted: false`) as gold spans. */
function basilLines(dir: string, phrase: Phrase, split: Split): string[] {
  const articles = basilArticles(dir, split);
  const perCategory = new Map<string, { n: number; p: number }>();
  const pairs = articles.map((a) => {
    const gold = a.spans.filter((g) => g.type === 'lexical' && !g.quoted && g.end > g.start);
    const pred = phrase(a.text);
    for (const f of pred) {
      const c = perCategory.get(f.category) ?? { n: 0, p: 0 };
      c.n++;
      for (const g of gold) c.p += overlap(f, g) / (f.end - f.start);
      perCategory.set(f.category, c);
    }
    return { pred, gold };
  });
  const sc = spanScore(pairs);
  return [
    `BASIL writer's-voice lexical spans (partial overlap): ${articles.length} articles, ${sc.predicted} predicted, ${sc.gold} gold`,
    `  precision ${fmt(sc.precision)}  recall ${fmt(sc.recall)}   (targets: ≥ 0.30 / ≥ 0.30)`,
    `  precision by category: ${[...perCategory]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([c, r]) => `${c} ${fmt(r.p / r.n)} (${r.n})`)
      .join(', ')}`,
  ];
}

/** Area under the ROC curve of `score` for telling positives from negatives (ties count a half). */
export function rocAuc(items: { score: number; positive: boolean }[]): number {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (!sorted[k]!.positive) continue;
      rankSum += rank;
      pos++;
    }
    i = j;
  }
  const neg = sorted.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

const per1000 = (n: number, words: number) => (words ? (1000 * n) / words : NaN);

/** SemEval-2019 by-article: findings per 1,000 words as a score of hyperpartisanship. */
function hyperpartisanLines(dir: string, phrase: Phrase, split: Split): string[] {
  const rows = readJsonl<{ id: string; hyperpartisan: string | boolean; title: string; text: string }>(
    join(dir, 'semeval2019-byarticle-dev.jsonl'),
  ).filter((r) => splitOf(r.id) === split);
  const items = rows.map((r) => {
    const text = `${r.title}\n\n${r.text}`;
    const words = countWords(text);
    return {
      score: per1000(phrase(text).length, words) || 0,
      positive: String(r.hyperpartisan).toLowerCase() === 'true',
    };
  });
  const mean = (pos: boolean) => {
    const xs = items.filter((i) => i.positive === pos).map((i) => i.score);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  return [
    `SemEval-2019 hyperpartisan by-article: ${items.length} articles (${items.filter((i) => i.positive).length} hyperpartisan)`,
    `  ROC AUC of findings per 1,000 words ${fmt(rocAuc(items))} (target ≥ 0.80); mean ${mean(true).toFixed(2)} hyperpartisan, ${mean(false).toFixed(2)} not`,
  ];
}

/**
 * AllSides: findings per 1,000 words on centre-rated outlets (the corpora hold no AP or Reuters copy; the centre
 * outlets' news stories are the nearest to copy written to be neutral), and the right/left ratio of findings per
 * 1,000 words on same-topic, same-day stories (a topic and date that both a left- and a right-rated outlet
 * covered), overall and per category.
 */
function allsidesLines(dir: string, phrase: Phrase, split: Split): string[] {
  const rows = readJsonl<AbpArticle>(join(dir, 'abp-dev.jsonl')).filter((r) => splitOf(r.id) === split);
  const key = (r: AbpArticle) => `${r.topic}|${r.date}`;
  const sides = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = sides.get(key(r)) ?? new Set<string>();
    s.add(r.leaning);
    sides.set(key(r), s);
  }
  const rate = new Map<string, { words: number; n: Map<string, number> }>();
  const bump = (leaning: string, words: number, findings: Finding[]) => {
    const r = rate.get(leaning) ?? { words: 0, n: new Map<string, number>() };
    r.words += words;
    for (const f of findings) r.n.set(f.category, (r.n.get(f.category) ?? 0) + 1);
    r.n.set('all', (r.n.get('all') ?? 0) + findings.length);
    rate.set(leaning, r);
  };
  for (const r of rows) {
    const text = `${r.title}\n\n${r.text}`;
    const paired = sides.get(key(r))!;
    const sameStory = paired.has('left') && paired.has('right');
    if (r.leaning === 'center') bump('center', countWords(text), phrase(text));
    else if (sameStory) bump(r.leaning, countWords(text), phrase(text));
  }
  const c = rate.get('center');
  const l = rate.get('left');
  const rt = rate.get('right');
  const lines = [
    `AllSides centre-rated outlets (wire-style proxy; no AP/Reuters copy in the corpora): ${fmt(per1000(c?.n.get('all') ?? 0, c?.words ?? 0))} phrasing findings per 1,000 words (target ≤ 0.5)`,
  ];
  if (l && rt) {
    const cats = [...new Map([...l.n].map(([k, v]) => [k, v + (rt.n.get(k) ?? 0)]))]
      .filter(([k]) => k !== 'all')
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    lines.push(
      `  same-topic same-day stories: left ${l.words} words, right ${rt.words} words; right/left ratio of findings per 1,000 words (target 0.8–1.25):`,
    );
    for (const cat of ['all', ...cats]) {
      const a = per1000(l.n.get(cat) ?? 0, l.words);
      const b = per1000(rt.n.get(cat) ?? 0, rt.words);
      lines.push(
        `    ${cat.padEnd(24)} left ${a.toFixed(3)}  right ${b.toFixed(3)}  ratio ${fmt(b / a)}  (${l.n.get(cat) ?? 0} / ${rt.n.get(cat) ?? 0} findings)`,
      );
    }
  }
  return lines;
}

/**
 * The background's whole analysis (phrasing with the model, then claim and term notes), as `readText` runs it:
 * the median CPU time per article over the PTC articles cut to 1,000 words, the same for the whole articles per
 * 1,000 words, one text of 100,000 words, and the model's load time (parse and decode, best of 5).
 */
async function pipelineSpeed(
  dir: string,
  rules: CompiledRuleSet,
  sensitivity: Sensitivity,
  model: LoadedModel | undefined,
  modelText: string | undefined,
  root: string,
): Promise<string[]> {
  const data = loadDataset(resolve(root, 'dataset')).notes;
  const files = readdirSync(join(dir, 'articles')).filter((f) => /^article\d+\.txt$/.test(f));
  const texts = files.map((f) => readFileSync(join(dir, 'articles', f), 'utf8'));
  const meta = { byline: null, originalPublisher: null };
  const whole = (text: string) => {
    const p = analyzePhrasing(text, 'en', [rules], sensitivity, model);
    matchContext(text, p.sentences, meta, null, p.findings, data);
  };
  const cpu = (fn: () => void) => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  // Articles of 1,000 words: each PTC article of at least that length, cut at its 1,000th word.
  const cut = texts
    .map((t) => {
      const m = [...t.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)];
      return m.length >= 1000 ? t.slice(0, m[999]!.index + m[999]![0].length) : null;
    })
    .filter((t): t is string => t !== null);
  for (const t of cut.slice(0, 10)) whole(t); // warm-up
  const times = cut
    .map((t) =>
      Math.min(
        cpu(() => whole(t)),
        cpu(() => whole(t)),
      ),
    )
    .sort((a, b) => a - b);
  const median = times[times.length >> 1] ?? NaN;
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const all = Math.min(
    cpu(() => texts.forEach(whole)),
    cpu(() => texts.forEach(whole)),
  );
  const big = Array.from({ length: 12 }, () => texts.slice(0, 40).join('\n\n')).join('\n\n');
  const bigWords = countWords(big);
  const bigMs = cpu(() => whole(big));
  const lines = [
    `whole background analysis (phrasing${model?.model ? ' with the model' : ', rules alone'}, then notes), CPU time:`,
    `  ${cut.length} PTC articles cut to 1,000 words: median ${median.toFixed(2)} ms (target ≤ 25 ms), 90th percentile ${(times[Math.floor(times.length * 0.9)] ?? NaN).toFixed(2)} ms`,
    `  all ${texts.length} PTC articles, ${words} words: ${((1000 * all) / words).toFixed(2)} ms per 1,000 words (= ${(1000 / ((1000 * all) / words)).toFixed(0)} pages of 1,000 words per second on one core, analysis only)`,
    `  one text of ${bigWords} words: ${bigMs.toFixed(0)} ms = ${((1000 * bigMs) / bigWords).toFixed(2)} ms per 1,000 words (one synchronous call)`,
  ];
  // The background's read of a 100,000-word page (claims included): in slices, each task timed between turns.
  const claimsFile = resolve(root, 'dataset/models/checkworthy.json');
  const claims = existsSync(claimsFile) ? claimsModel(JSON.parse(readFileSync(claimsFile, 'utf8'))) : undefined;
  const hundred = big.slice(0, [...big.matchAll(/\S+/g)][100_000]?.index ?? big.length);
  const read = {
    article: { text: hundred, lang: 'en', title: '', byline: null, originalPublisher: null } as ArticleInfo,
    url: 'https://example.com/story',
  };
  const runs: { tasks: number[]; total: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const tasks: number[] = [];
    let last = performance.now();
    const t0 = last;
    await readForTabInSlices(read, [rules], data, undefined, model, claims, {
      pause: async () => {
        tasks.push(performance.now() - last);
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      },
    });
    tasks.push(performance.now() - last);
    runs.push({ tasks, total: performance.now() - t0 });
  }
  const warm = runs.slice(1).sort((a, b) => Math.max(...a.tasks) - Math.max(...b.tasks))[0]!;
  const sorted = [...warm.tasks].sort((a, b) => a - b);
  lines.push(
    `  the background's read of one page of ${countWords(hundred)} words in slices (claims included), wall time: ${warm.tasks.length} tasks, longest ${Math.max(...warm.tasks).toFixed(1)} ms (target < 50), median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, the last (the last slice, then the choice over the whole text) ${warm.tasks.at(-1)!.toFixed(1)} ms; ${warm.total.toFixed(0)} ms in all (best of runs 2–3; run 1's longest ${Math.max(...runs[0]!.tasks).toFixed(1)} ms)`,
  );
  // A worker's first read: the warm-up's steps in a fresh process (best of three processes, by longest step).
  const hundredFile = resolve(root, '.tmp/eval-phrasing-100k.txt');
  writeFileSync(hundredFile, hundred);
  const colds = [0, 1, 2].map(() => {
    const run = spawnSync(process.execPath, [process.argv[1]!, '--cold-start', hundredFile], { encoding: 'utf8' });
    try {
      return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as {
        load: number;
        steps: { step: string; ms: number }[];
        first: number;
        tasks: number[];
      };
    } catch {
      return null;
    }
  });
  const cold = colds
    .filter((c) => c !== null)
    .sort((a, b) => Math.max(...a.steps.map((x) => x.ms)) - Math.max(...b.steps.map((x) => x.ms)))[0];
  if (cold)
    lines.push(
      `  a worker's first article (fresh process, best of 3): models parsed ${cold.load.toFixed(1)} ms, then the warm-up in ${cold.steps.length} tasks: ${cold.steps.map((x) => `${x.step} ${x.ms.toFixed(1)}`).join(', ')} ms (target each < 50); the first read after it ${cold.first.toFixed(1)} ms; then the ${countWords(hundred)}-word page: ${cold.tasks.length} tasks, longest ${Math.max(...cold.tasks).toFixed(1)} ms (target < 50)`,
    );
  if (modelText) {
    let best = Infinity;
    for (let i = 0; i < 5; i++)
      best = Math.min(
        best,
        cpu(() => loadPhrasingModel(modelText)),
      );
    lines.push(
      `  loading the model (${(modelText.length / 1024).toFixed(0)} KB of JSON): ${best.toFixed(1)} ms (target ≤ 100 ms)`,
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

/**
 * A worker's first read, in a process of its own (nothing compiled yet): the warm-up's steps, each its own task as
 * the background runs them, then the first read of a short article; prints one JSON line.
 */
async function coldStart(root: string, textFile?: string): Promise<void> {
  const raw = [JSON.parse(readFileSync(resolve(root, 'dataset/rules/en.json'), 'utf8')) as RuleSet];
  const data = loadDataset(resolve(root, 'dataset')).notes;
  const t0 = performance.now();
  const model = loadPhrasingModel(readFileSync(resolve(root, 'dataset/models/phrasing.json'), 'utf8'));
  const claims = claimsModel(JSON.parse(readFileSync(resolve(root, 'dataset/models/checkworthy.json'), 'utf8')));
  const load = performance.now() - t0;
  const steps = await warmUp(raw, data, model, claims, () => new Promise((r) => setTimeout(r, 0)));
  const text = 'The army said on Monday that the attack killed 40 people. Critics called it a “massacre”.';
  const t1 = performance.now();
  readForTab(
    { article: { text, lang: 'en', title: '', byline: null, originalPublisher: null } as ArticleInfo, url: '' },
    compileRules(raw),
    data,
    undefined,
    model,
    claims,
  );
  const first = performance.now() - t1;
  // Then a long page as the worker's next read: its tasks, each timed between turns.
  const tasks: number[] = [];
  if (textFile) {
    const long = readFileSync(textFile, 'utf8');
    let last = performance.now();
    await readForTabInSlices(
      { article: { text: long, lang: 'en', title: '', byline: null, originalPublisher: null } as ArticleInfo, url: '' },
      compileRules(raw),
      data,
      undefined,
      model,
      claims,
      {
        pause: async () => {
          tasks.push(performance.now() - last);
          await new Promise((r) => setTimeout(r, 0));
          last = performance.now();
        },
      },
    );
    tasks.push(performance.now() - last);
  }
  console.log(JSON.stringify({ load, steps, first, tasks }));
}

export async function main(argv: string[], root: string): Promise<number> {
  const cold = argv.indexOf('--cold-start');
  if (cold >= 0) {
    await coldStart(root, argv[cold + 1]);
    return 0;
  }
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
  const dump = flag('--dump');
  const noModel = bool('--no-model');
  const corpora = resolve(args[0] ?? resolve(root, '../shared/corpora'));
  const threshold = SENSITIVITIES[sensitivity];
  if (threshold === undefined) {
    console.error(`unknown sensitivity "${sensitivity}"; one of ${Object.keys(SENSITIVITIES).join(', ')}`);
    return 2;
  }
  const ptcDir = join(corpora, 'ptc-train');
  const babeDir = join(corpora, 'babe');
  const basilDir = join(corpora, 'basil');
  const hyperDir = join(corpora, 'hyperpartisan-2019');
  const abpDir = join(corpora, 'allsides-abp');
  const hasPtc = existsSync(join(ptcDir, 'labels-SI.tsv'));
  const hasBabe = existsSync(babeDir);
  const hasBasil = existsSync(join(basilDir, 'basil-dev.jsonl'));
  const hasHyper = existsSync(join(hyperDir, 'semeval2019-byarticle-dev.jsonl'));
  const hasAbp = existsSync(join(abpDir, 'abp-dev.jsonl'));
  if (!hasPtc && !hasBabe && !hasBasil && !hasHyper && !hasAbp) {
    console.log(
      `eval:phrasing: skipped: no corpora at ${corpora} (expected ptc-train/, babe/, basil/, hyperpartisan-2019/ or allsides-abp/ there)`,
    );
    return 0;
  }
  const rules = loadRules(root);
  const modelFile = flag('--model') ?? resolve(root, 'dataset/models/phrasing.json');
  const model = noModel
    ? undefined
    : loadPhrasingModel(existsSync(modelFile) ? readFileSync(modelFile, 'utf8') : undefined);
  console.log(model?.model ? `phrasing model: ${modelFile}` : `phrasing model: off (${model?.reason ?? '--no-model'})`);
  const phrase: Phrase = (text) => analyzePhrasing(text, 'en', [rules], sensitivity, model).findings;
  console.log(
    `Gloss phrasing rules: ${rules.rules.length} rules, sensitivity "${sensitivity}" (threshold ${threshold})`,
  );
  if (dump) {
    // Tune half only, like --words and --try: reading findings one by one is choosing.
    const analyze = (text: string) => analyzePhrasing(text, 'en', [rules], sensitivity, model);
    for (const line of dumpReport(corpora, dump.split(','), analyze)) console.log(line);
    return 0;
  }
  if (showWords || tryFile) {
    const dirs = [hasPtc ? ptcDir : undefined, hasBabe ? babeDir : undefined] as const;
    const lines = tryFile ? tryReport(resolve(tryFile), ...dirs, phrase) : wordsReport(...dirs, phrase);
    for (const line of lines) console.log(line);
    return 0;
  }
  const splits: Split[] = onlySpeed ? [] : splitArg === 'both' ? ['tune', 'held-out'] : [splitArg as Split];
  for (const split of splits) {
    console.log(
      `\n== ${split} half${split === 'held-out' ? ' (the reported figures)' : ' (rules are tuned on this one)'} ==`,
    );
    if (hasPtc) {
      const p = evalPtc(ptcDir, phrase, split);
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
      for (const line of ptcByCategory(ptcDir, phrase, split)) console.log(line);
      if (showRules && split === 'tune') {
        for (const [id, r] of [...p.perRule].sort((a, b) => b[1].n - a[1].n))
          console.log(`    ${id.padEnd(48)} n=${String(r.n).padStart(4)}  precision ${fmt(r.p / r.n)}`);
      }
    } else console.log(`PTC: skipped (no ${ptcDir})`);
    if (hasBabe) {
      const b = evalBabe(babeDir, phrase, split);
      for (const line of babeLines(b)) console.log(line);
      if (showRules && split === 'tune') {
        for (const [id, r] of [...b.perRule].sort((a, b2) => b2[1].biased + b2[1].neutral - a[1].biased - a[1].neutral))
          console.log(
            `    ${id.padEnd(48)} biased ${String(r.biased).padStart(3)}  non-biased ${String(r.neutral).padStart(3)}`,
          );
      }
    } else console.log(`BABE: skipped (no ${babeDir})`);
    for (const [has, dir, lines] of [
      [hasBasil, basilDir, basilLines],
      [hasHyper, hyperDir, hyperpartisanLines],
      [hasAbp, abpDir, allsidesLines],
    ] as const) {
      if (has) for (const line of lines(dir, phrase, split)) console.log(line);
      else console.log(`skipped: no ${dir}`);
    }
  }
  if (hasPtc && showSpeed) {
    console.log('');
    for (const line of speed(ptcDir, rules, threshold)) console.log(line);
    const modelText = existsSync(modelFile) && !noModel ? readFileSync(modelFile, 'utf8') : undefined;
    for (const line of await pipelineSpeed(ptcDir, rules, sensitivity, model, modelText, root)) console.log(line);
  }
  return 0;
}

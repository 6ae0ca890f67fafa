/**
 * Measures the unsupported-claim stage against human-made corpora (never copied into the project):
 *
 * - `checkworthy/claimbuster-dev.jsonl`: ClaimBuster's debate sentences; CFS (check-worthy factual) against UFS
 *   and NFS. The check-worthiness model's own precision/recall curve and average precision, and the whole
 *   finding's precision and recall (each sentence read on its own: model, writer's voice, attribution).
 * - `checkworthy/polnear-*.jsonl`: PolNeAR's news sentences with hand-annotated attributions: precision and
 *   recall of "attributed" for `attributionOf`, on the corpus's own sentence spans.
 * - `allsides-abp/abp-dev.jsonl`: findings per 1,000 words by the outlet's AllSides rating; the centre-rated
 *   outlets are the proxy for wire-service style copy (the AP and Reuters articles themselves are held out of
 *   this folder), and the right/left ratio.
 * - speed: the stage's time per 1,000 words on the AllSides articles, and with the phrasing analysis.
 *
 * Every document falls in one of two fixed halves by a hash of its id (scripts/eval-unsupported-lib.ts): the
 * model is fitted and its threshold chosen on `tune`; figures are reported on `held-out`.
 *
 *   npm run eval:unsupported -- ../shared/corpora [--split tune|held-out] [--show N] [--context N]
 *   npm run eval:unsupported -- ../shared/corpora --split tune --list
 *
 * On AllSides it also gives the right/left ratio on same-topic same-day stories, a 95% bootstrap interval over
 * articles for each ratio, and what the texts are like by side (who speaks, how much is sourced, how much is
 * check-worthy, how much of it lies out of reach of any source). `--context N` reads with a window of N sentences
 * either side instead of the stage's; `--list` (tune half only) lists every finding, and the check-worthy
 * sentences in the writer's voice that were not flagged, with why.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT, findUnsupportedClaims, type ClaimScore } from '../utils/claims';
import { speakerVoice } from '../utils/claims/stage';
import { DEFAULT_SENSITIVITY, thresholdFor } from '../utils/sensitivity';
import { loadCheckworthy, type CheckworthyModel } from '../utils/claims/model';
import { attributionOf } from '../utils/analyze/attribution';
import { findQuotes } from '../utils/text/quotes';
import { countWords, sentences as splitSentences } from '../utils/text/segment';
import { analyzeText } from '../utils/analyze';
import { compileRuleSet, type RuleSet } from '../utils/analyze/rules';
import { readJsonl, splitOf, type AbpArticle, type Split } from './eval-unsupported-lib';
import { loadDataset } from '../utils/dataset/load';
import { compileRules, readText } from '../utils/pipeline';
import { mulberry32 } from './seeded';

const pct = (x: number) => x.toFixed(3);

function claimbuster(dir: string, model: CheckworthyModel, split: Split): void {
  const rows = readJsonl<{ id: string; doc: string; text: string; label: string }>(
    join(dir, 'claimbuster-dev.jsonl'),
  ).filter((r) => splitOf(r.doc) === split);
  const scored = rows.map((r) => ({ y: r.label === 'CFS', s: model.score(r.text), r }));
  const pos = scored.filter((x) => x.y).length;
  // Average precision: the mean of the precision at each positive, sentences in order of score.
  const sorted = [...scored].sort((a, b) => b.s - a.s);
  let tp = 0;
  let ap = 0;
  sorted.forEach((x, k) => {
    if (x.y) {
      tp++;
      ap += tp / (k + 1);
    }
  });
  console.log(`\nClaimBuster (${split} half: ${rows.length} sentences, ${pos} CFS)`);
  console.log(`  model: average precision ${pct(ap / pos)}; threshold ${model.threshold.toFixed(4)} (chosen on tune)`);
  console.log('  score  precision  recall  flagged');
  for (const t of [0.2, 0.3, 0.4, 0.5, model.threshold, 0.6, 0.7, 0.8, 0.9].sort((a, b) => a - b)) {
    const f = scored.filter((x) => x.s >= t);
    const hit = f.filter((x) => x.y).length;
    console.log(`  ${t.toFixed(3)}  ${pct(hit / Math.max(f.length, 1))}      ${pct(hit / pos)}   ${f.length}`);
  }
  let ftp = 0;
  let fcount = 0;
  const reasons = new Map<string, number>();
  for (const x of scored) {
    const trace: ClaimScore[] = [];
    const found = findUnsupportedClaims(x.r.text, [{ start: 0, end: x.r.text.length }], model, {}, trace);
    for (const t of trace) if (t.skipped) reasons.set(t.skipped, (reasons.get(t.skipped) ?? 0) + 1);
    if (found.length) {
      fcount++;
      if (x.y) ftp++;
    }
  }
  console.log(
    `  the finding (writer's voice, unattributed, model above threshold): precision ${pct(ftp / Math.max(fcount, 1))} recall ${pct(ftp / pos)} (${fcount} flagged)`,
  );
  console.log(`  not flagged because: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

function polnear(dir: string, split: Split, show: number): void {
  const articles = new Map(
    readJsonl<{ doc: string; text: string }>(join(dir, 'polnear-articles-dev.jsonl')).map((a) => [a.doc, a.text]),
  );
  const byDoc = new Map<string, { start: number; end: number; label: string }[]>();
  for (const r of readJsonl<{ doc: string; start: number; end: number; label: string }>(
    join(dir, 'polnear-sentences-dev.jsonl'),
  )) {
    if (splitOf(r.doc) !== split) continue;
    let list = byDoc.get(r.doc);
    if (!list) byDoc.set(r.doc, (list = []));
    list.push(r);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n = 0;
  const how = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const [doc, rows] of byDoc) {
    const text = articles.get(doc);
    if (!text) continue;
    rows.sort((a, b) => a.start - b.start);
    const speech = findQuotes(text).filter((q) => q.kind === 'speech');
    const out = attributionOf(text, rows, speech);
    rows.forEach((r, k) => {
      const a = out[k]!;
      const y = r.label === 'attributed';
      if (show && split === 'tune' && a.attributed !== y && misses.length < show && Math.random() < 0.1) {
        misses.push(`  ${y ? 'missed' : 'false'} [${a.how ?? ''}] ${text.slice(r.start, r.end).slice(0, 200)}`);
      }
      n++;
      if (a.attributed && y) tp++;
      if (a.attributed && !y) fp++;
      if (!a.attributed && y) fn++;
      if (a.how) {
        const h = how.get(a.how) ?? [0, 0];
        h[0]++;
        if (y) h[1]++;
        how.set(a.how, h);
      }
    });
  }
  console.log(`\nPolNeAR attribution (${split} half: ${byDoc.size} articles, ${n} sentences)`);
  console.log(`  "attributed": precision ${pct(tp / (tp + fp))} recall ${pct(tp / (tp + fn))}`);
  console.log(`  by how: ${[...how].map(([k, [c, ok]]) => `${k} ${c} (precision ${pct(ok / c)})`).join(', ')}`);
  if (misses.length) console.log(misses.join('\n'));
}

/** One article as the stage read it: its words, findings, and what its sentences were. */
interface ArticleRead {
  leaning: string;
  story: string;
  words: number;
  findings: number;
  sentences: number;
  /** Sentences in a speaker's words (voice). */
  speaker: number;
  /** Writer's-voice sentences with a source of their own (`attributionOf`). */
  attributed: number;
  writer: number;
  /** Writer's-voice sentences the model scores check-worthy (questions and lines under four words aside). */
  checkworthy: number;
  /** Sentences that reached the model: writer's voice, unsourced, no caption, out of reach of every source. */
  reached: number;
  opinion: boolean;
}

/**
 * The right/left ratio of findings per 1,000 words and its 95% interval, resampling each side's articles with
 * replacement (2,000 times, fixed seed): with a few dozen findings in a dozen articles, one article moves it.
 */
export function ratioInterval(left: ArticleRead[], right: ArticleRead[], reps = 2000): [number, number, number] {
  const rate = (xs: ArticleRead[]) => xs.reduce((n, x) => n + x.findings, 0) / xs.reduce((n, x) => n + x.words, 0);
  const next = mulberry32(20261207);
  const draw = (xs: ArticleRead[]) => Array.from(xs, () => xs[Math.floor(next() * xs.length)]!);
  const ratios: number[] = [];
  for (let k = 0; k < reps; k++) ratios.push(rate(draw(right)) / rate(draw(left)));
  ratios.sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(reps - 1, Math.floor(q * reps))]!;
  return [rate(right) / rate(left), at(0.025), at(0.975)];
}

// The two parties and their leaders, swapped one for the other: a model that judges wording scores a sentence
// the same whichever side it names.
const SWAPS: [string, string][] = [
  ['Democrats', 'Republicans'],
  ['Democratic', 'Republican'],
  ['Democrat', 'Republican'],
  ['Obama', 'Trump'],
  ['Clinton', 'Bush'],
  ['Biden', 'Romney'],
];
const SWAP = new RegExp(`\\b(?:${SWAPS.flat().join('|')})\\b`, 'g');
const SWAPPED = new Map(SWAPS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));
const swapSides = (sentence: string) => sentence.replace(SWAP, (w) => SWAPPED.get(w) ?? w);

// An address that files the article under opinion or analysis.
const OPINION_URL =
  /\/(?:opinions?|commentary|columns?|columnists?|editorials?|analysis|blogs?|perspectives?|voices)\//i;

function allsides(
  dir: string,
  model: CheckworthyModel,
  split: Split,
  show: number,
  rules: RuleSet | null,
  options: { context?: number; list?: boolean; dump?: string[] },
): void {
  const rows = readJsonl<AbpArticle>(join(dir, 'abp-dev.jsonl')).filter((r) => splitOf(r.id) === split);
  const floor = thresholdFor(DEFAULT_SENSITIVITY);
  let ms = 0;
  let phrasingMs = 0;
  let words = 0;
  const compiled = rules ? compileRuleSet(rules) : null;
  const samples: string[] = [];
  const kinds = new Map<string, number>();
  const read: ArticleRead[] = [];
  const listed: string[] = [];
  const missed = new Map<string, Map<string, number>>();
  const missedSamples = new Map<string, string[]>();
  const pick = mulberry32(7);
  const swapped = new Map<string, { n: number; across: number; change: number }>();
  for (const r of rows) {
    const text = `${r.title}\n\n${r.text}`;
    const w = countWords(text);
    const t0 = performance.now();
    // As the pipeline runs it (utils/claims/stage.ts): the voice analysis for whose words each stretch is, the
    // default sensitivity's floor.
    const spans = splitSentences(text, 'en');
    const quotes = findQuotes(text);
    const voice = speakerVoice(text, spans, quotes);
    const speech = quotes.filter((q) => q.kind === 'speech');
    const trace: ClaimScore[] = [];
    const found = findUnsupportedClaims(
      text,
      spans,
      model,
      { voice, speech, threshold: floor, context: options.context },
      trace,
    );
    const t1 = performance.now();
    if (compiled) analyzeText(text, compiled, {}, spans);
    phrasingMs += performance.now() - t1;
    ms += t1 - t0;
    words += w;
    // What the texts are like, side by side: who speaks, how much is sourced, how much is check-worthy.
    const attribution = attributionOf(text, spans, speech);
    const why = new Map(trace.map((t) => [t.sentence, t]));
    const a: ArticleRead = {
      leaning: r.leaning,
      story: `${r.topic}|${r.date}`,
      words: w,
      findings: found.length,
      sentences: spans.length,
      speaker: 0,
      attributed: 0,
      writer: 0,
      checkworthy: 0,
      reached: trace.filter((t) => !t.skipped || t.skipped === 'below-threshold').length,
      opinion: OPINION_URL.test(r.url ?? ''),
    };
    spans.forEach((s, i) => {
      if (!voice.isWriter(s.start, s.end)) {
        a.speaker++;
        return;
      }
      a.writer++;
      if (attribution[i]!.attributed) a.attributed++;
      const t = why.get(i);
      if (t?.skipped === 'question' || t?.skipped === 'short') return;
      const sentence = text.slice(s.start, s.end);
      const score = model.score(sentence);
      if (SWAP.test(sentence)) {
        SWAP.lastIndex = 0;
        const other = model.score(swapSides(sentence));
        const sw = swapped.get(r.leaning) ?? { n: 0, across: 0, change: 0 };
        sw.n++;
        sw.change += Math.abs(other - score);
        if (score >= model.threshold !== other >= model.threshold) sw.across++;
        swapped.set(r.leaning, sw);
      }
      SWAP.lastIndex = 0;
      if (score < model.threshold) return;
      a.checkworthy++;
      if (!options.list || !t?.skipped) return;
      // A check-worthy sentence in the writer's voice that is not marked, and why.
      const how = attribution[i]!;
      const reason =
        t.skipped === 'sourced'
          ? `sourced: ${how.how}${how.cue ? ` “${text.slice(how.cue.start, how.cue.end).toLowerCase()}”` : ''}`
          : t.skipped;
      const key = t.skipped === 'sourced' ? `sourced: ${how.how}` : t.skipped;
      const m = missed.get(r.leaning) ?? new Map<string, number>();
      m.set(key, (m.get(key) ?? 0) + 1);
      missed.set(r.leaning, m);
      const list = missedSamples.get(r.leaning) ?? [];
      if (list.length < (show || 10) && pick() < 0.05) list.push(`    [${reason}] ${sentence.slice(0, 160)}`);
      missedSamples.set(r.leaning, list);
    });
    read.push(a);
    if (options.dump) {
      const flagged = trace.filter((t) => !t.skipped);
      options.dump.push(
        JSON.stringify({
          leaning: r.leaning,
          words: w,
          findings: flagged.map((t, k) => ({ score: t.score, kind: found[k]!.ruleId, i: t.sentence })),
          sourced: trace.filter((t) => t.skipped === 'sourced').map((t) => t.sentence),
          n: spans.length,
        }),
      );
    }
    for (const f of found) {
      const kind = f.ruleId.split('.')[1]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (options.list) {
        const score = trace.find((t) => t.sentence === f.sentence)?.score ?? 0;
        listed.push(
          `  ${r.leaning.padEnd(6)} ${r.source.slice(0, 22).padEnd(22)} ${kind.padEnd(10)} ${score.toFixed(2)}  ${f.text.slice(0, 150)}`,
        );
      } else if (samples.length < show && Math.random() < (show > 100 ? 1 : 0.05))
        samples.push(`  [${r.leaning} ${f.ruleId} ${f.confidence}] ${f.text}`);
    }
  }
  const context = options.context ?? CONTEXT;
  console.log(
    `\nAllSides (${split} half: ${rows.length} articles, ${words} words; the stage as the pipeline runs it: voice, the default sensitivity, ${context} sentences either side), findings per 1,000 words`,
  );
  const side = (k: string, xs = read) => xs.filter((x) => x.leaning === k);
  const sum = (xs: ArticleRead[], f: (x: ArticleRead) => number) => xs.reduce((n, x) => n + f(x), 0);
  const per1000 = (xs: ArticleRead[], f: (x: ArticleRead) => number) =>
    (1000 * sum(xs, f)) /
    Math.max(
      sum(xs, (x) => x.words),
      1,
    );
  for (const k of ['left', 'center', 'right']) {
    const xs = side(k);
    if (!xs.length) continue;
    const withF = xs.filter((x) => x.findings).map((x) => x.findings);
    const top = Math.max(0, ...withF);
    console.log(
      `  ${k.padEnd(6)} ${per1000(xs, (x) => x.findings).toFixed(3)}  (${sum(xs, (x) => x.findings)} findings in ${withF.length} of ${xs.length} articles; the most in one article ${top})`,
    );
  }
  const [all, lo, hi] = ratioInterval(side('left'), side('right'));
  // The same ratio with each side's article of the most findings left out: how much one article carries.
  const withoutTop = (xs: ArticleRead[]) => {
    const top = xs.reduce((m, x) => (x.findings > m.findings ? x : m), xs[0]!);
    return xs.filter((x) => x !== top);
  };
  const rl = per1000(withoutTop(side('left')), (x) => x.findings);
  const rr = per1000(withoutTop(side('right')), (x) => x.findings);
  console.log(
    `  centre-rated outlets (wire-style proxy): ${per1000(side('center'), (x) => x.findings).toFixed(3)}; right/left ratio ${all.toFixed(2)} (95% bootstrap interval over articles ${lo.toFixed(2)}–${hi.toFixed(2)}; ${(rr / rl).toFixed(2)} with each side's article of the most findings left out)`,
  );
  // Same-topic, same-day stories: a topic and date that both a left- and a right-rated outlet covered.
  const sides = new Map<string, Set<string>>();
  for (const x of read) sides.set(x.story, (sides.get(x.story) ?? new Set()).add(x.leaning));
  const paired = read.filter((x) => sides.get(x.story)!.has('left') && sides.get(x.story)!.has('right'));
  const pl = side('left', paired);
  const pr = side('right', paired);
  if (pl.length && pr.length && !sum(pl, (x) => x.findings) && !sum(pr, (x) => x.findings)) {
    console.log(
      `  same-topic same-day stories (${pl.length} left, ${pr.length} right articles): no findings on either side, no ratio`,
    );
  } else if (pl.length && pr.length) {
    const [r2, lo2, hi2] = ratioInterval(pl, pr);
    console.log(
      `  same-topic same-day stories (${pl.length} left, ${pr.length} right articles): left ${per1000(pl, (x) => x.findings).toFixed(3)} (${sum(pl, (x) => x.findings)}), right ${per1000(pr, (x) => x.findings).toFixed(3)} (${sum(pr, (x) => x.findings)}); right/left ratio ${r2.toFixed(2)} (95% interval ${lo2.toFixed(2)}–${hi2.toFixed(2)})`,
    );
  }
  console.log('  the texts, by side:');
  console.log(
    '    side    words/article  speaker’s sentences  writer’s attributed  check-worthy writer’s /1,000 words  reached the model /1,000 words  articles with one  flagged of reached  opinion/analysis URL',
  );
  for (const k of ['left', 'center', 'right']) {
    const xs = side(k);
    if (!xs.length) continue;
    const share = (f: (x: ArticleRead) => number, g: (x: ArticleRead) => number) =>
      (sum(xs, f) / Math.max(sum(xs, g), 1)).toFixed(3);
    console.log(
      `    ${k.padEnd(6)}  ${(sum(xs, (x) => x.words) / xs.length).toFixed(0).padStart(13)}  ${share(
        (x) => x.speaker,
        (x) => x.sentences,
      ).padStart(19)}  ${share(
        (x) => x.attributed,
        (x) => x.writer,
      ).padStart(19)}  ${per1000(xs, (x) => x.checkworthy)
        .toFixed(2)
        .padStart(34)}  ${per1000(xs, (x) => x.reached)
        .toFixed(3)
        .padStart(30)}  ${(xs.filter((x) => x.reached).length / xs.length).toFixed(3).padStart(17)}  ${share(
        (x) => x.findings,
        (x) => x.reached,
      ).padStart(18)}  ${(xs.filter((x) => x.opinion).length / xs.length).toFixed(3).padStart(20)}`,
    );
  }
  console.log(
    `  the model with the parties and their leaders swapped (${SWAPS.map((p) => p.join('↔')).join(', ')}), writer’s sentences naming one: ${[
      'left',
      'center',
      'right',
    ]
      .map((k) => {
        const sw = swapped.get(k);
        return sw
          ? `${k} ${sw.n}, ${(sw.across / sw.n).toFixed(3)} cross the threshold, mean change ${(sw.change / sw.n).toFixed(3)}`
          : `${k} none`;
      })
      .join('; ')}`,
  );
  console.log(`  kinds: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `  speed: the claim stage (sentences, quotations, voice, attribution, model) ${((1000 * ms) / words).toFixed(2)} ms per 1,000 words` +
      (compiled
        ? `; with the phrasing rules ${((1000 * (ms + phrasingMs)) / words).toFixed(2)} ms per 1,000 words`
        : ''),
  );
  if (samples.length) console.log(samples.join('\n'));
  if (options.list) {
    console.log('  the findings:');
    console.log(listed.sort().join('\n'));
    for (const k of ['left', 'center', 'right']) {
      const m = missed.get(k);
      if (!m) continue;
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      console.log(
        `  ${k}: check-worthy writer’s sentences not flagged ${total}: ${[...m]
          .sort((a, b) => b[1] - a[1])
          .map(([why, n]) => `${why} ${(n / total).toFixed(3)}`)
          .join(', ')}`,
      );
      console.log((missedSamples.get(k) ?? []).join('\n'));
    }
  }
}

/**
 * The background's whole analysis after extraction (phrasing rules, unsupported claims, context notes), as
 * `readText` runs it, on the first 300 articles of the half: ms per 1,000 words, and with the claim stage off.
 */
function speed(dir: string, model: CheckworthyModel, split: Split, root: string): void {
  const rows = readJsonl<{ id: string; title: string; text: string }>(join(dir, 'abp-dev.jsonl'))
    .filter((r) => splitOf(r.id) === split)
    .slice(0, 300);
  const { rules, notes } = loadDataset(join(root, 'dataset'));
  const compiled = compileRules(rules);
  const time = (claims: CheckworthyModel | undefined) => {
    let ms = 0;
    let words = 0;
    for (const r of rows) {
      const text = `${r.title}\n\n${r.text}`;
      const article = {
        title: r.title,
        byline: null,
        publisher: null,
        originalPublisher: null,
        published: null,
        lang: 'en',
        url: null,
        text,
      };
      const t0 = performance.now();
      readText(article, null, compiled, notes, { claims });
      ms += performance.now() - t0;
      words += countWords(text);
    }
    return (1000 * ms) / words;
  };
  time(model); // warm up
  const off = time(undefined);
  const on = time(model);
  console.log(
    `\nSpeed (${split} half, ${rows.length} AllSides articles, readText: phrasing rules, claims, notes): ${on.toFixed(2)} ms per 1,000 words; ${off.toFixed(2)} without the claim stage`,
  );
}

export async function main(args: string[], root: string): Promise<number> {
  const corpora = args.find((a) => !a.startsWith('--'));
  const splitArg = args[args.indexOf('--split') + 1];
  const split: Split = args.includes('--split') && splitArg === 'tune' ? 'tune' : 'held-out';
  const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) || 20 : 0;
  if (!corpora || !existsSync(corpora)) {
    console.log(
      `skipped: no corpora folder (${corpora ?? 'none given'}); usage: npm run eval:unsupported -- ../shared/corpora`,
    );
    return 0;
  }
  const file = join(root, 'dataset/models/checkworthy.json');
  const model = loadCheckworthy(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  if (typeof model === 'string') {
    console.error(model);
    return 1;
  }
  const rulesFile = join(root, 'dataset/rules/en.json');
  const rules = existsSync(rulesFile) ? (JSON.parse(readFileSync(rulesFile, 'utf8')) as RuleSet) : null;
  console.log(
    `Reporting the ${split} half${split === 'tune' ? ' (the half the model was fitted on: not a result)' : ''}.`,
  );
  const cw = join(corpora, 'checkworthy');
  if (existsSync(join(cw, 'claimbuster-dev.jsonl'))) claimbuster(cw, model, split);
  else console.log('skipped ClaimBuster: checkworthy/claimbuster-dev.jsonl is not there');
  if (existsSync(join(cw, 'polnear-sentences-dev.jsonl'))) polnear(cw, split, show);
  else console.log('skipped PolNeAR: checkworthy/polnear-sentences-dev.jsonl is not there');
  const abp = join(corpora, 'allsides-abp');
  const dumpFile = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;
  const dump: string[] | undefined = dumpFile ? [] : undefined;
  const context = args.includes('--context') ? Number(args[args.indexOf('--context') + 1]) : undefined;
  const list = args.includes('--list');
  if (list && split !== 'tune') {
    console.error('--list reads the tune half only: add --split tune');
    return 1;
  }
  if (existsSync(join(abp, 'abp-dev.jsonl'))) allsides(abp, model, split, show, rules, { context, list, dump });
  else console.log('skipped AllSides: allsides-abp/abp-dev.jsonl is not there');
  if (existsSync(join(abp, 'abp-dev.jsonl'))) speed(abp, model, split, root);
  if (dumpFile && dump) writeFileSync(dumpFile, dump.join('\n') + '\n');
  return 0;
}

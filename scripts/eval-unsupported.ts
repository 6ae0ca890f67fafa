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
 *   npm run eval:unsupported -- ../shared/corpora [--split tune|held-out] [--show N]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findUnsupportedClaims, type ClaimScore } from '../utils/claims';
import { loadCheckworthy, type CheckworthyModel } from '../utils/claims/model';
import { attributionOf } from '../utils/analyze/attribution';
import { findQuotes } from '../utils/text/quotes';
import { countWords, sentences as splitSentences } from '../utils/text/segment';
import { analyzeText } from '../utils/analyze';
import { compileRuleSet, type RuleSet } from '../utils/analyze/rules';
import { splitOf, type Split } from './eval-unsupported-lib';
import { loadDataset } from '../utils/dataset/load';
import { compileRules, readText } from '../utils/pipeline';

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

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

function allsides(
  dir: string,
  model: CheckworthyModel,
  split: Split,
  show: number,
  rules: RuleSet | null,
  dump?: string[],
): void {
  const rows = readJsonl<{ id: string; source: string; leaning: string; title: string; text: string }>(
    join(dir, 'abp-dev.jsonl'),
  ).filter((r) => splitOf(r.id) === split);
  const by = new Map<string, { words: number; findings: number; articles: number; with: number }>();
  let ms = 0;
  let phrasingMs = 0;
  let words = 0;
  const compiled = rules ? compileRuleSet(rules) : null;
  const samples: string[] = [];
  const kinds = new Map<string, number>();
  for (const r of rows) {
    const text = `${r.title}\n\n${r.text}`;
    const w = countWords(text);
    const t0 = performance.now();
    const spans = splitSentences(text, 'en');
    const trace: ClaimScore[] = [];
    const found = findUnsupportedClaims(text, spans, model, {}, trace);
    const t1 = performance.now();
    if (compiled) analyzeText(text, compiled, {}, spans);
    phrasingMs += performance.now() - t1;
    ms += t1 - t0;
    words += w;
    const b = by.get(r.leaning) ?? { words: 0, findings: 0, articles: 0, with: 0 };
    if (found.length) b.with++;
    b.words += w;
    b.findings += found.length;
    b.articles++;
    by.set(r.leaning, b);
    if (dump) {
      const flagged = trace.filter((t) => !t.skipped);
      const counted = trace.filter((t) => t.skipped !== 'short' && t.skipped !== 'question');
      const src = trace.filter((t) => t.skipped === 'sourced').length;
      dump.push(
        JSON.stringify({
          leaning: r.leaning,
          words: w,
          share: src / Math.max(counted.length, 1),
          findings: flagged.map((t, k) => ({ score: t.score, kind: found[k]!.ruleId, i: t.sentence })),
          sourced: trace.filter((t) => t.skipped === 'sourced').map((t) => t.sentence),
          n: spans.length,
        }),
      );
    }
    for (const f of found) {
      const kind = f.ruleId.split('.')[1]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (samples.length < show && Math.random() < (show > 100 ? 1 : 0.05))
        samples.push(`  [${r.leaning} ${f.ruleId} ${f.confidence}] ${f.text}`);
    }
  }
  console.log(`\nAllSides (${split} half: ${rows.length} articles, ${words} words), findings per 1,000 words`);
  const rate = (k: string) => {
    const b = by.get(k);
    return b ? (1000 * b.findings) / b.words : NaN;
  };
  for (const k of ['left', 'center', 'right']) {
    const b = by.get(k);
    if (b)
      console.log(
        `  ${k.padEnd(6)} ${rate(k).toFixed(3)}  (${b.findings} findings in ${b.with} of ${b.articles} articles)`,
      );
  }
  console.log(
    `  centre-rated outlets (wire-style proxy): ${rate('center').toFixed(3)}; right/left ratio ${(rate('right') / rate('left')).toFixed(2)}`,
  );
  console.log(`  kinds: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `  speed: the claim stage (sentences, attribution, model) ${((1000 * ms) / words).toFixed(2)} ms per 1,000 words` +
      (compiled
        ? `; with the phrasing rules ${((1000 * (ms + phrasingMs)) / words).toFixed(2)} ms per 1,000 words`
        : ''),
  );
  if (samples.length) console.log(samples.join('\n'));
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
  if (existsSync(join(abp, 'abp-dev.jsonl'))) allsides(abp, model, split, show, rules, dump);
  else console.log('skipped AllSides: allsides-abp/abp-dev.jsonl is not there');
  if (existsSync(join(abp, 'abp-dev.jsonl'))) speed(abp, model, split, root);
  if (dumpFile && dump) writeFileSync(dumpFile, dump.join('\n') + '\n');
  return 0;
}

/**
 * Dumps the phrasing model's candidates and their features from the annotated corpora, one line each:
 *
 *   set  doc  split  kind  category  ruleId  y  word  features (space-separated hashed indices)
 *
 * `y` is the share of the candidate's characters that lie in a gold span (what the partial-overlap precision
 * credits it with). Gold spans: PTC train's span labels with its 2023 re-annotation (`ptc`), BASIL's lexical
 * bias in the writer's voice (`basil`), the words BABE's annotators marked in biased sentences (`babe`). The
 * split is the evaluation's (scripts/eval-phrasing.ts): the training script fits on `tune` only.
 *
 * `word` is the candidate's first word in lower case (the training script fits the word-vector prior on it).
 * With `--vocab FILE` (the pruned word vectors train/phrasing/vocab.py writes) the features include each word's
 * vector cluster and prior; without it they do not (the first pass, from which the prior is fitted).
 *
 *   node train/phrasing/dump-features.mjs ../shared/corpora .tmp/phrasing-features.tsv [--vocab FILE]
 */
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../../utils/analyze';
import { compileRuleSet, type RuleSet } from '../../utils/analyze/rules';
import { phrasingCandidates, readVocab, type VocabFile } from '../../utils/analyze/model';
import { tokenAt } from '../../utils/analyze/model-features';
import {
  babeRows,
  basilArticles,
  merge,
  readGold,
  splitOf,
  type Interval,
  type Split,
} from '../../scripts/eval-phrasing';

interface Doc {
  set: string;
  id: string;
  split: Split;
  text: string;
  gold: Interval[];
}

function* ptcDocs(dir: string): Generator<Doc> {
  const gold = readGold(dir);
  const extra = new Map<string, Interval[]>();
  const d2023 = join(dir, 'semeval2023-spans');
  if (existsSync(d2023))
    for (const f of readdirSync(d2023)) {
      for (const line of readFileSync(join(d2023, f), 'utf8').split('\n')) {
        const [id, , start, end] = line.split('\t');
        if (!id || start === undefined || end === undefined) continue;
        const list = extra.get(id) ?? [];
        list.push({ start: Number(start), end: Number(end) });
        extra.set(id, list);
      }
    }
  const files = readdirSync(join(dir, 'articles'))
    .filter((f) => /^article\d+\.txt$/.test(f))
    .sort();
  for (const f of files) {
    const id = f.slice('article'.length, -'.txt'.length);
    const text = readFileSync(join(dir, 'articles', f), 'utf8');
    const spans = [...(gold.get(id) ?? []), ...(extra.get(id) ?? [])].filter(
      (g) => g.end > g.start && g.end <= text.length,
    );
    yield { set: 'ptc', id, split: splitOf(id), text, gold: merge(spans) };
  }
}

function* basilDocs(dir: string): Generator<Doc> {
  for (const a of basilArticles(dir, 'both')) {
    const gold = a.spans.filter((g) => g.type === 'lexical' && !g.quoted && g.end > g.start);
    yield { set: 'basil', id: a.id, split: splitOf(a.event), text: a.text, gold: merge(gold) };
  }
}

function* babeDocs(dir: string): Generator<Doc> {
  let n = 0;
  for (const row of babeRows(dir, 'both')) {
    const gold: Interval[] = [];
    if (row.biased) {
      const lower = row.text.toLowerCase();
      for (const w of row.words) {
        const word = w.toLowerCase().trim();
        if (!word) continue;
        for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
          const before = i === 0 ? ' ' : lower[i - 1]!;
          const after = lower[i + word.length] ?? ' ';
          if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
          gold.push({ start: i, end: i + word.length });
        }
      }
    }
    yield { set: 'babe', id: `babe-${n++}`, split: splitOf(row.text), text: row.text, gold: merge(gold) };
  }
}

function coverage(gold: Interval[], start: number, end: number): number {
  let n = 0;
  for (const g of gold) n += Math.max(0, Math.min(end, g.end) - Math.max(start, g.start));
  return end > start ? n / (end - start) : 0;
}

export async function main(args: string[], root: string): Promise<number> {
  const argv = [...args];
  const v = argv.indexOf('--vocab');
  const vocabFile = v >= 0 ? argv.splice(v, 2)[1] : undefined;
  const vocab = vocabFile ? readVocab(JSON.parse(readFileSync(vocabFile, 'utf8')) as VocabFile) : undefined;
  const [corpora = resolve(root, '../shared/corpora'), outFile = resolve(root, '.tmp/phrasing-features.tsv')] = argv;
  const dirs = {
    ptc: join(corpora, 'ptc-train'),
    basil: join(corpora, 'basil'),
    babe: join(corpora, 'babe'),
  };
  const sources: Iterable<Doc>[] = [];
  if (existsSync(join(dirs.ptc, 'labels-SI.tsv'))) sources.push(ptcDocs(dirs.ptc));
  if (existsSync(join(dirs.basil, 'basil-dev.jsonl'))) sources.push(basilDocs(dirs.basil));
  if (existsSync(dirs.babe)) sources.push(babeDocs(dirs.babe));
  if (!sources.length) {
    console.log(`dump-features: skipped: no corpora at ${corpora} (expected ptc-train/, basil/ or babe/)`);
    return 0;
  }
  const set = JSON.parse(readFileSync(resolve(root, 'dataset/rules/en.json'), 'utf8')) as RuleSet;
  const rules = compileRuleSet(set);
  const out = createWriteStream(outFile);
  const counts = new Map<string, number>();
  for (const source of sources)
    for (const doc of source) {
      const analysis = analyzeText(doc.text, rules, { threshold: 0 });
      const { candidates, article } = phrasingCandidates(
        doc.text,
        analysis.sentences,
        analysis.quotes,
        analysis.findings,
        (s, e) => analysis.voice.isWriter(s, e),
        vocab,
      );
      for (const c of candidates) {
        const y = coverage(doc.gold, c.start, c.end);
        const f = c.finding;
        const word = article.tokens[tokenAt(article, c.start)]?.lower ?? '-';
        out.write(
          `${doc.set}\t${doc.id}\t${doc.split}\t${c.kind}\t${f?.category ?? '-'}\t${f?.ruleId ?? '-'}\t${y.toFixed(3)}\t${word}\t${Array.from(c.features).join(' ')}\n`,
        );
      }
      const key = `${doc.set} ${doc.split}`;
      counts.set(key, (counts.get(key) ?? 0) + candidates.length);
    }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n} candidates`);
  console.log(`dump-features: wrote ${outFile}`);
  return 0;
}

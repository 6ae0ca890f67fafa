/**
 * Measures claim retrieval against the CLEF-2020 CheckThat! Task 2 corpus (never copied into the project):
 *
 * - The 10,389 verified claims are written out as ClaimReview objects (claimReviewed = the claim, headline = the
 *   title of the fact-check) and go through the same importer and index as a user's import.
 * - MAP@5 (the task's official measure) of the tweets of each split against them: `train` is what parameters are
 *   chosen on, `dev` what is reported.
 * - The default-threshold match rate: the share of dev tweets whose best match clears the extension's threshold
 *   (and is the right claim), and the share of ordinary news sentences that match anything — BABE's sentences
 *   labelled Non-biased (reported) and the sentences of the PTC articles (what the threshold was chosen on).
 * - Scale: 100,000 synthetic claims (words drawn from the verified claims' own word distribution), the time to
 *   build the index, its size, and the time to match every sentence of each PTC article; and the same claims as
 *   a schema.org DataFeed of ClaimReviews, read as the options page reads it (128 Ki characters at a time: an
 *   upper bound on the page's slices, which also stop after 8 ms) and turned into notes as the background does
 *   (200 a batch). tests/e2e/import-feed.test.ts measures the page itself in Chromium.
 *
 *   npm run eval:claims -- ../shared/corpora [--grid] [--no-scale]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importClaimReview, ReviewCollector } from '../utils/dataset/claimreview';
import { ReviewStream } from '../utils/dataset/review-stream';
import {
  buildClaimIndex,
  ClaimRetriever,
  DEFAULT_RERANK,
  DEFAULT_RETRIEVAL,
  DEFAULT_THRESHOLD,
  type ClaimDoc,
  type ClaimHit,
  type RetrievalOptions,
} from '../utils/notes/bm25';
import { claimDocs } from '../utils/notes/claims';
import { retrieveClaims } from '../utils/notes/match';
import { sentences as splitSentences } from '../utils/text/segment';
import { mulberry32 } from './seeded';

interface Query {
  id: string;
  text: string;
  gold: Set<string>;
}

function tsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

/** The TSV quotes fields the way CSV does ("" for a quotation mark). */
const unquote = (s: string) => (/^".*"$/s.test(s) ? s.slice(1, -1).replace(/""/g, '"') : s);

function loadQueries(dir: string): Query[] {
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dir, 'tweet-vclaim-pairs.qrels'), 'utf8').split(/\r?\n/)) {
    const [q, , v, rel] = line.split('\t');
    if (!q || rel?.trim() !== '1') continue;
    if (!gold.has(q)) gold.set(q, new Set());
    gold.get(q)!.add(v!);
  }
  return tsv(join(dir, 'tweets.queries.tsv'))
    .map(([id, text]) => ({ id: id!, text: unquote(text ?? ''), gold: gold.get(id!) ?? new Set<string>() }))
    .filter((q) => q.gold.size);
}

/** A minimal CSV reader (quoted fields with "" escapes, newlines inside quotes). */
function csv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function babeOrdinary(corpora: string): string[] {
  const file = join(corpora, 'babe/babe-dev.csv');
  if (!existsSync(file)) return [];
  const [header, ...rows] = csv(readFileSync(file, 'utf8'));
  const text = header!.indexOf('text');
  const label = header!.indexOf('label_bias');
  return rows.filter((r) => r[label] === 'Non-biased').map((r) => r[text]!);
}

function ptcArticles(corpora: string): string[] {
  const dir = join(corpora, 'ptc-train/articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(join(dir, n), 'utf8'));
}

function sentencesOf(text: string): string[] {
  return splitSentences(text)
    .map((s) => text.slice(s.start, s.end).trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}

/** Average precision at k, as the task's scorer computes it (divided by the number of relevant claims). */
function averagePrecision(ranked: string[], gold: Set<string>, k = 5): number {
  let correct = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (gold.has(id)) {
      correct++;
      sum += correct / (i + 1);
    }
  });
  return gold.size ? sum / gold.size : 0;
}

/** The index's id of each vclaim, and back. */
function mapOf(docs: ClaimDoc[], vclaimOf: Map<string, string>) {
  return (id: string) => vclaimOf.get(id) ?? id;
}

/**
 * The hits with each run of equal scores in reverse order. The verified claims hold near-copies that differ only in
 * their quotation marks; the two score alike, the index's order decides between them, and in this set the gold
 * claim is nearly always the earlier one. MAP@5 over this order says how much of the figure rests on that.
 */
function tiesReversed(hits: ClaimHit[]): ClaimHit[] {
  const out: ClaimHit[] = [];
  for (let i = 0; i < hits.length;) {
    let j = i + 1;
    while (j < hits.length && hits[j]!.rank === hits[i]!.rank) j++;
    out.push(...hits.slice(i, j).reverse());
    i = j;
  }
  return out;
}

function evaluate(retriever: ClaimRetriever, queries: Query[], back: (id: string) => string, threshold: number) {
  let map = 0;
  let reversed = 0;
  let tiedFirst = 0;
  let clears = 0;
  let right = 0;
  for (const q of queries) {
    const hits = retriever.search(q.text, 10);
    map += averagePrecision(
      hits.slice(0, 5).map((h) => back(h.id)),
      q.gold,
    );
    reversed += averagePrecision(
      tiesReversed(hits).map((h) => back(h.id)),
      q.gold,
    );
    if (hits.length > 1 && hits[0]!.rank === hits[1]!.rank) tiedFirst++;
    const [best] = retriever.search(q.text, 1, threshold);
    if (best) {
      clears++;
      if (q.gold.has(back(best.id))) right++;
    }
  }
  const n = queries.length || 1;
  return { map: map / n, reversed: reversed / n, tiedFirst, clears: clears / n, right: right / n };
}

function matchRate(retriever: ClaimRetriever, sentences: string[], threshold: number): number {
  let hit = 0;
  for (const s of sentences) if (retriever.search(s, 1, threshold).length) hit++;
  return sentences.length ? hit / sentences.length : NaN;
}

/** Scores of each sentence's best claim, to place a threshold at a given false-match rate. */
function bestScores(retriever: ClaimRetriever, sentences: string[]): number[] {
  // A sentence matches when any claim clears the threshold, so the best calibrated score is what counts (the
  // hits come in re-ranked order).
  return sentences
    .map((s) => retriever.search(s, 50).reduce((best, h) => Math.max(best, h.score), 0))
    .sort((a, b) => b - a);
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const f3 = (x: number) => x.toFixed(3);

/** 100,000 claims whose words follow the verified claims' own word frequencies and lengths. */
function syntheticClaims(real: { claim: string; title: string }[], n: number): ClaimDoc[] {
  const words: string[] = [];
  const lengths: number[] = [];
  for (const r of real) {
    const w = r.claim.split(/\s+/).filter(Boolean);
    words.push(...w);
    lengths.push(w.length);
  }
  const random = mulberry32(20201);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const out: ClaimDoc[] = [];
  for (let i = 0; i < n; i++) {
    const len = pick(lengths);
    const claim = Array.from({ length: len }, () => pick(words)).join(' ');
    const title = Array.from({ length: Math.max(4, Math.round(len * 0.6)) }, () => pick(words)).join(' ');
    const id = `claim/cr-${(0x10000000 + i).toString(16)}${Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
    out.push({ id, claim, extra: [title], url: `https://fact-check.example/reviews/${i}/` });
  }
  return out;
}

/**
 * The claims as one DataFeed of ClaimReviews (each in a DataFeedItem's item, as the public feeds give them), read
 * as the options page reads it and converted as the background converts it: the longest slice and batch, and the
 * totals. CPU-bound work timed by the wall clock, best of three for each slice.
 */
function feedImport(claims: ClaimDoc[]): string {
  const feed = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: 'synthetic',
    dataFeedElement: claims.map((c, i) => ({
      '@type': 'DataFeedItem',
      dateCreated: '2024-01-01',
      item: [
        {
          '@type': 'ClaimReview',
          url: c.url,
          claimReviewed: c.claim,
          headline: c.extra?.[0],
          datePublished: '2024-01-01',
          author: { '@type': 'Organization', name: `Fact-checker ${i % 40}` },
          reviewRating: {
            '@type': 'Rating',
            ratingValue: 1 + (i % 5),
            bestRating: 5,
            worstRating: 1,
            alternateName: 'False',
          },
          itemReviewed: {
            '@type': 'Claim',
            author: { '@type': 'Person', name: 'A post' },
            datePublished: '2023-12-30',
          },
        },
      ],
    })),
  };
  const text = JSON.stringify(feed);
  const slices: number[] = [];
  const batches: number[] = [];
  const start = performance.now();
  const stream = new ReviewStream(text);
  const collector = new ReviewCollector({ importedFrom: 'synthetic.json', today: '2026-12-01' });
  const pending: { value: unknown; at: string }[] = [];
  while (!stream.done) {
    const t = performance.now();
    pending.push(...stream.next(128 * 1024));
    slices.push(performance.now() - t);
    while (pending.length >= 200) {
      const b = performance.now();
      collector.add(pending.splice(0, 200));
      batches.push(performance.now() - b);
    }
  }
  collector.add(pending);
  const total = performance.now() - start;
  const { imported, skipped } = collector.counts;
  const max = (list: number[]) => Math.max(...list).toFixed(1);
  const p95 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length * 0.95)]!.toFixed(1);
  return (
    `import: 100,000 ClaimReviews as a DataFeed (${(text.length / 1024 / 1024).toFixed(1)} MiB): ${imported} notes, ` +
    `${skipped} skipped, ${(total / 1000).toFixed(1)} s in all; read 128 Ki characters at a time (${slices.length} ` +
    `reads; the options page also ends a slice after 8 ms): longest ${max(slices)} ms, p95 ${p95(slices)} ms; ` +
    `the background's batches (200 reviews, ` +
    `${batches.length}): longest ${max(batches)} ms, p95 ${p95(batches)} ms`
  );
}

/** Live heap after a full collection (the flag is set at run time: the npm script runs plain `node`). */
function heapMB(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

export async function main(args: string[], root: string): Promise<number> {
  const corpora = resolve(root, args.find((a) => !a.startsWith('--')) ?? '../shared/corpora');
  const clef = join(corpora, 'clef2020');
  if (!existsSync(join(clef, 'verified_claims.docs.tsv'))) {
    process.stdout.write(`eval:claims: skipped: no CLEF-2020 corpus at ${clef} (pass the corpora folder)\n`);
    return 0;
  }
  const grid = args.includes('--grid');

  // The verified claims, as ClaimReview, through the importer.
  const real = tsv(join(clef, 'verified_claims.docs.tsv')).map(([id, claim, title]) => ({
    id: id!,
    claim: unquote(claim ?? ''),
    title: unquote(title ?? ''),
  }));
  const reviews = real.map((r) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: r.claim,
    headline: r.title,
    identifier: r.id,
  }));
  const t0 = performance.now();
  const imported = importClaimReview(JSON.stringify(reviews), { importedFrom: 'clef2020', license: 'research use' });
  const importMs = performance.now() - t0;
  // Map note ids back to vclaim ids: in order when nothing was skipped, else through the claim text.
  const vclaimOf = new Map<string, string>();
  const byText = new Map(real.map((r) => [r.claim.replace(/\s+/g, ' ').trim(), r.id]));
  imported.dataset.notes.forEach((n, i) =>
    vclaimOf.set(n.id, imported.skipped.length ? (byText.get(n.match.claim) ?? n.id) : real[i]!.id),
  );
  const docs = claimDocs(imported.dataset.notes);
  const back = mapOf(docs, vclaimOf);
  process.stdout.write(
    `verified claims: ${real.length}; imported as ClaimReview: ${imported.dataset.notes.length} ` +
      `(${imported.skipped.length} skipped) in ${importMs.toFixed(0)} ms\n`,
  );
  for (const s of imported.skipped.slice(0, 5)) process.stdout.write(`  skipped ${s.at}: ${s.reason}\n`);

  const train = loadQueries(join(clef, 'train'));
  const dev = loadQueries(join(clef, 'dev'));
  const ptc = ptcArticles(corpora);
  const ptcSentences = ptc.flatMap(sentencesOf);
  const babe = babeOrdinary(corpora);

  if (grid) {
    process.stdout.write('grid on train (MAP@5):\n');
    for (const k1 of [0.8, 1.2, 1.6]) {
      for (const b of [0.4, 0.6, 0.75]) {
        for (const extraWeight of [0.5, 1, 1.5, 2]) {
          const options: RetrievalOptions = { k1, b, extraWeight };
          const r = new ClaimRetriever(buildClaimIndex(docs, options));
          process.stdout.write(
            `  k1=${k1} b=${b} title=${extraWeight}: ${f3(evaluate(r, train, back, DEFAULT_THRESHOLD).map)}\n`,
          );
        }
      }
    }
    process.stdout.write('re-ranking grid on train (MAP@5; depth 0 = BM25 order):\n');
    const data = buildClaimIndex(docs);
    for (const depth of [0, 10, 30, 50]) {
      for (const gram of depth ? [0, 0.6, 0.9, 1.2, 1.5] : [0]) {
        for (const cover of depth ? [0, 0.5, 0.75, 1] : [0]) {
          const r = new ClaimRetriever(data, { depth, gram, cover });
          process.stdout.write(
            `  depth=${depth} gram=${gram} cover=${cover}: ${f3(evaluate(r, train, back, DEFAULT_THRESHOLD).map)}\n`,
          );
        }
      }
    }
  }

  const t1 = performance.now();
  const retriever = new ClaimRetriever(buildClaimIndex(docs));
  const buildMs = performance.now() - t1;
  process.stdout.write(
    `index: ${docs.length} claims, ${retriever.data.terms.length} terms, built in ${buildMs.toFixed(0)} ms, ` +
      `${(retriever.bytes() / 1e6).toFixed(1)} MB; parameters k1=${DEFAULT_RETRIEVAL.k1} b=${DEFAULT_RETRIEVAL.b} ` +
      `title weight=${DEFAULT_RETRIEVAL.extraWeight}; re-ranking the best ${DEFAULT_RERANK.depth} with ` +
      `gram=${DEFAULT_RERANK.gram} cover=${DEFAULT_RERANK.cover}\n`,
  );

  // Where the threshold would sit for 1%, 2%, 3% of PTC sentences matched (the calibration set).
  if (ptcSentences.length) {
    const scores = bestScores(retriever, ptcSentences);
    const at = (rate: number) => scores[Math.floor(rate * scores.length)] ?? 0;
    process.stdout.write(
      `calibration on ${ptcSentences.length} PTC sentences: score at 1% ${f3(at(0.01))}, 2% ${f3(at(0.02))}, ` +
        `3% ${f3(at(0.03))}; default threshold ${DEFAULT_THRESHOLD}\n`,
    );
  }

  for (const [name, queries] of [
    ['train', train],
    ['dev', dev],
  ] as const) {
    const r = evaluate(retriever, queries, back, DEFAULT_THRESHOLD);
    process.stdout.write(
      `${name} (${queries.length} tweets): MAP@5 ${f3(r.map)}; at the default threshold ${pct(r.clears)} of ` +
        `tweets get a match, ${pct(r.right)} the right one; ${r.tiedFirst} tweets' best two claims tie ` +
        `(MAP@5 ${f3(r.reversed)} with tied claims in the other order)\n`,
    );
  }
  if (babe.length)
    process.stdout.write(
      `ordinary news sentences, BABE Non-biased (${babe.length}): ${pct(matchRate(retriever, babe, DEFAULT_THRESHOLD))} ` +
        `matched at the default threshold\n`,
    );
  if (ptcSentences.length)
    process.stdout.write(
      `news sentences, PTC articles (${ptcSentences.length}, calibration set): ` +
        `${pct(matchRate(retriever, ptcSentences, DEFAULT_THRESHOLD))} matched at the default threshold\n`,
    );

  if (!args.includes('--no-scale')) {
    const synthetic = syntheticClaims(real, 100_000);
    process.stdout.write(`${feedImport(synthetic)}\n`);
    const before = heapMB();
    const t2 = performance.now();
    const big = new ClaimRetriever(buildClaimIndex(synthetic));
    const bigMs = performance.now() - t2;
    const after = heapMB();
    // Keep the claims alive up to here, so the difference is the index alone.
    if (!synthetic.length) return 1;
    const articles = ptc.length ? ptc : [real.map((r) => r.claim).join('. ')];
    // CPU time, not wall time: the figure should not depend on what else the machine is doing. Each article is
    // matched three times; the first pass is reported as it is, and the best of the three per article as well
    // (on a shared machine the other processes' load inflates single passes).
    const first: number[] = [];
    const best: number[] = [];
    let wall = 0;
    for (const article of articles) {
      const spans = splitSentences(article);
      let least = Infinity;
      for (let pass = 0; pass < 3; pass++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        retrieveClaims(article, spans, { retriever: big });
        if (pass === 0) wall += performance.now() - start;
        const used = process.cpuUsage(cpu);
        const ms = (used.user + used.system) / 1000;
        if (pass === 0) first.push(ms);
        least = Math.min(least, ms);
      }
      best.push(least);
    }
    const summary = (times: number[]) => {
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(2);
      return `mean ${mean.toFixed(2)} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
    };
    process.stdout.write(
      `scale: 100,000 synthetic claims, ${big.data.terms.length} terms: built in ${(bigMs / 1000).toFixed(1)} s, ` +
        `index ${(big.bytes() / 1e6).toFixed(1)} MB (heap and buffers +${(after - before).toFixed(1)} MB)\n` +
        `  matching one article (retrieveClaims over its sentences, ${articles.length} PTC articles), CPU time: ` +
        `first pass ${summary(first)} (wall-clock mean ${(wall / articles.length).toFixed(2)} ms); ` +
        `best of three ${summary(best)}\n`,
    );
  }
  return 0;
}

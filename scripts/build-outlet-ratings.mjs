#!/usr/bin/env node
/**
 * Derives dataset/outlets/ratings.json from Lin et al. 2023's aggregate news-domain quality ratings:
 *
 *   node scripts/build-outlet-ratings.mjs ../shared/corpora [--out dataset/outlets/ratings.json]
 *
 * reads `outlets/data_domain_ratings.csv` (11,520 domains: the aggregate `pc1` and each rating set's columns)
 * and writes, for every domain, the aggregate score (0-1), where it sits among all rated domains (the share of
 * rated domains that score lower, 0-100) and which rating sets' own ratings of it the published file carries.
 * The header names the source, its citation, its terms of reuse and the SHA-256 of the file read, so that
 * anyone can rebuild the file and check it.
 *
 * Which sets rated a domain: the authors imputed every set's missing ratings before the principal component
 * analysis, and the published file holds the imputed values beside the real ones. A set's own ratings are on
 * its published scale (at most four decimals: 0.8333, 0.5, 0.9626); the imputed values carry the full float
 * precision of the imputation (0.679063379764557). That difference is what is read here. Iffy's index lists
 * unreliable sites only: a listed domain (misinfome_bin 0) counts as rated by Iffy. NewsGuard's ratings are
 * licensed and were left out of the published file, so a domain that none of the published sets rated is
 * marked as rated by the unpublished set(s).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? args[outAt + 1] : join(here, '..', 'dataset', 'outlets', 'ratings.json'));
const corpora = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
if (!corpora) {
  console.error('usage: node scripts/build-outlet-ratings.mjs CORPORA_DIR [--out FILE]');
  process.exit(2);
}
const csvFile = join(corpora, 'outlets', 'data_domain_ratings.csv');
if (!existsSync(csvFile)) {
  console.error(`build-outlet-ratings: ${csvFile} is not there; nothing to build (the ratings file is left as it is).`);
  process.exit(0);
}

/** The rating sets, in the order of the bits that say which rated a domain. */
export const SETS = [
  { id: 'mbfc', name: 'Media Bias/Fact Check', column: 'mbfc_fact' },
  { id: 'afm', name: 'Ad Fontes Media', column: 'afm_rely' },
  { id: 'lasser', name: 'Lasser et al. 2022', column: 'lewandowsky_rely' },
  { id: 'fc', name: 'professional fact-checkers (Pennycook & Rand 2019)', column: 'fc' },
  { id: 'iffy', name: 'Iffy index of unreliable sources', column: 'misinfome_bin' },
  { id: 'unpublished', name: 'a set whose ratings are not published (NewsGuard)', column: null },
];

const raw = readFileSync(csvFile);
const sha256 = createHash('sha256').update(raw).digest('hex');
const [head, ...lines] = raw.toString('utf8').trim().split(/\r?\n/);
const columns = head.split(',');
const col = (name) => {
  const i = columns.indexOf(name);
  if (i < 0) throw new Error(`${csvFile}: no column "${name}"`);
  return i;
};
const domainCol = col('domain');
const pc1Col = col('pc1');

// A set's own value: on its published scale, at most four decimals.
const own = (value) => /^-?\d+(\.\d{1,4})?$/.test(value);

const rows = [];
const notAddresses = [];
for (const line of lines) {
  const cells = line.split(',');
  const domain = cells[domainCol]
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  const score = Number(cells[pc1Col]);
  if (!domain || !Number.isFinite(score)) continue;
  // A few rows name a station with its call sign ("wxia–11alive.com"): not an address, and the domain itself
  // has its own row.
  if (!/^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+(\/[^/\s]+)*$/.test(domain)) {
    notAddresses.push(domain);
    continue;
  }
  let bits = 0;
  SETS.forEach((set, i) => {
    if (!set.column) return;
    const v = cells[col(set.column)];
    if (set.id === 'iffy' ? v === '0' : own(v)) bits |= 1 << i;
  });
  // None of the published sets: the domain came in through the unpublished set.
  if (!(bits & ~(1 << 4))) bits |= 1 << 5;
  rows.push({ domain, score, bits });
}

// Percentile: the share of rated domains that score lower, so the best-rated domain is at 100 only if alone.
const sorted = rows.map((r) => r.score).sort((a, b) => a - b);
function below(score) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const domains = {};
let duplicates = 0;
for (const r of rows.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))) {
  if (domains[r.domain]) {
    duplicates++;
    continue;
  }
  domains[r.domain] = [Math.round(r.score * 1000), Math.round((below(r.score) / sorted.length) * 1000) / 10, r.bits];
}

const file = {
  format: 'gloss-outlet-ratings',
  version: 1,
  source: {
    citation:
      'Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). High level of correspondence across different news domain quality rating sets. PNAS Nexus, 2(9), pgad286.',
    short: 'Lin et al. 2023, PNAS Nexus',
    url: 'https://doi.org/10.1093/pnasnexus/pgad286',
    data: 'https://github.com/hauselin/domain-quality-ratings (data/domain_ratings.csv)',
    terms:
      'The authors invite reuse of the ratings with citation ("Feel free to reuse the data", the repository README); the data carries no other licence. Cite the article above wherever these ratings are shown.',
    file: 'data_domain_ratings.csv',
    sha256,
  },
  meaning:
    'score: the first principal component of six professional rating sets after imputation, 0 (lowest quality) to 1 (highest), in thousandths. percentile: the share of all rated domains that score lower. sets: a bit for each rating set whose own rating of the domain the published file carries (values the authors imputed are not counted). It rates the site as a whole, not any one article.',
  sets: SETS.map(({ id, name }) => ({ id, name })),
  count: Object.keys(domains).length,
  fields: ['score (x1000)', 'percentile', 'sets (bits)'],
  domains,
};

mkdirSync(dirname(out), { recursive: true });
// One domain a line: a rebuild's diff shows which ratings changed.
const body = JSON.stringify({ ...file, domains: {} }, null, 2).replace(
  /"domains": \{\}/,
  `"domains": {\n${Object.entries(domains)
    .map(([d, v]) => `    ${JSON.stringify(d)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n  }`,
);
writeFileSync(out, `${body}\n`);
const setCounts = SETS.map((s, i) => `${s.id} ${rows.filter((r) => r.bits & (1 << i)).length}`).join(', ');
console.log(
  `build-outlet-ratings: ${file.count} domains (${duplicates} duplicates and ${notAddresses.length} rows that are not addresses dropped: ${notAddresses.join(', ')}) from ${csvFile} (sha256 ${sha256.slice(0, 12)}…); by set: ${setCounts}; wrote ${out}`,
);

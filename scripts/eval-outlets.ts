/**
 * Outlet context on real news pages: for the page addresses of `zyte-articles` (ground-truth.json) and
 * `allsides-abp` (abp-dev.jsonl), which distinct domains get outlet context (a written outlet note or a published
 * rating), measured against the domains that a rating set covers. Nothing from the corpora is copied.
 *
 *   npm run eval:outlets -- ../shared/corpora [--list]
 *
 * A domain counts as covered by a rating set when the ratings name it, a parent domain of it, or a domain or
 * section under it (so that a miss of the resolution itself shows as a miss, not as "not covered"). The pages
 * are split in two by a stable hash of their id: half A is what the resolution's rules were looked at on, half B
 * is reported; both are printed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../utils/dataset/load';
import { normalizeHost, type RatingsFile } from '../utils/dataset/ratings';
import { outletContext } from '../utils/notes/match';

interface Page {
  id: string;
  url: string;
  corpus: string;
}

function pages(corpora: string): Page[] {
  const out: Page[] = [];
  const zyte = join(corpora, 'zyte-articles', 'ground-truth.json');
  if (existsSync(zyte)) {
    const truth = JSON.parse(readFileSync(zyte, 'utf8')) as Record<string, { url?: string }>;
    for (const [id, v] of Object.entries(truth)) if (v.url) out.push({ id, url: v.url, corpus: 'zyte-articles' });
  }
  const abp = join(corpora, 'allsides-abp', 'abp-dev.jsonl');
  if (existsSync(abp)) {
    for (const line of readFileSync(abp, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { id: string; url?: string };
      if (v.url) out.push({ id: v.id, url: v.url, corpus: 'allsides-abp' });
    }
  }
  return out;
}

const half = (id: string) => ((createHash('sha256').update(id).digest()[0]! & 1) === 0 ? 'A' : 'B');

/** Whether any key of the ratings is the host, a parent of it, or under it. */
function covered(host: string, ratings: RatingsFile, keys: string[]): boolean {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const d = labels.slice(i).join('.');
    if (ratings.domains[d]) return true;
  }
  // A section ("rfi.fr/en") or a subdomain the ratings name on its own.
  return keys.some((k) => k.startsWith(`${host}/`) || k.endsWith(`.${host}`));
}

export async function main(args: string[], root: string): Promise<number> {
  const corpora = args.find((a) => !a.startsWith('--'));
  if (!corpora || !existsSync(corpora)) {
    console.log(`eval-outlets: no corpora folder${corpora ? ` at ${corpora}` : ''}; nothing measured.`);
    return 0;
  }
  const all = pages(corpora);
  if (!all.length) {
    console.log(`eval-outlets: neither zyte-articles nor allsides-abp under ${corpora}; nothing measured.`);
    return 0;
  }
  const { notes: data } = loadDataset(join(root, 'dataset'));
  const ratings = data.ratings;
  if (!ratings) {
    console.log('eval-outlets: dataset/outlets/ratings.json is missing; run scripts/build-outlet-ratings.mjs first.');
    return 1;
  }
  const keys = Object.keys(ratings.domains);
  const list = args.includes('--list');
  for (const which of ['A', 'B', 'all'] as const) {
    const byDomain = new Map<string, { url: string; corpora: Set<string> }>();
    for (const p of all) {
      if (which !== 'all' && half(p.id) !== which) continue;
      let host: string;
      try {
        host = normalizeHost(new URL(p.url).hostname);
      } catch {
        continue;
      }
      const entry = byDomain.get(host) ?? { url: p.url, corpora: new Set<string>() };
      entry.corpora.add(p.corpus);
      byDomain.set(host, entry);
    }
    let cover = 0;
    let coveredWithContext = 0;
    let context = 0;
    let noted = 0;
    let rated = 0;
    const misses: string[] = [];
    const unrated: string[] = [];
    for (const [host, { url }] of byDomain) {
      const c = outletContext(url, data);
      const isCovered = covered(host, ratings, keys);
      if (c) context++;
      if (c?.noteId) noted++;
      if (c?.rating) rated++;
      if (isCovered) {
        cover++;
        if (c) coveredWithContext++;
        else misses.push(host);
      } else if (!c) unrated.push(host);
    }
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
    const label = which === 'all' ? 'all pages' : `half ${which}${which === 'B' ? ' (reported)' : ' (looked at)'}`;
    console.log(
      `${label}: ${byDomain.size} distinct domains; covered by a rating set ${cover}, of which with outlet context ` +
        `${coveredWithContext} (${pct(coveredWithContext, cover)}); with context of all domains ${context} ` +
        `(${pct(context, byDomain.size)}): a written note ${noted}, a rating ${rated}`,
    );
    if (list && which === 'all') {
      console.log(`  covered but no context: ${misses.sort().join(', ') || 'none'}`);
      console.log(`  no rating known: ${unrated.sort().join(', ') || 'none'}`);
    }
  }
  return 0;
}

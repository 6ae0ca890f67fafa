/**
 * Published news-domain quality ratings (dataset/outlets/ratings.json, derived by
 * scripts/build-outlet-ratings.mjs from Lin et al. 2023): the aggregate rating of the site a page is on, with
 * where it sits among all rated domains, which rating sets rated it, and the citation. Loaded by the background
 * and the CLI only, never in the page.
 */
import type { OutletRating } from '../types';

export interface RatingsFile {
  format: 'gloss-outlet-ratings';
  version: number;
  source: { citation: string; short: string; url: string; terms: string; sha256: string };
  sets: { id: string; name: string }[];
  count: number;
  /** Domain (or domain/section) -> [score x 1000, percentile, bits of `sets`]. */
  domains: Record<string, [number, number, number]>;
}

/** What `gloss analyze` and the popup carry: the rating and the rated domain (which may be a parent of the host). */
export interface DomainRating {
  domain: string;
  rating: OutletRating;
}

/**
 * Hosting platforms whose subdomains are different publishers (someone.blogspot.com is not Blogger): a rating of
 * the platform applies to its own address only, never to a site it hosts.
 */
export const PLATFORMS: ReadonlySet<string> = new Set([
  'blogspot.com',
  'blogger.com',
  'wordpress.com',
  'medium.com',
  'substack.com',
  'tumblr.com',
  'typepad.com',
  'livejournal.com',
  'wixsite.com',
  'weebly.com',
  'squarespace.com',
  'github.io',
  'ghost.io',
  'netlify.app',
  'google.com',
  'facebook.com',
  'youtube.com',
]);

const memo = new WeakMap<RatingsFile, Map<string, DomainRating | null>>();

/** The citation as it goes in `outlet.rating.source`: the article and its address. */
export function citation(file: RatingsFile): string {
  return `${file.source.citation} ${file.source.url}`;
}

function entry(file: RatingsFile, key: string): DomainRating | null {
  const row = file.domains[key];
  if (!row) return null;
  const [score, percentile, bits] = row;
  return {
    domain: key,
    rating: {
      score: score / 1000,
      percentile,
      sets: file.sets.filter((_, i) => bits & (1 << i)).map((s) => s.name),
      source: citation(file),
    },
  };
}

/** The hostname as the ratings key it: lower case, no trailing dot, no "www.". */
export function normalizeHost(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');
}

/**
 * The rating for a page's address: the host, then each parent domain ("edition.cnn.com" takes "cnn.com"); a
 * section that the ratings name on its own ("rfi.fr/en") wins over its domain for pages under it. A bare
 * public suffix ("co.uk") is never rated, and a hosting platform's rating never passes to the sites it hosts.
 */
export function ratingForUrl(url: string | URL | null, file: RatingsFile | null | undefined): DomainRating | null {
  if (!url || !file) return null;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // Up to three path segments: the ratings name a few sections on their own ("newyorker.com/humor/borowitz-report").
  const section = u.pathname.toLowerCase().split('/').filter(Boolean).slice(0, 3).join('/');
  return ratingForHost(u.hostname, file, section);
}

export function ratingForHost(hostname: string, file: RatingsFile, section = ''): DomainRating | null {
  const host = normalizeHost(hostname);
  if (!host || !host.includes('.')) return null;
  let cache = memo.get(file);
  if (!cache) memo.set(file, (cache = new Map()));
  const key = `${host}/${section}`;
  if (cache.has(key)) return cache.get(key)!;
  let found: DomainRating | null = null;
  const labels = host.split('.');
  const sections = section ? section.split('/') : [];
  for (let i = 0; i < labels.length - 1 && !found; i++) {
    const domain = labels.slice(i).join('.');
    if (i > 0 && PLATFORMS.has(domain)) break;
    for (let n = sections.length; n > 0 && !found; n--)
      found = entry(file, `${domain}/${sections.slice(0, n).join('/')}`);
    found ??= entry(file, domain);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, found);
  return found;
}

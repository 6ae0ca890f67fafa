import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { ratingForUrl, normalizeHost, type RatingsFile } from '@/utils/dataset/ratings';
import { loadRatings, DatasetError } from '@/utils/dataset/load';
import { outletContext } from '@/utils/notes/match';
import { readText } from '@/utils/pipeline';
import { dataset, rules, ROOT } from './helpers';

const sets = ['Set One', 'Set Two', 'Set Three'].map((name, i) => ({ id: `s${i}`, name }));
const file: RatingsFile = {
  format: 'gloss-outlet-ratings',
  version: 1,
  source: {
    citation: 'A. Author (2023). Ratings.',
    short: 'Author 2023',
    url: 'https://doi.org/x',
    terms: 't',
    sha256: 'f',
  },
  sets,
  count: 6,
  domains: {
    'example.com': [812, 90.5, 3],
    'example.com/satire': [120, 4, 4],
    'example.com/a/b': [500, 50, 1],
    'news.example.org': [700, 75, 2],
    'blogspot.com': [670, 70, 1],
    'station.co.uk': [640, 60, 1],
  },
};

describe('the rating of a page address', () => {
  test.each([
    ['https://example.com/story', 'example.com', 0.812],
    ['https://www.example.com/story', 'example.com', 0.812],
    ['https://WWW.Example.COM./story', 'example.com', 0.812],
    ['https://www2.example.com/', 'example.com', 0.812],
    ['https://edition.example.com/2024/01/story', 'example.com', 0.812],
    ['https://a.b.example.com/', 'example.com', 0.812],
    ['https://example.com/satire/a-joke', 'example.com/satire', 0.12],
    ['https://example.com/Satire/', 'example.com/satire', 0.12],
    ['https://example.com/a/b/c', 'example.com/a/b', 0.5],
    ['https://example.com/a/other', 'example.com', 0.812],
    ['https://news.example.org/x', 'news.example.org', 0.7],
    ['https://blogspot.com/', 'blogspot.com', 0.67],
    ['https://www.station.co.uk/news', 'station.co.uk', 0.64],
  ])('%s is rated as %s', (url, domain, score) => {
    const r = ratingForUrl(url, file);
    expect(r?.domain).toBe(domain);
    expect(r?.rating.score).toBe(score);
  });

  test.each([
    // Unrated sites, and a sibling of a rated subdomain.
    ['https://example.net/'],
    ['https://example.org/'],
    ['https://other.example.org/'],
    // A site a hosting platform hosts is not the platform.
    ['https://someone.blogspot.com/2020/01/post.html'],
    // Not a web page, or no address at all.
    ['file:///home/me/example.com.html'],
    ['about:blank'],
    ['not a url'],
    ['http://localhost:3000/'],
    ['https://co.uk/'],
  ])('%s has no rating', (url) => {
    expect(ratingForUrl(url, file)).toBeNull();
  });

  test('the sets that rated it, the percentile and the citation', () => {
    expect(ratingForUrl('https://example.com/', file)?.rating).toEqual({
      score: 0.812,
      percentile: 90.5,
      sets: ['Set One', 'Set Two'],
      source: 'A. Author (2023). Ratings. https://doi.org/x',
    });
  });

  test('no ratings file, no rating', () => {
    expect(ratingForUrl('https://example.com/', null)).toBeNull();
  });

  test.each([
    ['www.example.com', 'example.com'],
    ['Example.com.', 'example.com'],
    ['www3.example.com', 'example.com'],
    ['wwwexample.com', 'wwwexample.com'],
  ])('host %s is keyed as %s', (host, key) => expect(normalizeHost(host)).toBe(key));
});

describe('the bundled ratings (dataset/outlets/ratings.json)', () => {
  const ratings = dataset.notes.ratings!;

  test('carry their citation, terms and the source file hash', () => {
    expect(ratings.source.citation).toMatch(/Lin, H\..*2023.*PNAS Nexus/);
    expect(ratings.source.url).toBe('https://doi.org/10.1093/pnasnexus/pgad286');
    expect(ratings.source.terms).toMatch(/reuse/);
    expect(ratings.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ratings.count).toBe(Object.keys(ratings.domains).length);
    expect(ratings.count).toBeGreaterThan(11000);
  });

  test.each([
    ['https://www.reuters.com/world/', 'reuters.com'],
    ['https://www.nytimes.com/2016/09/20/nyregion/story.html', 'nytimes.com'],
    ['https://edition.cnn.com/2024/01/01/politics/story', 'edition.cnn.com'],
    ['https://lite.cnn.com/2024/01/01/politics/story', 'cnn.com'],
    ['https://www.rfi.fr/en/international/story', 'rfi.fr/en'],
    ['https://www.rfi.fr/fr/monde/story', 'rfi.fr'],
  ])('%s resolves to %s', (url, domain) => {
    expect(ratingForUrl(url, ratings)?.domain).toBe(domain);
  });

  test('a high and a low rating sit where the sets put them', () => {
    const high = ratingForUrl('https://apnews.com/', ratings)!.rating;
    const low = ratingForUrl('https://www.infowars.com/', ratings)!.rating;
    expect(high.score).toBeGreaterThan(0.9);
    expect(high.percentile).toBeGreaterThan(95);
    expect(low.score).toBeLessThan(0.2);
    expect(low.percentile).toBeLessThan(5);
    expect(low.sets).toContain('Media Bias/Fact Check');
  });

  test('a broken ratings file stops the build with the entry named', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(resolve(tmpdir(), 'gloss-ratings-'));
    mkdirSync(resolve(dir, 'outlets'));
    writeFileSync(
      resolve(dir, 'outlets/ratings.json'),
      JSON.stringify({
        ...file,
        source: { ...file.source, sha256: 'a'.repeat(64) },
        domains: { 'bad domain': [1, 2, 1] },
      }),
    );
    expect(() => loadRatings(dir)).toThrow(DatasetError);
    expect(() => loadRatings(dir)).toThrow(/bad domain/);
    expect(loadRatings(resolve(ROOT, 'tests'))).toBeNull();
  });
});

describe('outlet context: a written note wins, and shows the rating beside it', () => {
  const data = dataset.notes;

  test('a site with a note and a rating', () => {
    const c = outletContext('https://www.globalresearch.ca/some-story/5600000', data);
    expect(c?.noteId).toBe('outlet/global-research');
    expect(c?.domain).toBe('globalresearch.ca');
    expect(c?.rating?.score).toBeLessThan(0.3);
  });

  test('a site with a rating and no note', () => {
    const c = outletContext('https://eu.usatoday.com/story/news/2020/01/01/story/1/', data);
    expect(c?.noteId).toBeUndefined();
    expect(c).toMatchObject({ domain: 'usatoday.com', rating: { sets: expect.any(Array) } });
  });

  test('a site nobody rates and no note covers', () => {
    expect(outletContext('https://blog.example.invalid/post', data)).toBeNull();
    expect(outletContext(null, data)).toBeNull();
  });

  test('the pipeline carries it as outlet.rating, with no note for a rated site', () => {
    const article = {
      title: 'A story',
      byline: null,
      publisher: null,
      originalPublisher: null,
      published: null,
      lang: 'en',
      url: null,
      text: 'A story\n\nThe council met on Tuesday.',
    };
    const result = readText(article, 'https://www.usatoday.com/story/news/x/', rules, data);
    expect(result.outlet?.domain).toBe('usatoday.com');
    expect(result.outlet?.rating?.source).toContain('https://doi.org/10.1093/pnasnexus/pgad286');
    expect(result.notes.filter((n) => n.kind === 'outlet')).toEqual([]);
  });
});

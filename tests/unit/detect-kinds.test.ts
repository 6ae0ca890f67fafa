/**
 * Hand-written pages of the kinds a reader meets besides news (tests/fixtures/pages/), each at the address such
 * a page has: what detection must read as news, what it must leave alone, and what it tells the reader the page
 * was read as. Extraction of the kinds that are news: the story, not the paywall or the page around it.
 */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '@/utils/detect';
import { extractArticle } from '@/utils/extract';
import type { PageKind } from '@/utils/types';
import { fixture } from './helpers';

const GAZETTE = 'http://www.harbor-gazette.example';

describe('kinds of page', () => {
  test.each<[string, string, boolean, PageKind]>([
    ['live-blog.html', `${GAZETTE}/local/2026/02/11/storm-edda-live/`, true, 'news'],
    ['paywalled-teaser.html', `${GAZETTE}/business/2026/05/12/port-operators-dredging-contract/`, true, 'news'],
    ['amp-article.html', `${GAZETTE}/amp/local/2026/05/05/ferry-timetable-changes/`, true, 'news'],
    ['search-results.html', 'https://www.findwell.example/search?q=harbour+dredging+costs', false, 'page'],
    ['forum-thread.html', 'https://forum.boats.example/t/harbour-dredging-who-pays/88812', false, 'forum'],
    [
      'personal-blog.html',
      'https://slipway-notes.blog.example/2026/04/ten-years-of-rowing-on-the-harbour/',
      false,
      'blog',
    ],
    ['press-release.html', 'https://www.northline-ferries.example/press/releases/summer-timetable-2026', false, 'text'],
    ['photo-gallery.html', `${GAZETTE}/galleries/tall-ships-festival/`, false, 'page'],
    ['video-page.html', 'http://video.harbor-gazette.example/watch/88121', false, 'page'],
  ])('%s at %s: news %s, read as %s', (name, url, news, kind) => {
    const d = detectArticle(fixture(name), url);
    expect(d.isArticle, d.reasons.join('; ')).toBe(news);
    expect(d.kind, d.reasons.join('; ')).toBe(kind);
  });

  test.each([
    ['paywalled-teaser.html', /documents seen by the Gazette show/, /Subscribe to keep reading/],
    ['amp-article.html', /two evening crossings on weekdays/, /The Harbor Gazette/],
    ['live-blog.html', /closed the inner harbour to all traffic/, /^$/],
  ])('%s: the story is extracted, the rest is not', (name, kept, left) => {
    const text = extractArticle(fixture(name), null).article.text;
    expect(text).toMatch(kept);
    if (left.source !== '^$') expect(text).not.toMatch(left);
  });
});

/**
 * What a page says about the site it is on: marks of a publisher of news (an AMP version, fb:pages, the
 * recommendation and audience tools newsrooms use, a NewsMediaOrganization as a story's publisher, a dateline)
 * and marks of a blog (a blog engine's generator, a site that calls itself a blog, a blog's own comment form and
 * sidebar, a .blog host). Each is named in `reasons`; none depends on the page's language or on a list of sites.
 */
import { describe, expect, test } from 'vitest';
import { detectArticle, urlEvidence } from '@/utils/detect';
import { COUNCIL_TITLE, documentOf, councilParagraphs } from './helpers';

const ps = councilParagraphs;
const TITLE = COUNCIL_TITLE;
const page = (head: string, body: string) =>
  documentOf(`<html><head><title>${TITLE}</title>${head}</head><body>${body}</body></html>`);
const reasons = (d: { reasons: string[] }) => d.reasons.join('; ');

// A post as blogs and news sites both set one: og:type article, a headline the title repeats, a date by it, a
// byline, eight paragraphs, at a dated address.
const POST_HEAD = '<meta property="og:type" content="article">';
const POST_BODY = `<article><header><h1>${TITLE}</h1><p class="byline">By Ana Kell, 12 March 2026</p></header><div class="body">${ps(8)}</div></article>`;
const URL = 'https://www.harbour-notes.example/2026/03/12/council-passes-the-budget/';

describe('marks of the site a page is on', () => {
  test.each([
    ['an AMP version', '<link rel="amphtml" href="/amp/x">', '', /AMP version/],
    ['fb:pages', '<meta property="fb:pages" content="1234567">', '', /fb:pages/],
    ['a blog engine', '<meta name="generator" content="WordPress 6.4.2">', '', /made with WordPress, a blog engine/],
    ['Blogger', '<meta name="generator" content="Blogger">', '', /made with Blogger/],
    [
      'a site that calls itself a blog',
      '<meta property="og:site_name" content="Stack Notes Blog">',
      '',
      /calls itself a blog/,
    ],
    [
      'an Outbrain rail',
      '',
      '<div class="OUTBRAIN" data-widget-id="AR_1"></div>',
      /recommendation or audience tool \(outbrain\)/,
    ],
    ['a Taboola rail', '', '<div id="taboola-below-article-thumbnails"></div>', /\(taboola\)/],
    ['Parse.ly tags', '<meta name="parsely-title" content="x">', '', /\(parsely\)/],
    [
      'a WordPress comment form',
      '',
      '<div id="respond" class="comment-respond"><form id="commentform"></form></div>',
      /blog's own comment form/,
    ],
    ['reply links', '', '<a class="comment-reply-link" href="#">Reply</a>', /blog's own comment form/],
    [
      'an archive by month',
      '',
      '<aside class="widget widget_archive"><ul><li>March 2026</li></ul></aside>',
      /blog's sidebar/,
    ],
    ['a tag cloud', '', '<div class="tagcloud"><a href="/tag/a">a</a></div>', /blog's sidebar/],
  ])('found: %s', (_, head, extra, expected) => {
    expect(reasons(detectArticle(page(POST_HEAD + head, POST_BODY + extra), URL))).toMatch(expected);
  });

  test.each([
    // Content systems newsrooms run on too say nothing either way.
    ['a Drupal generator', '<meta name="generator" content="Drupal 10 (https://www.drupal.org)">', ''],
    [
      'a generator that only names WordPress later',
      '<meta name="generator" content="Site Kit by Google, WordPress">',
      '',
    ],
    // A comment form of the site's own system (Drupal's, a newsroom's) is not a blog's.
    ['a comment form named comment-form', '', '<form id="comment-form"></form>'],
    ['comments counted by a service', '', '<a href="#comments" class="comment-count">12 comments</a>'],
    ['a site name without the word', '<meta property="og:site_name" content="The Harbour Gazette">', ''],
    ['an empty fb:pages', '<meta property="fb:pages" content="">', ''],
  ])('not found: %s', (_, head, extra) => {
    const r = reasons(detectArticle(page(POST_HEAD + head, POST_BODY + extra), URL));
    expect(r).not.toMatch(/blog engine|calls itself a blog|blog's own|blog's sidebar|fb:pages|AMP|publisher's/);
  });

  test('a NewsMediaOrganization as the story’s publisher', () => {
    const ld = (publisher: string) =>
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","publisher":{"@type":"${publisher}","name":"The Gazette"}}</script>`;
    expect(reasons(detectArticle(page(ld('NewsMediaOrganization'), POST_BODY), URL))).toMatch(
      /published by a NewsMediaOrganization/,
    );
    expect(reasons(detectArticle(page(ld('Organization'), POST_BODY), URL))).not.toMatch(/NewsMediaOrganization/);
  });

  test.each([
    ['https://stackoverflow.blog/2020/01/20/what-is-rust-and-why-is-it-so-popular/', /blog/],
    ['https://news.example.blog.example.com/2020/01/20/a-long-story-slug-here', /blog/],
    ['https://www.blogexample.com/2020/01/20/a-long-story-slug-here', /dated/],
  ])('url evidence for %s', (url, expected) => {
    expect(urlEvidence(url)?.reason).toMatch(expected);
  });
});

describe('a dateline', () => {
  test.each([
    ['WASHINGTON — ', 'WASHINGTON'],
    ['NEW ORLEANS - ', 'NEW ORLEANS'],
    ['HANOI, Vietnam (AP) — ', 'HANOI, Vietnam (AP) —'],
    ['EVERETT, Wash. -- ', 'EVERETT, Wash. --'],
    ['Berlin (dpa) - ', 'Berlin (dpa) -'],
    ['(Reuters) — ', '(Reuters) —'],
    ['دمشق، سوريا (CNN) -- ', '(CNN) --'],
  ])('found: %s', (opening, expected) => {
    const d = detectArticle(page('', `<h1>${TITLE}</h1><div class="body">${ps(6, opening)}</div>`), null);
    expect(reasons(d)).toMatch(/a dateline/);
    expect(reasons(d)).toContain(expected);
  });

  test.each([
    ['an ordinary first sentence with a dash', 'The council — all nine members — '],
    ['a heading-like word in capitals with no dash', 'UPDATE: '],
    ['brackets without a dash', 'Berlin (Germany) is where '],
    ['a single capital', 'I - '],
    ['a dash far into the sentence', 'On Tuesday the council, which had met for hours, finally voted — '],
  ])('not found: %s', (_, opening) => {
    const d = detectArticle(page('', `<h1>${TITLE}</h1><div class="body">${ps(6, opening)}</div>`), null);
    expect(reasons(d)).not.toMatch(/a dateline/);
  });
});

describe('news and blogs told apart by their sites', () => {
  test.each([
    // A post on a blog engine with the blog's own comment form and sidebar: a blog post, not news.
    [
      'a WordPress post with its comment form and archive',
      '<meta name="generator" content="WordPress 6.4.2">',
      '<div id="respond" class="comment-respond"></div><aside class="widget widget_archive"></aside>',
      URL,
      false,
      'blog',
    ],
    // The same post where the site calls itself a blog, at a .blog address.
    [
      'a company blog at a .blog host',
      '<meta property="og:site_name" content="Harbour Notes Blog">',
      '',
      'https://harbour-notes.blog/2026/03/12/council-passes-the-budget/',
      false,
      'blog',
    ],
    // The same post from a publisher of news that runs on WordPress too: an AMP version and a recommendation rail.
    [
      'the same post with an AMP version and an Outbrain rail',
      '<meta name="generator" content="WordPress 6.4.2"><link rel="amphtml" href="/amp/2026/03/12/council">',
      '<div id="respond" class="comment-respond"></div><aside class="widget widget_archive"></aside><div class="OUTBRAIN"></div>',
      URL,
      true,
      'news',
    ],
    // A newsroom on WordPress with its own comment form is still news when it declares a NewsArticle.
    [
      'a NewsArticle on a WordPress site with a comment form',
      '<meta name="generator" content="WordPress 6.4.2"><script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>',
      '<div id="respond" class="comment-respond"></div>',
      URL,
      true,
      'news',
    ],
    // A small news site that has none of these marks is read on the page itself, as before.
    ['a story on a small site with no marks at all', '', '', URL, true, 'news'],
  ])('%s', (_, head, extra, url, news, kind) => {
    const d = detectArticle(page(POST_HEAD + head, POST_BODY + extra), url);
    expect(d.isArticle, reasons(d)).toBe(news);
    expect(d.kind, reasons(d)).toBe(kind);
  });

  test.each([
    // A short wire story that declares nothing: prose under the headline alone is not enough; its dateline is.
    ['with a dateline', 'LONDON (AP) — ', true],
    ['without one', '', false],
  ])('a short story that declares nothing, %s', (_, opening, news) => {
    const d = detectArticle(page('', `<h1>${TITLE}</h1><div class="body">${ps(3, opening)}</div>`), null);
    expect(d.isArticle, reasons(d)).toBe(news);
  });
});

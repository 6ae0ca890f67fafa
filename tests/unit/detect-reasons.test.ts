/**
 * Detection's evidence in words (utils/detect-reasons.ts): the page reports ids and values, and the popup and the
 * command line show the texts made here. Every id has a text, and the texts are the ones detection has always
 * shown.
 */
import { describe, expect, test } from 'vitest';
import { DETECTION_WEIGHTS, FEATURES } from '@/utils/detect-weights';
import { EVIDENCE_TEXTS, evidenceText, kindOf, reasonOf, withReasons } from '@/utils/detect-reasons';
import { detectArticle, detectArticleInSlices } from '@/utils/detect';
import type { Evidence, EvidenceId, PageKind } from '@/utils/types';
import { fixture } from './helpers';

const PREFIX: Record<string, string> = {
  ld: 'structured data: ',
  og: 'open graph: ',
  meta: 'meta: ',
  site: 'site: ',
  url: 'url: ',
  dom: 'dom: ',
  settings: 'settings: ',
};

describe('every piece of evidence has a text', () => {
  const ids: EvidenceId[] = [...FEATURES, 'settings_always_on'];

  test('the table has one text for each feature of the weight table and for the settings, and no other', () => {
    expect(Object.keys(EVIDENCE_TEXTS).sort()).toEqual([...ids].sort());
  });

  test.each(ids)('%s is worded under its kind of evidence', (id) => {
    const text = evidenceText([id, 7, 7]);
    expect(text.startsWith(PREFIX[id.slice(0, id.indexOf('_'))]!)).toBe(true);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });
});

describe('the texts are the ones detection has always shown', () => {
  test.each<[Evidence, string]>([
    [['ld_news', 'NewsArticle'], 'structured data: a NewsArticle'],
    [['ld_news_org'], 'structured data: published by a NewsMediaOrganization'],
    [['ld_blog', 'BlogPosting'], 'structured data: a BlogPosting (a post, maybe not news)'],
    [['ld_forum', 'QAPage'], 'structured data: a QAPage (forum or social post)'],
    [['ld_article', 'Article'], 'structured data: an Article'],
    [['ld_other', 'Product'], 'structured data: a Product, not an article'],
    [['og_article', 'article'], 'open graph: og:type article'],
    [['og_other', 'product'], 'open graph: og:type product'],
    [['og_website'], 'open graph: og:type website'],
    [['meta_article', 'published_time'], 'meta: article:published_time'],
    [
      ['meta_article', 'author', 'section', 'published_time'],
      'meta: article:author, article:section, article:published_time',
    ],
    [['meta_news'], 'meta: news metadata (news_keywords or syndication source)'],
    [['meta_amp'], 'meta: an AMP version of the page, as news publishers keep'],
    [['meta_fb_pages'], "meta: fb:pages (a publisher's Instant Articles)"],
    [['meta_blog_engine', 'WordPress'], 'meta: made with WordPress, a blog engine'],
    [['meta_blog_site', 'Stack Overflow Blog'], 'meta: the site calls itself a blog ("Stack Overflow Blog")'],
    [['site_blog_comments'], "site: a blog's own comment form"],
    [['site_blog_sidebar'], "site: a blog's sidebar (archive, tag cloud, calendar)"],
    [['site_newsroom_tools', 'Taboola'], "site: a publisher's recommendation or audience tool (taboola)"],
    [['site_newsroom_tools', 'parsely'], "site: a publisher's recommendation or audience tool (parsely)"],
    [['url_listing'], 'url: a tag, section, search or author page'],
    [['url_search'], 'url: a search page'],
    [['url_wiki', 'path'], 'url: an encyclopedia path'],
    [['url_docs', 'host'], 'url: a documentation host'],
    [['url_shop', 'path'], 'url: a shop path'],
    [['url_forum', 'host'], 'url: a forum or mailing-list host'],
    [['url_press', 'path'], 'url: a press release path'],
    [['url_blog'], 'url: a blog'],
    [['url_home'], 'url: a home page'],
    [['url_section'], 'url: a section page'],
    [['url_dated'], 'url: a dated story path'],
    [['url_slug'], 'url: a story slug'],
    [['url_id'], 'url: a story id'],
    [['dom_few_paragraphs'], 'dom: fewer than two paragraphs'],
    [['dom_posts', 12], 'dom: a list of 12 short posts or teasers, not one block of prose'],
    [['dom_prose', 21], 'dom: one block of running prose (21 paragraphs)'],
    [['dom_prose_short', 2], 'dom: a short block of running prose (2 paragraphs)'],
    [['dom_no_prose'], 'dom: no block of running prose'],
    [['dom_prose_long', 81], 'dom: a long text (81 paragraphs, more than most stories)'],
    [['dom_code', 4], 'dom: 4 code listings (documentation or a tutorial)'],
    [['dom_sections', 6, 14], 'dom: 6 subheadings over 14 paragraphs'],
    [['dom_linked', 0.126], 'dom: 13% of the prose is links'],
    [['dom_linked', 0.5], 'dom: 50% of the prose is links'],
    [['dom_cards', 9], 'dom: 9 teaser cards'],
    [['dom_article_body'], 'dom: a marked-up article body'],
    [['dom_headline'], 'dom: a headline over the prose, as in the page title'],
    [['dom_headline', 1], 'dom: a headline over the prose (the title, maybe left from the page before, not compared)'],
    [['dom_dated'], 'dom: a dated element'],
    [['dom_date_by_headline'], 'dom: a date by the headline'],
    [['dom_byline'], 'dom: a byline'],
    [['dom_price'], 'dom: a price'],
    [['dom_dateline', 'HANOI, Vietnam (AP) —'], 'dom: a dateline ("HANOI, Vietnam (AP) —")'],
    [['dom_story_links', 30], 'dom: links to 30 other stories (dated or numbered)'],
    [['dom_controls', 8], 'dom: 8 form controls'],
    [['settings_always_on'], 'settings: always on for this site'],
  ])('%j reads "%s"', (evidence, text) => {
    expect(evidenceText(evidence)).toBe(text);
  });

  test.each<[Evidence, string]>([
    [['ld_news', 'NewsArticle'], `+${DETECTION_WEIGHTS.ld_news} structured data: a NewsArticle`],
    [
      ['dom_posts', 3],
      `${DETECTION_WEIGHTS.dom_posts} dom: a list of 3 short posts or teasers, not one block of prose`,
    ],
    // The reader's setting has no weight: its reason is the text alone.
    [['settings_always_on'], 'settings: always on for this site'],
  ])('a reason is the weight, signed, then the text: %j', (evidence, reason) => {
    expect(reasonOf(evidence)).toBe(reason);
  });

  test('weights show at most two decimals, with a plus only when above zero', () => {
    expect(DETECTION_WEIGHTS.ld_news).toBeGreaterThan(0);
    expect(DETECTION_WEIGHTS.dom_posts).toBeLessThan(0);
    expect(reasonOf(['dom_byline'])).toMatch(/^\+\d+(\.\d{1,2})? dom: a byline$/);
    expect(reasonOf(['url_home'])).toMatch(/^-\d+(\.\d{1,2})? url: a home page$/);
  });

  test('an id this build does not know (a content script from an older version) is shown as it is', () => {
    expect(evidenceText(['dom_gone' as EvidenceId, 3])).toBe('dom_gone');
  });
});

describe('what a page is read as, from its evidence', () => {
  test.each<[Evidence[], boolean, PageKind]>([
    [[['dom_prose', 9]], true, 'news'],
    // What the address says comes first.
    [
      [
        ['dom_code', 5],
        ['url_wiki', 'path'],
      ],
      false,
      'encyclopedia',
    ],
    [[['ld_blog', 'BlogPosting'], ['url_home']], false, 'page'],
    // Then any other kind named, then a page of another kind.
    [[['dom_no_prose'], ['dom_price']], false, 'shop'],
    [[['dom_cards', 12]], false, 'page'],
    [[['dom_prose', 9]], false, 'text'],
    [[], false, 'text'],
  ])('%j (article: %s) is %s', (evidence, isArticle, kind) => {
    expect(kindOf(evidence, isArticle)).toBe(kind);
  });
});

describe('the page reports ids and values; the background puts them into words', () => {
  const url = 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/';

  test('the page carries no texts, and what it sends, worded, is detectArticle’s result', async () => {
    const page = await detectArticleInSlices(fixture('news-article.html'), url, async () => undefined);
    // What a message carries is what arrives.
    const sent = JSON.parse(JSON.stringify(page)) as typeof page;
    expect(sent).toEqual(page);
    for (const [id, ...values] of sent.evidence) {
      expect(EVIDENCE_TEXTS[id]).toBeTypeOf('function');
      for (const v of values) expect(String(v)).not.toMatch(/^(dom|url|meta|site|structured data|open graph): /);
    }
    expect(withReasons(sent)).toEqual(detectArticle(fixture('news-article.html'), url));
  });

  test('a page read because the reader keeps the site always on: the reason last, the kind still its own', async () => {
    const page = await detectArticleInSlices(
      fixture('docs.html'),
      'http://www.harbor-gazette.example/docs/queue/push',
      async () => undefined,
    );
    expect(page.isArticle).toBe(false);
    const own = withReasons(page);
    const shown = withReasons({ ...page, isArticle: true, evidence: [...page.evidence, ['settings_always_on']] });
    expect(shown.isArticle).toBe(true);
    expect(shown.kind).toBe('documentation');
    expect(shown.kind).toBe(own.kind);
    expect(shown.reasons).toEqual([...own.reasons, 'settings: always on for this site']);
  });
});

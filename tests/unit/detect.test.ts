import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectArticle, detectArticleInSlices, urlEvidence } from '@/utils/detect';
import { withReasons } from '@/utils/detect-reasons';
import { DETECTION_BIAS } from '@/utils/detect-weights';
import { analyzeHtml } from '@/cli/analyze';
import { holdPage } from '@/utils/dom/page-memo';
import { HAS_SEED, ROOT, SEED_HTML, SEED_URL, dataset, documentOf, fixture, html, rules } from './helpers';

describe('article detection', () => {
  test.each([
    ['news-article.html', 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/', true],
    ['home-page.html', 'http://www.harbor-gazette.example/', false],
    ['encyclopedia.html', 'http://www.harbor-gazette.example/wiki/Gallium', false],
    ['docs.html', 'http://www.harbor-gazette.example/docs/queue/push', false],
    ['product.html', 'http://www.harbor-gazette.example/shop/tent', false],
    // Without a URL the page's own evidence decides.
    ['news-article.html', null, true],
    ['home-page.html', null, false],
    ['encyclopedia.html', null, false],
  ])('%s at %s: %s', (name, url, expected) => {
    const d = detectArticle(fixture(name), url);
    expect(d.isArticle).toBe(expected);
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  test('the demo article is an article', () => {
    expect(detectArticle(html(resolve(ROOT, 'demo/article.html'))).isArticle).toBe(true);
  });

  test.skipIf(!HAS_SEED)('the seed article is an article', () => {
    const d = detectArticle(html(SEED_HTML), SEED_URL);
    expect(d.isArticle).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/og:type article/);
  });

  test.each([
    ['https://example.com/2017/04/26/story/', 'dated'],
    ['https://example.com/world/syrian-army-advances-on-town', 'slug'],
    ['https://example.com/tag/syria/', 'tag'],
    ['https://example.com/', 'home'],
    ['https://en.wikipedia.org/wiki/Gallium', 'encyclopedia'],
    ['not a url', null],
    // Path words in any case; a story with a long id or a slug under a tag path is still a story.
    ['https://example.com/Topics/Elections', 'tag'],
    ['https://example.com/tag/2024/05/council-votes-on-budget-tonight', 'dated'],
    ['https://example.com/tag/council-votes-on-budget', 'slug'],
    ['https://example.com/DOCS/queue/push', 'documentation'],
    ['https://docs.example.com/queue', 'documentation'],
    ['https://example.com/docs', 'section'],
    // Search parameters by name, exactly.
    ['https://example.com/?Q=syria', 'search'],
    ['https://example.com/results?search=syria', 'search'],
    ['https://example.com/?sq=1', 'home'],
    ['https://example.com/news?id=1234567', 'story id'],
    ['https://example.com/news?id=12345', 'section'],
    // Blogs by path and host.
    ['https://example.com/Blogs/notes-from-the-field-today', 'blog'],
    ['https://someone.blogspot.com/2016/05/post.html', 'blog'],
    ['https://blog.example.com/a', 'blog'],
    ['https://weblog.example.com/a', 'section'],
    // Words of any script count toward a slug; numbers alone do not.
    ['https://example.com/新聞/尖石-美樹-營地-賞楓', 'slug'],
    ['https://example.com/news/12-34-56-78', null],
  ])('url evidence for %s', (url, word) => {
    const e = urlEvidence(url);
    if (word === null) expect(e).toBeNull();
    else expect(e?.reason).toMatch(new RegExp(word));
  });
});

describe('evidence from real-page shapes', () => {
  const prose = (n: number, sentence = 'The council met again on Tuesday, argued about the budget, and voted late.') =>
    Array.from({ length: n }, (_, i) => `<p>${i + 1}. ${sentence} ${sentence}</p>`).join('');

  test('JSON-LD in CDATA markers, in an @graph, in an array', () => {
    for (const ld of [
      '<![CDATA[ {"@context":"http://schema.org","@type":"NewsArticle","headline":"x"} ]]>',
      '{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"]}]}',
      '[{"@type":"Organization"},{"@type":"OpinionNewsArticle"}]',
    ]) {
      const d = detectArticle(
        documentOf(
          `<html><head><script type="application/ld+json">${ld}</script></head><body>${prose(4)}</body></html>`,
        ),
      );
      expect(d.isArticle).toBe(true);
      expect(d.reasons.join(' ')).toMatch(/structured data: a \w*NewsArticle/);
    }
  });

  test('a page that declares a product stops before its text is read', () => {
    const d = detectArticle(
      documentOf(
        `<html><head><script type="application/ld+json">{"@type":"Product","name":"Tent"}</script>` +
          `<meta property="og:type" content="product"></head><body>${prose(6)}</body></html>`,
      ),
      'https://shop.example/products/tent',
    );
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).not.toMatch(/dom:/);
  });

  test('documentation with code listings is not a news article', () => {
    const code = '<pre>const x = 1;\nconsole.log(x);</pre>'.repeat(4);
    const d = detectArticle(
      documentOf(
        `<html><head><meta property="og:type" content="article"></head><body><main>${prose(6)}${code}</main></body></html>`,
      ),
    );
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/code listings/);
  });

  test.each([
    ['cs', 'Vláda ve středu schválila rozpočet, opozice ho kritizovala a slíbila, že podá stížnost.'],
    ['ja', '政府は水曜日に予算案を閣議決定した。野党はこれを批判し、国会での審議を求めている。'],
  ])('a %s news article is an article', (lang, sentence) => {
    const d = detectArticle(
      documentOf(
        `<html lang="${lang}"><head><meta property="og:type" content="article">` +
          `<meta property="article:published_time" content="2026-03-12T10:00:00Z"></head>` +
          `<body><article><h1>X</h1>${prose(8, sentence)}</article></body></html>`,
      ),
      'https://news.example/2026/03/12/budget-approved-after-long-debate',
    );
    expect(d.isArticle).toBe(true);
  });

  test('a page with hardly a paragraph is not read further', () => {
    const d = detectArticle(documentOf('<html><body><div id="app"><button>Go</button></div></body></html>'), null);
    expect(d.isArticle).toBe(false);
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]).toMatch(/^-\d+(\.\d+)? dom: fewer than two paragraphs$/);
  });

  test.each([
    ['https://example.com/2019/11/18/business/trump-trade.html', /dated/],
    ['https://example.com/news/world-africa-33646704', /story id/],
    ['https://example.com/blog/2024/06/25/findings/', /blog/],
    ['https://example.com/search?q=budget', /search/],
    ['https://example.com/world/', /section page/],
    ['https://example.com/category/politics/', /tag, section/],
    ['https://docs.example.com/guide/install', /documentation/],
    // Mailing-list archives are read as forums: many messages by many hands.
    ['https://lists.example.org/Archives/Public/wg/1999AprJun/0006.html', /mailing-list host/],
    ['https://example.org/pipermail/dev/2019-March/001234.html', /mailing-list path/],
    ['https://example.org/news/2019/03/lists-of-candidates-published', /dated/],
  ])('url evidence for %s', (url, expected) => {
    expect(urlEvidence(url)?.reason).toMatch(expected);
  });
});

describe('detection in slices, as the content script runs it', () => {
  test.each([
    ['news-article.html', 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/'],
    ['home-page.html', 'http://www.harbor-gazette.example/'],
    ['encyclopedia.html', 'http://www.harbor-gazette.example/wiki/Gallium'],
    ['docs.html', 'http://www.harbor-gazette.example/docs/queue/push'],
    ['product.html', 'http://www.harbor-gazette.example/shop/tent'],
    ['news-article.html', null],
  ])('%s at %s: the same verdict and reasons as in one task', async (name, url) => {
    const doc = fixture(name);
    const hold = holdPage(doc);
    const sliced = await detectArticleInSlices(doc, url, () => new Promise((r) => setTimeout(r, 0)));
    hold();
    // The page reports ids and values; put into words, they are detectArticle's reasons.
    expect(withReasons(sliced)).toEqual(detectArticle(fixture(name), url));
  });

  test('a page whose declarations settle it is never walked', async () => {
    const doc = documentOf(
      '<html><head><meta property="og:type" content="product"></head><body><p>One line.</p></body></html>',
    );
    let walked = false;
    const body = doc.body;
    // The walk starts from the body's last child; a page settled by what it declares never gets there.
    Object.defineProperty(body, 'lastChild', {
      get() {
        walked = true;
        return null;
      },
    });
    const d = await detectArticleInSlices(doc, 'https://shop.example/tent', async () => undefined);
    expect(d.isArticle).toBe(false);
    expect(walked).toBe(false);
  });
});

describe('what a page is read as, and reading it anyway', () => {
  test.each([
    ['news-article.html', 'http://www.harbor-gazette.example/2026/03/12/council-passes-budget/', 'news'],
    ['home-page.html', 'http://www.harbor-gazette.example/', 'page'],
    ['encyclopedia.html', 'http://www.harbor-gazette.example/wiki/Gallium', 'encyclopedia'],
    ['docs.html', 'http://www.harbor-gazette.example/docs/queue/push', 'documentation'],
    ['product.html', 'http://www.harbor-gazette.example/shop/tent', 'shop'],
    ['product.html', null, 'shop'],
    ['docs.html', null, 'documentation'],
  ])('%s at %s is read as %s', (name, url, kind) => {
    const d = detectArticle(fixture(name), url);
    expect(d.kind, d.reasons.join('; ')).toBe(kind);
    expect(d.isArticle).toBe(kind === 'news');
  });

  test('every reason names its weight, and the weights and bias give the verdict and confidence', () => {
    const d = detectArticle(fixture('news-article.html'), null);
    const weights = d.reasons.map((r) => Number(/^([+-]?\d+(?:\.\d+)?) /.exec(r)?.[1]));
    expect(weights.every((w) => Number.isFinite(w))).toBe(true);
    const score = DETECTION_BIAS + weights.reduce((a, b) => a + b, 0);
    expect(score >= 0).toBe(d.isArticle);
    expect(d.confidence).toBeCloseTo(1 / (1 + Math.exp(-score)), 1);
  });

  test('a page read as something else is still read as an article when the reader asks (--as-article)', () => {
    const page = readFileSync(resolve(ROOT, 'tests/fixtures/pages/encyclopedia.html'), 'utf8');
    const url = 'http://www.harbor-gazette.example/wiki/Gallium';
    const plain = analyzeHtml(page, url, rules, dataset.notes);
    expect(plain.isArticle).toBe(false);
    expect(plain.article).toBeNull();
    const anyway = analyzeHtml(page, url, rules, dataset.notes, { force: true });
    // Detection's own verdict is still reported; the page is read all the same.
    expect(anyway.isArticle).toBe(false);
    expect(anyway.article?.text.length).toBeGreaterThan(200);
  });
});

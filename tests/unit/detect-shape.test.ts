/**
 * Detection from the shape of a page alone: prose set in <div>s and <br>-split lines, a headline over the prose,
 * a date by it, teaser cards beside a story, and lists of posts (forum threads, comments, teasers) that are many
 * short texts rather than one block of running prose.
 */
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectArticle, quickParagraphs } from '@/utils/detect';
import { mainContainer } from '@/utils/extract';
import { comesAfter } from '@/utils/dom/walk';
import { COUNCIL_SENTENCES, COUNCIL_TITLE, ROOT, documentOf, councilParagraph, councilParagraphs } from './helpers';

const S = COUNCIL_SENTENCES;
const para = councilParagraph;
const ps = councilParagraphs;
const TITLE = COUNCIL_TITLE;
const page = (body: string, title = `${TITLE} | The Harbour Gazette`) =>
  documentOf(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
const reasons = (d: { reasons: string[] }) => d.reasons.join('; ');

describe('the quick first look counts prose wherever it is set', () => {
  test.each([
    ['two <p> paragraphs', ps(2), 2],
    ['prose in <div>s', `<div>${para(0)}</div><div>${para(1)}</div>`, 2],
    ['prose in <div>s through inline spans', `<div><span><span>${para(0)}</span></span></div><div>${para(1)}</div>`, 2],
    ['<br><br>-split text in one <div>', `<div>${para(0)}<br><br>${para(1)}<br>\n<br>${para(2)}</div>`, 2],
    ['prose in table cells', `<table><tr><td>${para(0)}</td></tr><tr><td>${para(1)}</td></tr></table>`, 2],
    ['one paragraph', `<div>${para(0)}</div>`, 1],
    ['one paragraph with single line breaks', `<div>${S[0]}<br>${S[1]}</div>`, 1],
    [
      'a menu of links',
      `<div>${Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ')}</div>`,
      0,
    ],
    ['short labels', '<div>Sign in</div><div>Search</div><td>Weather: 12°</td>', 0],
    ['a wrapper is not counted for the blocks inside it', `<div><div>${para(0)}</div></div>`, 1],
  ])('%s', (_, body, expected) => {
    expect(quickParagraphs(page(body))).toBe(expected);
  });

  test('a page that declares nothing and sets its story in <div>s is read, not turned away', () => {
    const body = `<h1>${TITLE}</h1><div class="story">${Array.from({ length: 6 }, (_, i) => `<div>${para(i)}</div>`).join('')}</div>`;
    const d = detectArticle(page(body));
    expect(reasons(d)).not.toMatch(/fewer than two paragraphs/);
    expect(reasons(d)).toMatch(/running prose/);
  });
});

describe('<br>-split text is as many paragraphs as it has', () => {
  test('one <div> of text set as paragraphs by <br><br> scores as the paragraphs it holds', () => {
    const text = Array.from({ length: 8 }, (_, i) => para(i)).join('<br><br>');
    const m = mainContainer(page(`<h1>${TITLE}</h1><div class="content">${text}</div>`))!;
    expect(m.paragraphs).toBe(8);
    // Counted as one long block it would be capped at a single paragraph's worth.
    expect(m.score).toBeGreaterThan(1500);
  });

  test('a story in one <br>-split <div>, with its headline and date, is an article with nothing declared', () => {
    const text = Array.from({ length: 7 }, (_, i) => para(i)).join('<br><br>');
    const d = detectArticle(
      page(`<div><h1>${TITLE}</h1><span>12.03.2026</span></div><div class="content">${text}</div>`),
    );
    expect(d.isArticle).toBe(true);
    expect(reasons(d)).toMatch(/one block of running prose \(7 paragraphs\)/);
  });
});

describe('a page that declares nothing is weighed on its prose, its headline and its date', () => {
  // With the fitted weights (utils/detect-weights.ts), prose under a headline the title repeats is not enough
  // alone (an essay, a mailing-list message look the same): a date by the headline, or a byline, is needed too.
  test.each([
    [
      'a story under a headline that is in the page title',
      `<h1>${TITLE}</h1><span class="date">12 March 2026</span><div class="body">${ps(8)}</div>`,
    ],
    [
      'a story whose headline the title words a little differently',
      `<h1>Council passes the city budget after a long night</h1><span class="date">12 March 2026</span><div class="body">${ps(8)}</div>`,
    ],
    [
      'a story whose headline is an h2 (no h1 names it)',
      `<h1>The Harbour Gazette</h1><h2>${TITLE}</h2><span class="date">12 March 2026</span><div class="body">${ps(8)}</div>`,
    ],
    [
      'a story whose paragraphs each sit in a wrapper of their own',
      `<h1>${TITLE}</h1><span class="date">12 March 2026</span><div class="body">${Array.from({ length: 12 }, (_, i) => `<div class="para"><p>${para(i)}</p></div>`).join('')}</div>`,
    ],
    [
      'a story in short sections, each under a subheading',
      `<h1>${TITLE}</h1><span class="date">12 March 2026</span><div class="body">${Array.from({ length: 10 }, (_, i) => `<section class="part"><h2>Part ${i + 1}</h2><p>${para(i)}</p></section>`).join('')}</div>`,
    ],
    [
      'a short story with its headline, a date and a byline',
      `<header><h1>${TITLE}</h1><p class="byline">By <a rel="author" href="/staff/ana/">Ana Kell</a>, 12 March 2026</p></header><div class="body">${ps(3)}</div>`,
    ],
  ])('detected: %s', (_, body) => {
    const d = detectArticle(page(body));
    expect(d.isArticle, reasons(d)).toBe(true);
  });

  test.each([
    ['March 12, 2026', true],
    ['12 March 2026', true],
    ['Sept. 3rd, 2025', true],
    ['2026-03-12 08:15', true],
    ['12.03.2026', true],
    ['2026年3月12日', true],
    ['Updated 3/12/2026', true],
    ['Version 3.12, build 2026', false],
    ['Call 0800 2026 12', false],
    ['Chapter 12 of 2026 pages', false],
  ])('a date by the headline: %s', (date, expected) => {
    const d = detectArticle(
      page(`<header><h1>${TITLE}</h1><span>${date}</span></header><div class="body">${ps(8)}</div>`),
    );
    expect(reasons(d).includes('a date by the headline')).toBe(expected);
  });

  test.each([
    [
      'in the header around the headline, two levels out',
      `<div class="top"><div class="hed"><h1>${TITLE}</h1></div><div class="meta"><span>12 March 2026</span></div></div><div class="body">${ps(8)}</div>`,
      true,
    ],
    [
      'only deep in the story',
      `<h1>${TITLE}</h1><div class="body">${ps(4)}<p>On 12 March 2026 it rained.</p></div>`,
      false,
    ],
  ])('a date by the headline: %s', (_, body, expected) => {
    expect(reasons(detectArticle(page(body))).includes('a date by the headline')).toBe(expected);
  });

  test.each([
    // Prose alone is not enough: a story in a book, a study text, a long essay without a headline.
    ['long running prose without a headline', `<h3>Chapter one</h3><div>${ps(40)}</div>`],
    ['a headline that is not the page title', `<h1>Chapter one</h1><div>${ps(40)}</div>`],
    [
      'a heading that shares a few words with the title',
      `<h1>The budget: a reader’s guide to the city’s money</h1><div>${ps(40)}</div>`,
    ],
    ['a headline after the prose', `<div>${ps(12)}</div><h1>${TITLE}</h1>`],
    ['a long text under a headline, with no date or byline', `<h1>${TITLE}</h1><div class="body">${ps(8)}</div>`],
    ['a short text under a headline, without a date', `<h1>${TITLE}</h1><div class="body">${ps(3)}</div>`],
  ])('left alone: %s', (_, body) => {
    const d = detectArticle(page(body));
    expect(d.isArticle, reasons(d)).toBe(false);
  });

  // The fitted weights (utils/detect-weights.ts) take a short text under a headline that the page title repeats,
  // with a date by it, for a story (a byline is no longer needed besides).
  test.each([
    [
      'a short text under a headline with a date but no byline',
      `<header><h1>${TITLE}</h1><span>12 March 2026</span></header><div class="body">${ps(3)}</div>`,
    ],
  ])('detected with the fitted weights: %s', (_, body) => {
    const d = detectArticle(page(body));
    expect(d.isArticle, reasons(d)).toBe(true);
    expect(reasons(d)).toMatch(/short block of running prose.*headline over the prose/);
  });
});

describe('many short posts are not one block of running prose', () => {
  const post = (i: number, inner: string) =>
    `<li class="post" id="p${i}"><div class="who"><a href="/u/user${i % 7}/">user${i % 7}</a> <span>${i + 1}h ago</span></div>${inner}<div class="actions"><a href="#reply">Reply</a> · ${i} likes</div></li>`;
  const short = (i: number) => `<p>${S[i % 4]}</p>`;

  test.each([
    [
      'a forum thread of posts with their authors',
      `<ol class="thread">${Array.from({ length: 40 }, (_, i) => post(i, short(i))).join('')}</ol>`,
    ],
    [
      'comments with a time each',
      `<div class="thread">${Array.from({ length: 20 }, (_, i) => `<div class="c"><div class="head">Reader ${i} <time datetime="2026-03-12">12 March</time></div><div class="text"><p>${S[i % 4]}</p></div></div>`).join('')}</div>`,
    ],
    [
      'a grid of teaser cards',
      `<div class="grid">${Array.from({ length: 30 }, (_, i) => `<div class="card"><h3><a href="/2026/03/${i}/story-${i}/">Story number ${i} of the day</a></h3><p>${S[i % 4]}</p></div>`).join('')}</div>`,
    ],
  ])('%s, under a story-like address', (_, list) => {
    const doc = page(`<h1>${TITLE}</h1>${list}`);
    expect(mainContainer(doc)?.posts).toBeGreaterThanOrEqual(8);
    const d = detectArticle(doc, 'https://news.example.net/t/council-passes-the-budget-after-a-long-night/');
    expect(d.isArticle, reasons(d)).toBe(false);
    expect(reasons(d)).toMatch(/a list of \d+ short posts or teasers/);
  });

  test.each([
    ['a story of paragraphs', `<div class="body">${ps(20)}</div>`],
    [
      'a story whose paragraphs are list items',
      `<ol class="points">${Array.from({ length: 12 }, (_, i) => `<li>${para(i)}</li>`).join('')}</ol>`,
    ],
    [
      'a few posts only',
      `<ol class="thread">${Array.from({ length: 5 }, (_, i) => post(i, `<p>${para(i)} ${para(i + 1)}</p>`)).join('')}</ol>`,
    ],
    [
      'long posts (letters to the editor, essays in sections)',
      `<ol class="thread">${Array.from({ length: 10 }, (_, i) => post(i, ps(4))).join('')}</ol>`,
    ],
  ])('not a list of posts: %s', (_, body) => {
    expect(mainContainer(page(`<h1>${TITLE}</h1>${body}`))?.posts ?? 0).toBe(0);
  });

  test('the generated forum thread of the benchmark is not an article', async () => {
    const url = pathToFileURL(resolve(ROOT, 'scripts/bench/generate.mjs')).href;
    const { generateForumThread, generateArticle } = (await import(url)) as {
      generateForumThread(): { html: string; path: string };
      generateArticle(words: number): { html: string; path: string };
    };
    const thread = generateForumThread();
    const d = detectArticle(documentOf(thread.html), `http://www.northern-courier.example${thread.path}`);
    expect(d.isArticle, reasons(d)).toBe(false);
    expect(reasons(d)).toMatch(/a list of 150 short posts/);
    const article = generateArticle(1500);
    expect(
      detectArticle(documentOf(article.html), `http://www.northern-courier.example${article.path}`).isArticle,
    ).toBe(true);
  });
});

describe('teaser cards are weighed against the story beside them', () => {
  const cards = (n: number) =>
    `<div class="rail">${Array.from({ length: n }, (_, i) => `<article><h3><a href="/s${i}/">Another story ${i}</a></h3></article>`).join('')}</div>`;
  const og = '<meta property="og:type" content="article">';
  const doc = (body: string) =>
    documentOf(`<html><head><title>${TITLE} | Gazette</title>${og}</head><body>${body}</body></html>`);

  test('a rail of related stories beside a longer story does not count against it', () => {
    const d = detectArticle(doc(`<h1>${TITLE}</h1><div class="body">${ps(12)}</div>${cards(8)}`));
    expect(reasons(d)).not.toMatch(/teaser cards/);
    expect(d.isArticle).toBe(true);
  });

  test('nor does it against a story that declares nothing', () => {
    const bare = page(
      `<h1>${TITLE}</h1><span class="date">12 March 2026</span><div class="body">${ps(12)}</div>${cards(11)}`,
    );
    expect(detectArticle(bare).isArticle).toBe(true);
  });

  test('a short story with a rail of a few more cards than it has paragraphs is still a story', () => {
    const d = detectArticle(doc(`<h1>${TITLE}</h1><div class="body">${ps(8)}</div>${cards(9)}`));
    expect(reasons(d)).not.toMatch(/teaser cards/);
  });

  test('a story among twice as many cards as it has paragraphs is a front page lead', () => {
    const d = detectArticle(doc(`<div class="lead">${ps(8)}</div>${cards(16)}`));
    expect(reasons(d)).toMatch(/dom: 16 teaser cards/);
  });

  test('more cards than the block has paragraphs make a front page', () => {
    const d = detectArticle(doc(`<div class="lead">${ps(4)}</div>${cards(20)}`));
    expect(reasons(d)).toMatch(/-\d+(\.\d+)? dom: 20 teaser cards/);
    expect(d.isArticle).toBe(false);
  });
});

describe('document order', () => {
  const d = documentOf(
    '<html><body><div id="a"><h1 id="h">x</h1><p id="p">y</p></div><div id="b"><p id="q">z</p></div></body></html>',
  );
  const $ = (id: string) => d.getElementById(id)!;
  test.each([
    ['h', 'q', true],
    ['q', 'h', false],
    ['h', 'p', true],
    ['p', 'h', false],
    ['a', 'b', true],
    ['a', 'p', false], // inside it
    ['p', 'a', false], // around it
    ['h', 'h', false],
  ])('%s then %s: %s', (a, b, expected) => {
    expect(comesAfter($(a), $(b))).toBe(expected);
  });
});

/** Detection and extraction in separate tasks still work out the page once, while the caller holds it. */
import { describe, expect, test } from 'vitest';
import { holdPage, pageMemo } from '@/utils/dom/page-memo';
import { jsonLdItems } from '@/utils/dom/structured';
import { extractArticle, extractArticleInSlices, mainContainer, walkPageInSlices } from '@/utils/extract';
import { fixture } from './helpers';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('what is worked out about a page', () => {
  test('is worked out again in a later task when nobody holds the page', async () => {
    const doc = fixture('news-article.html');
    const first = mainContainer(doc);
    expect(first).not.toBeNull();
    expect(mainContainer(doc)).toBe(first);
    await nextTask();
    const again = mainContainer(doc);
    expect(again).not.toBe(first);
    expect(again?.el).toBe(first?.el);
  });

  test('is kept for a later task while the page is held, and let go on release', async () => {
    const doc = fixture('news-article.html');
    const release = holdPage(doc);
    const container = mainContainer(doc);
    const items = jsonLdItems(doc);
    expect(items.length).toBeGreaterThan(0);
    await nextTask();
    expect(mainContainer(doc)).toBe(container);
    expect(jsonLdItems(doc)).toBe(items);
    release();
    expect(mainContainer(doc)).not.toBe(container);
    expect(jsonLdItems(doc)).not.toBe(items);
  });

  test('holding one page keeps nothing of another', async () => {
    const a = fixture('news-article.html');
    const b = fixture('news-article.html');
    const release = holdPage(a);
    const fromB = mainContainer(b);
    await nextTask();
    expect(mainContainer(b)).not.toBe(fromB);
    release();
  });

  test('computes once per name and page within a task', () => {
    const doc = fixture('news-article.html');
    let calls = 0;
    const compute = () => ++calls;
    expect(pageMemo('test', doc, compute)).toBe(1);
    expect(pageMemo('test', doc, compute)).toBe(1);
    expect(pageMemo('other', doc, compute)).toBe(2);
    expect(pageMemo('test', fixture('news-article.html'), compute)).toBe(3);
  });
});

describe('a page held across tasks', () => {
  test('is walked again when its main container has left the document meanwhile', async () => {
    const doc = fixture('news-article.html');
    const release = holdPage(doc);
    const container = mainContainer(doc);
    expect(container).not.toBeNull();
    await nextTask();
    expect(mainContainer(doc)).toBe(container);
    const replacement = container!.el.cloneNode(true) as Element;
    container!.el.replaceWith(replacement);
    await nextTask();
    const again = mainContainer(doc);
    expect(again).not.toBe(container);
    expect(again?.el).toBe(replacement);
    release();
  });
});

/** A page of many paragraphs, which a zero-length slice walks 512 nodes at a time. */
function longPage(): Document {
  const doc = fixture('news-article.html');
  const body = doc.querySelector('article') ?? doc.body;
  const paragraph = body.querySelector('p')!;
  for (let i = 0; i < 600; i++) body.append(paragraph.cloneNode(true));
  return doc;
}

describe('walking a long page in slices', () => {
  test('gives the browser turns, and finds the container a single walk finds', async () => {
    const doc = longPage();
    const expected = mainContainer(longPage());
    const release = holdPage(doc);
    let pauses = 0;
    await walkPageInSlices(
      doc,
      () => {
        pauses++;
        return nextTask() as Promise<void>;
      },
      0,
    );
    expect(pauses).toBeGreaterThan(1);
    const found = mainContainer(doc);
    expect(found?.el.tagName).toBe(expected?.el.tagName);
    expect(found?.paragraphs).toBe(expected?.paragraphs);
    expect(found?.score).toBeCloseTo(expected!.score);
    // Kept for detection and extraction: not walked again while the page is held.
    await nextTask();
    expect(mainContainer(doc)).toBe(found);
    release();
  });

  test('a page of ordinary length is walked in one slice, without a pause', async () => {
    const doc = fixture('news-article.html');
    const release = holdPage(doc);
    let pauses = 0;
    await walkPageInSlices(doc, async () => void pauses++);
    expect(pauses).toBe(0);
    expect(mainContainer(doc)).not.toBeNull();
    release();
  });
});

describe('extracting a long article in slices', () => {
  test('gives the browser turns and extracts exactly what one task would', async () => {
    const doc = longPage();
    const whole = extractArticle(doc);
    let pauses = 0;
    const sliced = await extractArticleInSlices(
      doc,
      null,
      () => {
        pauses++;
        return nextTask() as Promise<void>;
      },
      0,
    );
    expect(pauses).toBeGreaterThan(1);
    expect(sliced.article).toEqual(whole.article);
    expect(sliced.bodyStart).toBe(whole.bodyStart);
    expect(sliced.blocks).toEqual(whole.blocks);
    expect(sliced.runs).toEqual(whole.runs);
  });
});

/** Detection and extraction in separate tasks still walk the page once, while the caller holds the result. */
import { describe, expect, test } from 'vitest';
import { holdMainContainer, mainContainer } from '@/utils/extract';
import { fixture } from './helpers';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the main container across tasks', () => {
  test('is found again in a later task when nobody holds it', async () => {
    const doc = fixture('news-article.html');
    const first = mainContainer(doc);
    expect(first).not.toBeNull();
    expect(mainContainer(doc)).toBe(first);
    await nextTask();
    const again = mainContainer(doc);
    expect(again).not.toBe(first);
    expect(again?.el).toBe(first?.el);
  });

  test('is kept for a later task while held, and let go on release', async () => {
    const doc = fixture('news-article.html');
    const release = holdMainContainer(doc);
    const first = mainContainer(doc);
    await nextTask();
    expect(mainContainer(doc)).toBe(first);
    release();
    expect(mainContainer(doc)).not.toBe(first);
  });

  test('holding one page keeps nothing of another', async () => {
    const a = fixture('news-article.html');
    const b = fixture('news-article.html');
    const release = holdMainContainer(a);
    const fromB = mainContainer(b);
    await nextTask();
    expect(mainContainer(b)).not.toBe(fromB);
    release();
  });
});

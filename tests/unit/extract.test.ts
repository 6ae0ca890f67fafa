import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { extractArticle, originalPublisher } from '@/utils/extract';
import { HAS_SEED, ROOT, SEED_HTML, SEED_URL, documentOf, fixture, html } from './helpers';

describe('extraction of our own pages', () => {
  test('the demo article: headline, byline, publisher, body without boilerplate', () => {
    const { article, blocks } = extractArticle(html(resolve(ROOT, 'demo/article.html')));
    expect(article.title).toMatch(/Lataminah/);
    expect(article.byline).toBeTruthy();
    expect(article.publisher).toBe('The Meridian Ledger');
    expect(article.lang).toBe('en');
    expect(blocks[0]!.tagName).toBe('H1');
    expect(article.text).toMatch(/Khan Shaykhun/);
    for (const boilerplate of [/Most read/i, /Subscribe/i, /fictional outlet/i, /Related stories/i])
      expect(article.text).not.toMatch(boilerplate);
  });

  test('the fixture article leaves out menus, sidebar, footer and comments', () => {
    const { article } = extractArticle(fixture('news-article.html'));
    expect(article.text).toMatch(/so-called/);
    expect(article.text).not.toMatch(/©/);
  });

  test('whitespace is collapsed and every character maps back to its text node', () => {
    const doc = documentOf(
      '<html><body><article><h1>Head  line</h1><p>One   two\n three <b>four</b> five.</p><p>Six<br>seven.</p><p>' +
        'x'.repeat(30) +
        ' and more text, enough to be prose.</p></article></body></html>',
    );
    const { article, runs } = extractArticle(doc);
    expect(article.text.startsWith('Head line\n\nOne two three four five.\n\nSix\nseven.')).toBe(true);
    for (const run of runs) {
      const fromNode = run.node.data.slice(run.nodeStart, run.nodeStart + run.length);
      const fromText = article.text.slice(run.start, run.start + run.length);
      expect(fromText.replace(/\s/g, ' ')).toBe(fromNode.replace(/\s/g, ' '));
    }
  });

  test.each([
    [
      '<p>The original source of this article is <a>South Front</a><br>Copyright © South Front, 2017</p>',
      'South Front',
    ],
    ['<p>This article first appeared in The Conversation.</p>', 'Conversation'],
    ['<p>Originally published by Inter Press Service.</p>', 'Inter Press Service'],
    ['<p>Nothing to see here.</p>', null],
  ])('original publisher in %j', (body, expected) => {
    expect(originalPublisher(documentOf(`<html><body>${body}</body></html>`), null)).toBe(expected);
  });
});

describe.skipIf(!HAS_SEED)('the seed article', () => {
  const { article } = extractArticle(html(SEED_HTML), SEED_URL);
  const paragraphs = article.text.split('\n\n');

  test('metadata', () => {
    expect(article.title).toBe('Video: Syrian Army Advancing on Al Qaeda Militant Stronghold of Lataminah');
    expect(article.byline).toBe('South Front');
    expect(article.publisher).toBe('Global Research');
    expect(article.originalPublisher).toBe('South Front');
    expect(article.published).toMatch(/^2017-04-26/);
  });

  test('the body is the eleven paragraphs after the headline', () => {
    expect(paragraphs[0]).toBe(article.title);
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[1]).toMatch(/^Syrian government forces have regained/);
    expect(paragraphs[11]).toMatch(/send a “signal” to the Syrian government\.$/);
    for (const p of paragraphs)
      expect(p).not.toMatch(/please support|Copyright|Disclaimer|Become a Member|fair use|Most Popular/);
  });
});

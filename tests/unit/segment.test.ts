import { describe, expect, test } from 'vitest';
import { sentences, spanAt, countWords } from '@/utils/text/segment';

const split = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  test.each([
    ['One. Two? Three!', ['One.', 'Two?', 'Three!']],
    ['The U.S. Treasury acted. Then it stopped.', ['The U.S. Treasury acted.', 'Then it stopped.']],
    ['Mr. Mnuchin said so. Gen. Mattis agreed.', ['Mr. Mnuchin said so.', 'Gen. Mattis agreed.']],
    ['“We will act,” he said. “Now.”', ['“We will act,” he said.', '“Now.”']],
    ['First block\n\nSecond block', ['First block', 'Second block']],
    ['Non\u00a0breaking spaces stay. Fine.', ['Non\u00a0breaking spaces stay.', 'Fine.']],
    ['He left\u00a0— quietly. Then\u00a0she spoke.', ['He left\u00a0— quietly.', 'Then\u00a0she spoke.']],
    ['“Go home.” She did.', ['“Go home.”', 'She did.']],
    ['It cost $3.5 million. Prof. Lee agreed.', ['It cost $3.5 million.', 'Prof. Lee agreed.']],
    ['He called Roe v. Wade a mistake. Others agreed.', ['He called Roe v. Wade a mistake.', 'Others agreed.']],
    ['Line one\nLine two. Still two.', ['Line one', 'Line two.', 'Still two.']],
    ['  Leading space.  Trailing space.  ', ['Leading space.', 'Trailing space.']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('spanAt finds the sentence of an offset', () => {
    const text = 'One. Two. Three.';
    const spans = sentences(text);
    expect(spanAt(spans, text.indexOf('Two'))).toBe(1);
    expect(spanAt(spans, text.length + 5)).toBe(-1);
  });

  test('offsets index the text, and a long text costs time in proportion to its length', () => {
    const paragraph = 'The U.S. Treasury acted on Monday. Officials said more would follow. ';
    const text = Array.from({ length: 400 }, () => paragraph).join('\n');
    const spans = sentences(text);
    expect(spans).toHaveLength(800);
    for (const s of spans) expect(text.slice(s.start, s.end)).toMatch(/^\S.*\S$/);
    const t0 = performance.now();
    sentences(text.repeat(8));
    // One segmenter run over the whole text took seconds here; one run per line takes milliseconds.
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test('countWords', () => {
    expect(countWords('al-Qaeda’s “opposition” forces, 59 missiles')).toBe(5);
  });
});

describe('a very long line', () => {
  // A page without line breaks is segmented in pieces cut where a sentence surely ends.
  test.each([
    [
      'sentences with abbreviations',
      'Mr. Smith met Gen. Jones in the U.S. Senate today. ',
      'Mr. Smith met Gen. Jones in the U.S. Senate today.',
    ],
    ['quoted sentences', '“It is over,” she said. ', '“It is over,” she said.'],
    ['sentences ending in a quotation', 'He called it “a disgrace.” ', 'He called it “a disgrace.”'],
  ])('%s: the same sentences wherever the pieces are cut', (_, sentence, expected) => {
    const text = sentence.repeat(3000).trimEnd();
    const spans = sentences(text);
    expect(spans).toHaveLength(3000);
    expect(new Set(spans.map((s) => text.slice(s.start, s.end)))).toEqual(new Set([expected]));
  });

  test('a line of words with no sentence end is cut at spaces and keeps every word', () => {
    const text = 'word '.repeat(5000).trimEnd();
    const spans = sentences(text);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });
});

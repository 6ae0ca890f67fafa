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
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('spanAt finds the sentence of an offset', () => {
    const text = 'One. Two. Three.';
    const spans = sentences(text);
    expect(spanAt(spans, text.indexOf('Two'))).toBe(1);
    expect(spanAt(spans, text.length + 5)).toBe(-1);
  });

  test('countWords', () => {
    expect(countWords('al-Qaeda’s “opposition” forces, 59 missiles')).toBe(5);
  });
});

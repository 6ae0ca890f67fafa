import { describe, expect, test } from 'vitest';
import { findQuotes } from '@/utils/text/quotes';

const kinds = (text: string) => findQuotes(text).map((q) => [text.slice(q.start, q.end), q.kind]);

describe('quotation marks', () => {
  test.each([
    ['amid the collapse of “opposition” forces', [['“opposition”', 'scare']]],
    ['a legal way to send a “signal” to the government', [['“signal”', 'scare']]],
    [
      '“We take this very seriously, and will pursue them”, Secretary Steven Mnuchin said.',
      [['“We take this very seriously, and will pursue them”', 'speech']],
    ],
    ['The minister said: “No comment.”', [['“No comment.”', 'speech']]],
    ['“Terrible,” she said.', [['“Terrible,”', 'speech']]],
    [
      'The report, titled “Pillars of Russia’s Disinformation”, was released.',
      [['“Pillars of Russia’s Disinformation”', 'name']],
    ],
    ['the operation called “Euphrates Shield”', [['“Euphrates Shield”', 'name']]],
    ['so-called "moderate" rebels', [['"moderate"', 'scare']]],
    ['He is 6" tall and 7" wide', []],
    // A short quote in a sentence that credits a speaker is a partial quotation of that speaker.
    ['Trump told reporters he would “absolutely” extend an invitation.', [['“absolutely”', 'speech']]],
    ['They condemned Trump for “sensationalizing” the death.', [['“sensationalizing”', 'speech']]],
    ['The minister called the plan “reckless” on Monday.', [['“reckless”', 'speech']]],
    // The writer's framing of what someone did is not a speaker's words.
    ['This move was described by Washington as a legal way to send a “signal”.', [['“signal”', 'scare']]],
    // Numbers and single capitalised words are names and labels, not scare quotes.
    [
      'The receipt shows the number “2” next to the word “Guests”.',
      [
        ['“2”', 'name'],
        ['“Guests”', 'mention'],
      ],
    ],
    ['So-called “moderate” rebels.', [['“moderate”', 'scare']]],
    // A comma the writer put inside the marks does not make a name a scare quote.
    ['The leaks, “Vaultgate,” filled the papers.', [['“Vaultgate,”', 'name']]],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  test('a quote may close in the next paragraph', () => {
    const text = 'if these “opposition\n\norganizations” fight on';
    expect(kinds(text)).toEqual([['“opposition\n\norganizations”', 'scare']]);
  });

  test('a quote that goes on in the next paragraph reopens there', () => {
    const text = '“The first paragraph of a long statement goes on.\n\n“And the second ends it,” he said.';
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.kind).toBe('speech');
  });

  test('an unclosed mark is not a quote', () => {
    expect(findQuotes(`He said “no ${'word '.repeat(500)}`)).toEqual([]);
  });
});

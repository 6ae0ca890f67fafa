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
    // Single marks, told apart from apostrophes.
    ['It isn’t the players’ union that calls it ‘theft’ here.', [['‘theft’', 'speech']]],
    ["amid the collapse of 'opposition' forces in the ’90s", [["'opposition'", 'scare']]],
    ['Don’t call it a comeback; it’s the ’90s.', []],
    // Words named or listed as words, and terms set against each other.
    [
      'Older words, like “excellence” and “originality,” remain.',
      [
        ['“excellence”', 'mention'],
        ['“originality,”', 'mention'],
      ],
    ],
    [
      'In 1995, “pro-choice” led “pro-life” by 23 points.',
      [
        ['“pro-choice”', 'mention'],
        ['“pro-life”', 'mention'],
      ],
    ],
    ['The word “white” is capitalised here.', [['“white”', 'mention']]],
    // Labels and verdicts someone else gave, reported by the writer.
    [
      'NBC published what the network hyped as a “potential bombshell” in September.',
      [['“potential bombshell”', 'speech']],
    ],
    ['The report labels Benghazi as the “wild east” of Libya.', [['“wild east”', 'speech']]],
    ['Lawmakers, who claimed Mr. Obama had “reversed course” on it, met.', [['“reversed course”', 'speech']]],
    ['In his remarks, Clinton railed against the “insurance model” as a whole.', [['“insurance model”', 'speech']]],
    ['Harris, forever to be known as a “walking, talking show”, spoke.', [['“walking, talking show”', 'name']]],
    // A keyword in capitals, and a coined name of several words introduced as one.
    ['Text “HOME” to 741741 for help.', [['“HOME”', 'name']]],
    ['The House voted to repeal the so-called “Cadillac tax” on Wednesday.', [['“Cadillac tax”', 'name']]],
    ['The so-called “moderate” rebels fled.', [['“moderate”', 'scare']]],
    // A fact-checker's rating, reported.
    ['PolitiFact rated the claim as “false” in March.', [['“false”', 'speech']]],
    // The writer picking up a speaker's words to turn them is still the writer's distance from them.
    ['There are no doubts that the words “all individuals” don’t include them.', [['“all individuals”', 'scare']]],
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

  test('a short quote in a line that reads as a headline is a speaker’s (related links, subheadings)', () => {
    const text = 'The story\n\nMore: Veteran says mob was ‘scary’ in viral video\n\nThe council met on Monday.';
    expect(kinds(text)).toEqual([['‘scary’', 'speech']]);
    const prose = 'The story\n\nThe council’s ‘reform’ was passed on Monday after a long debate in the chamber.';
    expect(kinds(prose)).toEqual([['‘reform’', 'scare']]);
  });

  test('an unclosed mark is not a quote', () => {
    expect(findQuotes(`He said “no ${'word '.repeat(500)}`)).toEqual([]);
  });
});

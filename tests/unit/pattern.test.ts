import { describe, expect, test } from 'vitest';
import { compilePattern, PatternError, splitHead } from '@/utils/analyze/pattern';

const matches = (pattern: string, text: string) => [...text.matchAll(compilePattern(pattern))].map((m) => m[0]);

describe('the token pattern language', () => {
  test.each([
    ['supposedly', 'It was Supposedly done.', ['Supposedly']],
    ['doubt~', 'no doubts, no doubted, no doubting', ['doubts', 'doubted', 'doubting']],
    ['alleg*', 'alleged and allegedly', ['alleged', 'allegedly']],
    ['al-qaeda', 'al-Qaeda, al Qaeda and alQaeda', ['al-Qaeda', 'al Qaeda', 'alQaeda']],
    ["sha'irat", 'Ash Sha’irat airfield', ['Sha’irat']],
    ['there (is|are) no doubt~', 'There are no doubts here', ['There are no doubts']],
    ['some _{0,2} sources', 'some unknown military sources', ['some unknown military sources']],
    [
      'so-called _? experts',
      'so-called experts and so-called climate experts',
      ['so-called experts', 'so-called climate experts'],
    ],
    ['the (big|_ old) house', 'the big house and the very old house', ['the big house', 'the very old house']],
    ['the big? house', 'the house and the big house', ['the house', 'the big house']],
    ['a b | c d', 'c d and a b', ['c d', 'a b']],
    ['(mainstream media|fake news)', 'mainstream media and fake news', ['mainstream media', 'fake news']],
    ['signal', 'signals', []],
    ['isis', 'crisis', []],
    ['go', 'go\u00a0on', ['go']],
    ['go on', 'go\u00a0on', ['go\u00a0on']],
    ['@num people', '59 people, 2,000 people and thousands of people', ['59 people', '2,000 people']],
    ['@num of people', 'thousands of people', ['thousands of people']],
    [
      '@report (that)? _{0,2} war',
      'he said that the war began; according to the war',
      ['said that the war', 'according to the war'],
    ],
    ['(x|@det) house', 'their house and x house', ['their house', 'x house']],
    [
      '@poss sources',
      "Steele’s sources, the network's sources, their sources and some sources",
      ['Steele’s sources', "network's sources", 'their sources'],
    ],
    ['no @report?', 'no one said no', ['no', 'no']],
    ['sham', 'Hayat Tahrir al-Sham staged a sham trial', ['sham']],
    ['woke', 'anti-woke and woke-ish, but woke', ['woke']],
    ['al-qaeda-style', 'al-Qaeda-style groups', ['al-Qaeda-style']],
    ['(brutal|vile) @head?', 'a brutal crackdown, vile and brutal', ['brutal crackdown', 'vile', 'brutal']],
    ['no doubt @clause?', 'no doubt the plan failed, and no doubt.', ['no doubt the plan failed', 'no doubt']],
  ])('%s in %j', (pattern, text, expected) => {
    expect(matches(pattern, text)).toEqual(expected);
  });

  test.each([
    '(unbalanced',
    'closed)',
    'big? house',
    '_{5,2} x',
    '(a|b)-style',
    '@nothing like it',
    '@head? brutal',
    'brutal @head',
    '@clause? doubt',
    'doubt @clause',
  ])('%j is refused with a reason', (pattern) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
  });

  test('a trailing @head? is split off the pattern, and takes one qualified word', () => {
    const { core, head } = splitHead('(brutal|bumbling) @head?');
    expect(core).toBe('(brutal|bumbling)');
    const at = (text: string, from: number) => {
      head!.lastIndex = from;
      return head!.exec(text)?.[0];
    };
    expect(at('bumbling investigators', 8)).toBe(' investigators');
    expect(at('brutal and', 6)).toBeUndefined();
    expect(at('brutal, crackdown', 6)).toBeUndefined();
    expect(at('brutal\ncrackdown', 6)).toBeUndefined();
    expect(at('brutal quickly', 6)).toBeUndefined();
    expect(at('brutal 2019', 6)).toBeUndefined();
    expect(splitHead('(brutal|bumbling)').head).toBeUndefined();
    expect(splitHead('a b | c @head?').head).toBeUndefined();
  });

  test('a trailing @clause? takes the rest of the clause: twelve words at most, not ending on a function word', () => {
    const { core, head: clause } = splitHead('no doubt @clause?');
    expect(core).toBe('no doubt');
    const at = (text: string) => {
      clause!.lastIndex = 8;
      return clause!.exec(text)?.[0];
    };
    expect(at('no doubt the army fired first, witnesses said')).toBe(' the army fired first');
    expect(at('no doubt the army fired first; then')).toBe(' the army fired first');
    expect(at('no doubt the new “army” fired')).toBe(' the new');
    expect(at('no doubt the “army” fired')).toBeUndefined();
    expect(at('no doubt the army\nfired')).toBe(' the army');
    expect(at('no doubt the U.S. army fired')).toBe(' the U.S');
    expect(at('no doubt officials and Mr. Smith lied')).toBe(' officials');
    expect(at('no doubt, they lied')).toBeUndefined();
    expect(at('no doubt one two three four five six seven eight nine ten eleven twelve thirteen')).toBe(
      ' one two three four five six seven eight nine ten eleven twelve',
    );
    expect(at('no doubt one two three four five six seven eight nine ten eleven the twelve')).toBe(
      ' one two three four five six seven eight nine ten eleven',
    );
  });
});

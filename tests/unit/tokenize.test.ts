import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tokenize, words } from '@/utils/notes/tokenize';

describe('words: the plain-ASCII path', () => {
  // A trailing " é" sends a text down the Unicode path and adds no word (it folds to "e", one letter).
  const unicode = (text: string) => words(`${text} é`);

  test.each([
    'The Vaccines were vaccinated',
    "Trump's wall isn't built, they say",
    '@JoeBiden said #StateOfTheUnion at https://t.co/xyz pic.twitter.com/abc',
    'iPhone sales in the U.S. rose 12% to $1,000 in 2019',
    'snake_case and CamelCase and ALLCAPS and mixedCASEWords',
    "it''s 'quoted' and o'clock",
  ])('%s: the same words either way', (text) => {
    expect(words(text)).toEqual(unicode(text));
  });

  test('any ASCII text gives the same words either way', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => {
        expect(words(text)).toEqual(unicode(text));
      }),
      { numRuns: 500 },
    );
  });

  test('accents and curly apostrophes still take the Unicode path', () => {
    expect(words('Café Zürich’s naïve résumé')).toEqual(['cafe', 'zurich', 'naive', 'resume']);
    expect(tokenize('Ångström’s São Paulo')).toEqual(['angstrom', 'sao', 'paulo']);
  });
});

describe('words: an embedded tweet', () => {
  test.each([
    ['Hoax! — Donald J. Trump (@realDonaldTrump) May 24, 2019', ['hoax', 'donald', 'trump', '2019']],
    [
      'Footage of the storm pic.twitter.com/abc — NWS (@NWSBirmingham) September 1, 2019',
      ['footage', 'storm', 'nws', '2019'],
    ],
    ['Thank you, (@JoeBiden) said on May 4, 2020', ['thank', 'joe', 'biden', 'said', '4', '2020']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('words: money with its unit run in', () => {
  test.each([
    ['a $80M bounty', ['80', 'million', 'bounty']],
    ['a £2.5bn deal', ['2', '5', 'billion', 'deal']],
    ['$270K spent', ['270', 'thousand', 'spent']],
    ['ran 5k in 9m', ['ran', '5k', '9m']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('tokenize: stems that name the same thing', () => {
  test.each([
    ['three migrants', '3 migrants', '3'],
    ['Mexican troops', 'troops in Mexico', 'mexico'],
    ['Russians', 'Russia', 'russia'],
    ['Chinese', 'China', 'china'],
    ['the Israeli army', 'army of Israel', 'israel'],
    ['a photograph', 'the photos', 'photo'],
    ['pictured here', 'an image', 'photo'],
  ])('%s ~ %s: %s', (a, b, shared) => {
    expect(tokenize(a)).toContain(shared);
    expect(tokenize(b)).toContain(shared);
  });

  test.each([
    ['Indian', 'indian'],
    ['English', 'english'],
    ['Turkish', 'turkish'],
    ['American', 'american'],
  ])('%s, which mostly means something else, keeps its own stem', (word, expected) => {
    expect(tokenize(word)).toEqual([expected]);
  });
});

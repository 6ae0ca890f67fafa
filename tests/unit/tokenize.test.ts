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

/**
 * Words for claim retrieval: lower case, accents folded, hashtags and camel case split, addresses dropped, handles
 * turned into words (an embedded tweet's "(@handle) January 6, 2020" into its year alone), stop words left out, and
 * each word reduced to its stem (Porter's algorithm, then a few equivalences such as "Mexican" for Mexico), so that
 * "vaccines", "vaccinated" and "vaccine" meet.
 */

const STOP = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'now of off on once only or other our ours ourselves out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yourselves ' +
    "s t don doesn didn isn wasn aren weren won wouldn shouldn can't cannot also via amp rt ve ll re d m pic " +
    'twitter com www http https january february march april may june july august september october november december'
  ).split(' '),
);

// ---- Porter stemmer (M. F. Porter, 1980), the original algorithm. ----

const isConsonant = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
};

/** The number of vowel-consonant sequences in w[0..end). */
function measure(w: string, end: number): number {
  let n = 0;
  let i = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    n++;
    while (i < end && isConsonant(w, i)) i++;
  }
  return n;
}

const hasVowel = (w: string, end: number): boolean => {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
};

const doubleConsonant = (w: string, end: number): boolean =>
  end >= 2 && w[end - 1] === w[end - 2] && isConsonant(w, end - 1);

/** consonant-vowel-consonant at the end, the last not w, x or y. */
const cvc = (w: string, end: number): boolean =>
  end >= 3 &&
  isConsonant(w, end - 1) &&
  !isConsonant(w, end - 2) &&
  isConsonant(w, end - 3) &&
  !/[wxy]/.test(w[end - 1]!);

function replaceIf(w: string, suffix: string, by: string, minMeasure: number): string | null {
  if (!w.endsWith(suffix)) return null;
  const stem = w.length - suffix.length;
  return measure(w, stem) > minMeasure ? w.slice(0, stem) + by : w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: [string, string][] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

export function stem(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b
  let extra = false;
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleConsonant(w, w.length) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w, w.length) === 1 && cvc(w, w.length)) w += 'e';
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;
  // Step 2, 3
  for (const table of [STEP2, STEP3]) {
    for (const [suffix, by] of table) {
      const r = replaceIf(w, suffix, by, 0);
      if (r !== null) {
        w = r;
        break;
      }
    }
  }
  // Step 4
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const end = w.length - suffix.length;
    if (measure(w, end) > 1 && (suffix !== 'ion' || /[st]$/.test(w.slice(0, end)))) w = w.slice(0, end);
    break;
  }
  // Step 5
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

/**
 * Stems that name the same thing in news and in fact-checks, after Porter: a people's adjective and its country
 * ("Mexican troops" for a claim about Mexico), the words for a photograph, and small numbers in words and in
 * figures. Each maps to the first of its group.
 * Written by hand from general English, not drawn from any data set; adjectives that mostly mean something else
 * ("Indian", "English", "Turkish", "American") are left out.
 */
const SAME_STEM = new Map<string, string>(
  (
    'mexico mexican, russia russian, china chines, iran iranian, iraq iraqi, syria syrian, canada canadian, ' +
    'franc french, israel isra, britain british, itali italian, germani german, japan japanes, ' +
    'australia australian, africa african, korea korean, ukrain ukrainian, cuba cuban, venezuela venezuelan, ' +
    'spain spanish, sweden swedish, norwai norwegian, egypt egyptian, pakistan pakistani, afghanistan afghan, ' +
    'philippin filipino, nigeria nigerian, brazil brazilian, ireland irish, netherland dutch, greec greek, ' +
    'vietnam vietnames, hondura honduran, guatemala guatemalan, scotland scottish, europ european, asia asian, ' +
    'texa texan, california californian, florida floridian, palestin palestinian, ' +
    'photo photograph pictur imag, ' +
    '2 two, 3 three, 4 four, 5 five, 6 six, 7 seven, 8 eight, 9 nine, 10 ten, 11 eleven, 12 twelv, 20 twenti'
  )
    .split(', ')
    .flatMap((group) => {
      const [head, ...rest] = group.split(' ');
      return rest.map((s): [string, string] => [s, head!]);
    }),
);

const stemCache = new Map<string, string>();
/** The stem of a word as the index uses it: Porter's, then `SAME_STEM`. */
export function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    s = SAME_STEM.get(s) ?? s;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

// The attribution line of an embedded tweet, "— Name (@handle) January 6, 2020": the name says who is speaking
// and the year when (claims often carry both), while the handle repeats the name and the day of the month matches
// unrelated numbers. Keeps only the year.
const TWEET_BYLINE =
  /\(@\w{1,30}\)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+(\d{2,4})/g;
// "$80M", "£2.5bn", "$270K": the amount with its unit spelled out, as claims mostly write it ("$80 million").
const MONEY_UNIT = /([$£€]\d[\d.,]*)(mn|bn|[mbk])\b/gi;
const UNIT_WORDS: Record<string, string> = { m: 'million', mn: 'million', b: 'billion', bn: 'billion', k: 'thousand' };
const URLS = /(?:https?:\/\/|\bwww\.|pic\.twitter\.com\/)\S*/gi;
const HANDLES = /(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_]+)/gu;
const CAMEL = /(\p{Ll})(\p{Lu})/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
// The same for a text in plain ASCII (most English news), without the slower Unicode property classes.
const CAMEL_ASCII = /([a-z])([A-Z])/g;
const WORD_ASCII = /[a-z0-9]+(?:'[a-z]+)?/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** The stems of a text's content words, in order. */
export function tokenize(text: string): string[] {
  return words(text).map(cachedStem);
}

/** A text's content words, in order, lower case and unstemmed. */
export function words(text: string): string[] {
  let cleaned = text.slice(0, 20_000);
  // Each rewrite only when the text can need it: most sentences have no address, handle or accent.
  if (cleaned.includes('(@')) cleaned = cleaned.replace(TWEET_BYLINE, ' $1');
  if (/https?:|www\.|pic\.twitter/i.test(cleaned)) cleaned = cleaned.replace(URLS, ' ');
  if (/[$£€]\d/.test(cleaned))
    cleaned = cleaned.replace(
      MONEY_UNIT,
      (_, amount: string, unit: string) => `${amount} ${UNIT_WORDS[unit.toLowerCase()]}`,
    );
  if (cleaned.includes('@'))
    cleaned = cleaned.replace(HANDLES, (_, before: string, handle: string) => `${before} ${handle.replace(/_/g, ' ')}`);
  const ascii = !NON_ASCII.test(cleaned);
  cleaned = cleaned.replace(ascii ? CAMEL_ASCII : CAMEL, '$1 $2');
  if (!ascii) cleaned = cleaned.normalize('NFKD').replace(/\p{M}+/gu, '');
  cleaned = cleaned.toLowerCase();
  const out: string[] = [];
  for (const m of cleaned.matchAll(ascii ? WORD_ASCII : WORD)) {
    let word = m[0];
    const apostrophe = ascii ? word.indexOf("'") : word.search(/['’]/);
    if (apostrophe >= 0) word = word.slice(0, apostrophe);
    if (word.length < 2 && !(word >= '0' && word <= '9')) continue;
    if (STOP.has(word)) continue;
    out.push(word);
  }
  return out;
}

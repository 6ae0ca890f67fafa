/**
 * The token pattern language rules are written in, compiled to one regular expression.
 *
 *   word          the word, any case; `-` inside a word also matches a space or no space ("al-Qaeda", "al Qaeda"),
 *                 `'` matches ’ too
 *   word~         the word with an inflection: -s, -es, -d, -ed, -ing ("doubt~" = doubt, doubts, doubted ...)
 *   wor*          any word beginning with "wor"
 *   (a|b c|d)     one of the alternatives; an alternative may be several words
 *   a b | c d     at the top level, `|` separates whole alternatives, as in a regular expression
 *   token?        the token or nothing
 *   _             any one word; _{0,3} between none and three words
 *   , : “ ”       punctuation, matched with or without a space before it; “ and ” match straight quotes too
 *   @report       a word class (see CLASSES): @report a reporting verb or "according to" ("said", "told",
 *                 "according to"), @num a number in figures or words ("59", "2,000", "hundreds"), @det a
 *                 determiner or possessive ("the", "their"), @poss a possessive ("Steele’s", "CNN's", "his",
 *                 "their"); a class is a token like any other (`@report?`)
 *   @head?        as the last token only: the word the match qualifies, when the next word in the sentence is one
 *                 ("brutal crackdown", "bumbling investigators"): not a function word (article, pronoun,
 *                 preposition, conjunction, auxiliary), not a number in figures or words ("three-year"), not an
 *                 adverb in -ly and not a form in -ed or -ing, and not a capitalised word after a match in lower
 *                 case (a name: "fumed Weston"). The highlight takes it in; the rule's conditions (`unlessAfter`
 *                 ...) are checked on the match without it (see `splitHead`).
 *   @clause?      as the last token only: the rest of the clause after the match, up to twelve words and not past a
 *                 comma, semicolon, colon, full stop, question or exclamation mark, quotation mark, bracket or dash
 *                 ("there is no doubt that the army did it"): for a rule whose words vouch for or guess at a
 *                 statement, the highlight takes in the statement. Like `@head?`, it is left out of the match the
 *                 rule's conditions are checked on.
 *
 * Matches start and end on word boundaries, and do not begin or end inside a hyphenated compound.
 */

const SEP = '[\\s\\u00a0]+';
const INFLECTION = '(?:s|es|d|ed|ing)?';

/**
 * How a pattern is compiled. "unicode": case-insensitive (`iu`), for any text. "fast": lower-case literals for
 * lower-cased text, without the `i` flag, which the regular-expression engine compiles several times faster
 * (case-folding large Unicode classes is what costs).
 */
export type PatternMode = 'unicode' | 'fast';

// Spaces and punctuation, ASCII and general (U+2000–U+206F), but for the apostrophes and the hyphen that words
// contain.
const FAST_NOT_WORD = '\\s\\u00a0!-&(-,./:-@\\[-`{-~\\u2000-\\u2018\\u201a-\\u206f';

interface ModeClasses {
  /** Inside a character class: a letter or digit. */
  letters: string;
  word: string;
  wordStart: string;
  wordEnd: string;
  prefixTail: string;
}

const CLASSES_BY_MODE: Record<PatternMode, ModeClasses> = {
  unicode: {
    letters: '\\p{L}\\p{N}',
    word: "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’\\-]*",
    wordStart: '(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}][-‐‑])',
    wordEnd: '(?![\\p{L}\\p{N}\\p{M}\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\u200d]|[-‐‑][\\p{L}\\p{N}])',
    prefixTail: "[\\p{L}\\p{N}'’\\-]*",
  },
  // Plain ASCII classes only: Unicode property classes cost about a millisecond each to compile, and a page
  // compiles every rule. Word edges next to a letter outside ASCII are checked after the match
  // (`fastEdgesHold`); a word in a gap is a run of characters that are not spaces or punctuation.
  fast: {
    letters: 'a-z0-9',
    word: `[^${FAST_NOT_WORD}'-][^${FAST_NOT_WORD}]*`,
    wordStart: '(?<![a-z0-9]|[a-z0-9][-‐‑])',
    wordEnd: '(?![a-z0-9]|[-‐‑][a-z0-9])',
    prefixTail: `[^${FAST_NOT_WORD}]*`,
  },
};

export function modeClasses(mode: PatternMode): ModeClasses {
  return CLASSES_BY_MODE[mode];
}

/** Word classes, written as patterns themselves, so rules can say "a reporting verb" once. */
const CLASSES: Record<string, string> = {
  report:
    '(said|says|say|told|tells|tell|stated|states|wrote|writes|added|adds|announced|announces|confirmed|confirms|reported|reports|argued|argues|claimed|claims|insisted|insists|warned|warns|noted|notes|explained|explains|declared|declares|asked|asks|tweeted|tweets|testified|alleged|alleges|accused|accuses|according to|quoted|citing|cited|saying|alleging|arguing|claiming|insisting|warning|noting|adding|urged|urges|urging)',
  num: '(one|two|three|four|five|six|seven|eight|nine|ten|dozen~|hundred~|thousand~|million~|billion~)',
  det: '(the|a|an|this|that|these|those|his|her|its|their|our|your|my)',
};

/**
 * Words that are never the head a modifier qualifies: articles, pronouns, prepositions, conjunctions,
 * auxiliaries and the commonest adverbs. `@head` stops before them.
 */
const FUNCTION_WORDS =
  "the a an and or but nor so yet of to in on at for with by from as into onto about over after before under up down out off than then that this these those it its it's he she they we you i me him her us them his hers their theirs our ours your yours my mine who whom whose which what when where why how is are was were be been being am has have had do does did will would can could should may might must shall not no if also just only even too very more most much many all any some such each every both few other own same there here against among between through during without within upon toward towards because while since until unless although though whether either neither again ever never once still already now soon".split(
    ' ',
  );
// A head ends its word; -ly, -ed and -ing forms are more often verbs and adverbs than the thing qualified.
const HEAD_NOT = `(?:${FUNCTION_WORDS.map((w) => w.replace("'", "['’]")).join('|')})`;

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|first|second|third|fourth|fifth';

function headSource(mode: PatternMode): string {
  const { word, letters } = modeClasses(mode);
  const end = `(?![${letters}'’-])`;
  // A number in words, alone or in a compound ("acrimonious three-year dispute"), counts the thing, not qualifies it.
  const number = `(?:${NUMBER_WORDS})(?:s|th)?(?![${letters}'’])`;
  // One space (not a line break: a head stays in the sentence and the paragraph), then the word.
  return `[ \u00a0](?![0-9])(?!${number})(?!${HEAD_NOT}${end})(?![${letters}'’-]{2,}(?:ly|ed|ing)${end})${word}`;
}

// The most words `@clause?` takes in, and what ends a clause: punctuation, a quotation mark, a bracket, a dash.
const CLAUSE_WORDS = 12;
const CLAUSE_STOP = '\\s,;:.!?“”„"«»()\\[\\]{}—–…';
// Abbreviations whose full stop does not end the clause; the tail stops before them rather than on them.
const ABBREVIATION = '(?:mr|mrs|ms|dr|prof|gen|sen|rep|gov|st|jr|sr|lt|col|capt|sgt|rev|no|vs|[a-z](?=\\.\\s))\\.';

/**
 * The rest of a clause after a match: words after single spaces (not a line break), none past a clause's end; a
 * full stop inside a word ("U.S") does not end it. The last word is not a function word, so that a clause cut at
 * `CLAUSE_WORDS` does not end on "the".
 */
function clauseSource(mode: PatternMode): string {
  const { letters } = modeClasses(mode);
  const word = `(?!${ABBREVIATION})(?:[^${CLAUSE_STOP}]|\\.(?=[^${CLAUSE_STOP}]))+`;
  const sep = '[ \u00a0]+';
  return `(?:${sep}${word}){0,${CLAUSE_WORDS - 1}}${sep}(?!${HEAD_NOT}(?![${letters}'’-]))${word}`;
}

/**
 * A pattern that ends in `@head?` or `@clause?`: the pattern without it, and the expression (sticky, anchored
 * where the core match ends) for what the highlight takes in after the match. `head` is undefined for other
 * patterns. A pattern of several top-level alternatives (`a b | c @head?`) has neither: which alternative the
 * tail belongs to would be unclear.
 */
export function splitHead(pattern: string, mode: PatternMode = 'unicode'): { core: string; head?: RegExp } {
  const m = /^(.*\S)\s+@(head|clause)\?\s*$/s.exec(pattern);
  if (!m || splitAlternatives(pattern).length > 1) return { core: pattern };
  const source = m[2] === 'head' ? headSource(mode) : clauseSource(mode);
  return { core: m[1]!, head: new RegExp(source, mode === 'fast' ? 'uy' : 'iuy') };
}

// A number in figures: "59", "2,000", "3.5", "10%".
const FIGURE = '\\d+(?:[.,]\\d+)*%?';
const classCache = new Map<string, string>();

function classSource(name: string, pattern: string, mode: PatternMode): string {
  const key = `${mode}:${name}`;
  let src = classCache.get(key);
  if (src === undefined) {
    const def = CLASSES[name];
    if (name === 'head' || name === 'clause')
      throw new PatternError(`"@${name}?" may only end a pattern: "${pattern}"`);
    if (name === 'poss') {
      // A possessive: a name or noun with 's or ’s ("Steele’s", "the network's"), or a possessive pronoun.
      const { letters } = modeClasses(mode);
      src = `(?:[${letters}][${letters}.&-]*['’]s|his|her|their|its|whose)`;
      classCache.set(key, src);
      return src;
    }
    if (def === undefined) throw new PatternError(`unknown word class "@${name}" in "${pattern}"`);
    src = patternSource(def, mode);
    if (name === 'num') src = `(?:${FIGURE}|${src})`;
    classCache.set(key, src);
  }
  return src;
}

export class PatternError extends Error {
  override name = 'PatternError';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One word of a pattern, without `?`. */
function wordSource(word: string, mode: PatternMode): string {
  let w = word;
  let suffix = '';
  if (w.endsWith('~')) {
    w = w.slice(0, -1);
    suffix = INFLECTION;
  } else if (w.endsWith('*')) {
    w = w.slice(0, -1);
    suffix = modeClasses(mode).prefixTail;
  }
  if (!w) throw new PatternError(`empty word in "${word}"`);
  const body = [...w]
    .map((ch) => {
      if (ch === '-') return '[-‐‑–\\s]?';
      if (ch === "'" || ch === '’') return "['’]";
      // Fast patterns run over lower-cased text.
      return escape(mode === 'fast' ? ch.toLowerCase() : ch);
    })
    .join('');
  return body + suffix;
}

/** Splits a pattern into tokens, keeping parenthesised groups together. */
function tokenize(pattern: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new PatternError(`unbalanced ")" in "${pattern}"`);
    if (/\s/.test(ch) && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new PatternError(`unbalanced "(" in "${pattern}"`);
  if (current) tokens.push(current);
  return tokens;
}

interface Part {
  source: string;
  optional: boolean;
  punctuation: boolean;
  /** A gap of words: repeated with its own separators. */
  gap?: { min: number; max: number };
}

const PUNCT: Record<string, string> = {
  ',': ',',
  ':': ':',
  ';': ';',
  '“': '[“"]',
  '”': '[”"]',
  '"': '[“”"]',
};

function sequenceSource(pattern: string, mode: PatternMode, inGroup = false): string {
  const parts: Part[] = tokenize(pattern).map((token): Part => {
    let t = token;
    let optional = false;
    if (t.length > 1 && t.endsWith('?')) {
      optional = true;
      t = t.slice(0, -1);
    }
    const gap = /^_(?:\{(\d+),(\d+)\})?$/.exec(t);
    if (gap) {
      const min = gap[1] ? Number(gap[1]) : 1;
      const max = gap[2] ? Number(gap[2]) : 1;
      if (min > max || max > 8) throw new PatternError(`bad gap "${t}" in "${pattern}"`);
      return { source: modeClasses(mode).word, optional: optional || min === 0, punctuation: false, gap: { min, max } };
    }
    if (PUNCT[t]) return { source: PUNCT[t]!, optional, punctuation: true };
    if (/^@[a-z]+$/.test(t)) return { source: classSource(t.slice(1), pattern, mode), optional, punctuation: false };
    if (t.startsWith('(') && t.endsWith(')')) {
      const alternatives = splitAlternatives(t.slice(1, -1)).map((a) => sequenceSource(a, mode, true));
      return { source: `(?:${alternatives.join('|')})`, optional, punctuation: false };
    }
    if (/[()]/.test(t)) throw new PatternError(`a group must stand alone as a token: "${t}" in "${pattern}"`);
    if (t.includes('|')) {
      return {
        source: `(?:${t
          .split('|')
          .map((w) => wordSource(w, mode))
          .join('|')})`,
        optional,
        punctuation: false,
      };
    }
    return { source: wordSource(t, mode), optional, punctuation: false };
  });
  if (!parts.length) throw new PatternError('empty pattern');
  if (parts[0]!.optional) throw new PatternError(`a pattern cannot start with an optional token: "${pattern}"`);
  let src = '';
  parts.forEach((part, i) => {
    if (part.gap) {
      // `_?` is a gap of none or one word.
      const min = part.optional ? 0 : part.gap.min;
      const max = part.gap.max;
      const word = modeClasses(mode).word;
      // After an opening quote mark, the gap's first word follows the mark directly.
      // So does a gap that opens an alternative of a group: the separator before the group is already there.
      if (min >= 1 && ((inGroup && i === 0) || (i > 0 && /^\[“/.test(parts[i - 1]!.source))))
        src += `${word}(?:${SEP}${word}){${min - 1},${max - 1}}`;
      else src += `(?:${SEP}${word}){${min},${max}}`;
      return;
    }
    const sep = i === 0 ? '' : part.punctuation ? '[\\s\\u00a0]*' : SEP;
    // An opening quote mark is followed directly by its word.
    const prevOpens = i > 0 && /^\[“/.test(parts[i - 1]!.source);
    const piece = `${prevOpens ? '' : sep}${part.source}`;
    src += part.optional ? `(?:${piece})?` : piece;
  });
  return src;
}

function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((a) => a.trim()).filter(Boolean);
}

/** The regular expression source for a pattern, without flags or boundaries. */
export function patternSource(pattern: string, mode: PatternMode = 'unicode'): string {
  const alternatives = splitAlternatives(pattern);
  if (!alternatives.length) throw new PatternError('empty pattern');
  return alternatives.length === 1
    ? sequenceSource(alternatives[0]!, mode)
    : `(?:${alternatives.map((a) => sequenceSource(a, mode)).join('|')})`;
}

/**
 * Word boundaries for a whole match: not inside a word; not before a combining mark, a joiner or a modifier,
 * which belong to the character before them; and not a part of a hyphenated compound ("Sham" in "al-Sham",
 * "woke" in "anti-woke"). A compound is matched when the pattern spells it.
 */
export const WORD_START = CLASSES_BY_MODE.unicode.wordStart;
export const WORD_END = CLASSES_BY_MODE.unicode.wordEnd;

/** A global, case-insensitive expression that finds the pattern on word boundaries. */
export function compilePattern(pattern: string): RegExp {
  const { core, head } = splitHead(pattern);
  const src = `${WORD_START}${patternSource(core)}${head ? `(?:${head.source})?` : ''}${WORD_END}`;
  try {
    return new RegExp(src, 'giu');
  } catch (error) {
    throw new PatternError(`"${pattern}" does not compile: ${(error as Error).message}`);
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}\u200c\u200d]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && ch > '\x7f' && WORD_CHAR.test(ch);
const HYPHEN = /[-‐‑]/;

/**
 * The word edges a "fast" expression cannot see for itself: a match over lower-cased `text` from `start` to `end`
 * must not touch a letter outside ASCII, a combining mark or joiner after it, an emoji skin tone, or a compound
 * it would be a part of.
 */
export function fastEdgesHold(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isWordChar(before)) return false;
  if (before !== undefined && HYPHEN.test(before) && isWordChar(text[start - 2])) return false;
  const after = text[end];
  if (isWordChar(after)) return false;
  if (after === '\ud83c' && /[\udffb-\udfff]/.test(text[end + 1] ?? '')) return false;
  if (after !== undefined && HYPHEN.test(after) && isWordChar(text[end + 1])) return false;
  return true;
}

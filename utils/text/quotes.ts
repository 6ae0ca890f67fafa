/**
 * Quotation marks: which spans are a speaker's words (not the writer's phrasing) and which are short quoted
 * terms that no speaker is credited with (scare quotes).
 */
import { countWords } from './segment';

export type QuoteKind = 'speech' | 'scare' | 'name';

export interface Quote {
  /** Offsets of the quote including its marks. */
  start: number;
  end: number;
  kind: QuoteKind;
  words: number;
}

const OPENERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };
// A quote left open for longer than this is an unbalanced mark, not a quote.
const MAX_QUOTE = 2000;
const SPEECH_BEFORE =
  /\b(?:said|says|say|told|tells|asked|asks|stated|states|declared|declares|wrote|writes|added|adds|tweeted|posted|replied|answered|insisted|warned|argued|noted|explained|announced|according to|in a statement)\b[^.!?“”"]{0,30}$/i;
const SPEECH_AFTER =
  /^[,.]?\s*(?:[\p{L}’'.-]+\s+){0,7}?(?:said|says|told|asked|stated|declared|wrote|added|tweeted|posted|replied|insisted|warned|argued|noted|explained|announced)\b/iu;
const MENTION_BEFORE =
  /(?<!so[- ])\b(?:called|calls|call|named|titled|entitled|dubbed|nicknamed|known as|termed|the term|the phrase|the hashtag|the slogan|the headline|the film|the book|the song|the album|the report|the programme|the program|the operation|the campaign|the movement)\s*$/i;
// A speaker credited anywhere in the sentence: a short quote there is a partial quotation of that speaker
// ("Trump told reporters he would “absolutely” extend an invitation"), not the writer's distance from a word.
// "described as" is left out on purpose: "described by Washington as a “signal”" is the writer's framing.
const SPEAKER_IN_SENTENCE =
  /\b(?:said|says|told|tells|stated|states|declared|declares|wrote|writes|added|adds|asked|asks|tweeted|posted|replied|answered|insisted|insists|urged|urges|warned|warns|argued|argues|noted|explained|announced|testified|complained|quoted|(?<!so-)(?:calling|called|calls)|according to|in a statement|in an interview|made (?:it )?clear|vowed|vows|promised|promises|pledged|demanded|demands|denied|denies|admitted|admits|acknowledged|conceded|claimed|claims|accused|accuses|dismissed|condemned|criticized|criticised|praised|hailed|blamed|branded|dubbed|labelled|labeled|urging|saying|telling|arguing|insisting|warning|describing)\b/i;
const MINOR_WORD = /^(?:of|the|a|an|and|or|in|on|at|to|for|de|la|le|al|el|von|van|der)$/i;

function isTitleCase(inner: string): boolean {
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length < 2) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORD.test(w)));
}

function isCapitalisedWord(inner: string): boolean {
  // A comma or full stop the writer put inside the marks ("“Cablegate,”") is not part of the word.
  const word = inner.trim().replace(/[,.]$/, '');
  return /^[\p{Lu}][\p{L}\p{N}'’-]*$/u.test(word) && !/^[\p{Lu}]+$/u.test(word);
}

/** Finds and classifies the quotations in `text`. */
export function findQuotes(text: string): Quote[] {
  const pairs: { start: number; end: number }[] = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (open >= 0) {
      if (i - open > MAX_QUOTE) {
        open = -1;
        continue;
      }
      if (ch === closer && !(closer === '"' && !isClosingStraight(text, i))) {
        pairs.push({ start: open, end: i + 1 });
        open = -1;
      } else if (ch === '\n' && text[i + 1] === '\n') {
        // A straight quote does not run on into the next paragraph.
        if (closer === '"') open = -1;
        // A quote that goes on in the next paragraph reopens with a new mark there: skip that mark.
        else if (text[i + 2] === OPENERS_REVERSE[closer]) i += 2;
      }
      continue;
    }
    const close = OPENERS[ch];
    if (close && !(ch === '"' && !isOpeningStraight(text, i))) {
      open = i;
      closer = close;
    }
  }
  return pairs.map((p) => classify(text, p.start, p.end));
}

const OPENERS_REVERSE: Record<string, string> = { '”': '“', '“': '„', '»': '«', '"': '"' };

function isOpeningStraight(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (before === undefined || /[\s([{—–-]/.test(before)) && after !== undefined && !/\s/.test(after);
}
function isClosingStraight(text: string, i: number): boolean {
  const before = text[i - 1];
  return before !== undefined && !/\s/.test(before);
}

function classify(text: string, start: number, end: number): Quote {
  const inner = text.slice(start + 1, end - 1);
  const words = countWords(inner);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const before = text.slice(Math.max(lineStart, start - 80), start);
  const after = text.slice(end, end + 80);
  let kind: QuoteKind;
  if (words > 4 || /[.!?;]\s*$|[.!?]\s+\S/.test(inner)) kind = 'speech';
  else if (SPEECH_BEFORE.test(before) && /[:,]\s*$/.test(before)) kind = 'speech';
  else if (SPEECH_AFTER.test(after) && (/^,/.test(after) || /,$/.test(inner))) kind = 'speech';
  // A title, a name, a number, or a single capitalised word ("“Balfour”", "the word “Guests”").
  else if (isTitleCase(inner) || MENTION_BEFORE.test(before) || !/\p{L}/u.test(inner) || isCapitalisedWord(inner))
    kind = 'name';
  else if (speakerInSentence(text, start, end)) kind = 'speech';
  else kind = 'scare';
  return { start, end, kind, words };
}

/** The sentence around a quote, without the quote itself, credits a speaker. */
function speakerInSentence(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 300);
  const head = text.slice(from, start);
  let cut = head.length - 1;
  // Back to the end of the sentence before: a line break, or . ! ? followed by white space.
  while (cut >= 0 && !(head[cut] === '\n' || (/[.!?]/.test(head[cut]!) && /\s/.test(head[cut + 1] ?? '')))) cut--;
  const before = cut >= 0 ? head.slice(cut + 1) : head;
  const tail = text.slice(end, end + 300);
  const stop = tail.search(/[.!?](?:\s|$)|\n/);
  const after = stop >= 0 ? tail.slice(0, stop) : tail;
  return SPEAKER_IN_SENTENCE.test(before) || SPEAKER_IN_SENTENCE.test(after);
}

/** The speech quote containing [start, end), if any. `quotes` sorted by start. */
export function insideSpeech(quotes: readonly Quote[], start: number, end: number): boolean {
  for (const q of quotes) {
    if (q.start > start) break;
    if (q.kind === 'speech' && start >= q.start && end <= q.end) return true;
  }
  return false;
}

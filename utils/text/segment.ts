/** Sentence boundaries with `Intl.Segmenter`, mended where it splits after common abbreviations. */

export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a full stop rarely ends a sentence in news text.
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Mt|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z](?:\.[A-Z])+)\.\s*$/;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * Splits `text` into sentences. Spans exclude trailing white space; a paragraph break ("\n") always ends a
 * sentence, so a sentence never spans two blocks of the article.
 */
export function sentences(text: string, lang = 'en'): Span[] {
  const out: Span[] = [];
  let pendingStart = -1;
  for (const { index, segment } of segmenter(lang).segment(text)) {
    let end = index + segment.length;
    while (end > index && /\s/.test(text[end - 1]!)) end--;
    if (end === index) continue;
    const start = pendingStart >= 0 ? pendingStart : index;
    const piece = text.slice(start, end);
    const next = text.slice(index + segment.length, index + segment.length + 2);
    // "U.S. Treasury" or "Gen. Smith": keep going unless a line break or lower-case-free end says otherwise.
    if (!segment.includes('\n') && ABBREVIATION.test(piece) && /^[\p{Lu}\d]/u.test(next.trimStart())) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    out.push({ start, end });
  }
  if (pendingStart >= 0) {
    let end = text.length;
    while (end > pendingStart && /\s/.test(text[end - 1]!)) end--;
    out.push({ start: pendingStart, end });
  }
  return out;
}

/** The index of the span containing `offset` (spans sorted and disjoint), or -1. */
export function spanAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Sentence boundaries with `Intl.Segmenter`, mended where it splits after common abbreviations. */

export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a full stop rarely ends a sentence in news text.
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Mt|Jr|Sr|No|Nos|vs|v|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z](?:\.[A-Z])+)\.\s*$/;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      // A page's lang attribute may be anything ("en_US", "english"): segment by the default rules then.
      s = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * Splits `text` into sentences. Spans exclude surrounding white space; a line break always ends a sentence, so a
 * sentence never spans two blocks of the article. Each line is segmented on its own: one segmenter run over a
 * whole long text costs time that grows with the square of its length, one run per line grows linearly.
 */
export function sentences(text: string, lang = 'en'): Span[] {
  const out: Span[] = [];
  const seg = segmenter(lang);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart && /\S/.test(text.slice(lineStart, lineEnd))) {
      // A very long line (a page without line breaks) in pieces of a few thousand characters, cut where a sentence
      // surely ends: the segmenter's cost grows with the square of what it is given at once.
      for (let from = lineStart; from < lineEnd;) {
        const to = lineEnd - from > 2 * PIECE ? pieceEnd(text, from + PIECE, lineEnd) : lineEnd;
        splitLine(text, from, to, seg, out);
        from = to;
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

const PIECE = 2_000;
const SENTENCE_END = /[.!?]["”’)\]]*\s+(?=["“‘([]?\p{Lu})/gu;

/** Where a piece of a long line can end: after a sentence's end that is not an abbreviation's, else at `limit`. */
function pieceEnd(text: string, from: number, limit: number): number {
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < Math.min(limit, from + PIECE); m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (!ABBREVIATION.test(text.slice(Math.max(0, m.index - 40), m.index + 1))) return end;
  }
  const space = text.indexOf(' ', Math.min(limit, from + PIECE));
  return space < 0 || space >= limit ? limit : space + 1;
}

function splitLine(text: string, from: number, to: number, seg: Intl.Segmenter, out: Span[]): void {
  const line = text.slice(from, to);
  let pendingStart = -1;
  for (const { index, segment } of seg.segment(line)) {
    let s = from + index;
    let end = s + segment.length;
    while (end > s && /\s/.test(text[end - 1]!)) end--;
    while (s < end && /\s/.test(text[s]!)) s++;
    if (end === s) continue;
    const start = pendingStart >= 0 ? pendingStart : s;
    const piece = text.slice(Math.max(start, end - 40), end);
    const next = text.slice(from + index + segment.length, Math.min(to, from + index + segment.length + 3));
    // "U.S. Treasury" or "Gen. Smith": a full stop after an abbreviation, followed by a capital, goes on.
    if (ABBREVIATION.test(piece) && /^[\p{Lu}\d]/u.test(next.trimStart())) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    out.push({ start, end });
  }
  if (pendingStart >= 0) {
    let end = to;
    while (end > pendingStart && /\s/.test(text[end - 1]!)) end--;
    out.push({ start: pendingStart, end });
  }
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

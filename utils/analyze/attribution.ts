/** Does a sentence credit what it says to a source? Used to keep sourced statements out of "unsupported". */

// A named or specific source: a reporting verb, "according to", a document or an investigation.
const ATTRIBUTED =
  /\b(?:said|says|say|told|tells|stated|states|announced|confirmed|reported|reports|wrote|writes|testified|ruled|concluded|found|finds|estimated|estimates|according to|cited|citing|quoted|in a statement|in a report|in an interview|data (?:from|show)|figures (?:from|show)|documents? (?:show|seen by)|(?:a|the) (?:study|survey|report|investigation|inquiry|audit|census|poll) (?:by|from|of|published|released)|records? show|claimed|claims|alleged|alleges|accused|accuses|insisted|argued|argues|warned)\b/i;

// Sourcing that names nobody: "the reports", "sources say", "some believe", "experts argue".
const VAGUE =
  /\b(?:(?:the|some|media|unconfirmed|these|those|recent) reports|reports (?:say|said|suggest|claim|refer)|(?:some|unnamed|anonymous|unknown|certain) (?:\w+ )?sources|sources (?:say|said|claim|claimed|told)|(?:some|many|experts|critics|observers|analysts|people) (?:say|said|believe|argue|claim|think))\b/i;

export function isAttributed(sentence: string): boolean {
  return ATTRIBUTED.test(sentence);
}

/** Attributed to a source the reader could identify: a sentence whose sourcing is vague does not count. */
export function isSourced(sentence: string): boolean {
  return ATTRIBUTED.test(sentence) && !VAGUE.test(sentence);
}

// ---------------------------------------------------------------------------------------------------------------
// Attribution sentence by sentence, for the unsupported-claim stage: is what a sentence says credited to someone
// (a source and a cue), to a document, or carried from a quotation or a neighbouring sentence? Measured on
// PolNeAR's hand-annotated attributions (`npm run eval:unsupported`); see docs/design/claims.md.

// A cue: a verb or phrase of saying, writing, finding or believing, or a noun that names what was said. Broader
// than ATTRIBUTED above (which the phrasing rules and the phrasing model read, and stays as it is): PolNeAR
// counts reported beliefs and positions ("Sanders is counting on", "Trump fans insist") as attribution.
const CUE =
  /\b(?:said|says|say|saying|told|tells|telling|stated|states|announced|announces|announcing|confirmed|confirms|reported|reports|reporting|wrote|writes|written|tweeted|tweets|posted|testified|ruled|concluded|concludes|found|finds|find|estimated|estimates|according to|cited|cites|citing|quoted|quoting|added|adds|noted|notes|noting|explained|explains|asked|asks|asking|argued|argues|arguing|claimed|claims|claiming|alleged|alleges|accused|accuses|insisted|insists|insisting|warned|warns|warning|believes?|believed|thinks|thought|suggested|suggests|called|calls|calling|described|describes|declared|declares|acknowledged|acknowledges|admits|admitted|denied|denies|promised|promises|vowed|vows|pledged|pledges|predicted|predicts|urged|urges|criticized|criticised|criticizes|praised|praises|blamed|blames|responded|replied|recalled|recalls|agreed|agrees|disagreed|emphasized|stressed|pointed out|points out|contends|contended|maintains|maintained|expects|expected|hopes|hoped|wants|wanted|feels|felt|knows|knew|worried|worries|fears|feared|doubts|doubted|questioned|asserted|asserts|countered|revealed|reveals|showed|shows|indicated|indicates|mentioned|vouched|railed|defended|defends|dismissed|dismisses|conceded|concedes|demanded|demands|complained|complains|touted|touts|slammed|blasted|lambasted|attacked|condemned|rejected|endorsed|endorses|opposed|opposes|supported|supports|argue|believe|think|insist|contend|maintain|warn|suggest|expect|worry|fear|reiterated|reiterates|cautioned|cautions|concurred|concurs|boasted|bragged|lamented|joked|quipped|signaled|signalled|hinted|recounted|considers?|considered|describe|named|denounced|denounces|portrayed|portrays|likened|disputes?|disputed|expressed|expresses|commented|comments|referenced|declined to comment|(?:is|are|were|was) convinced|deemed|accusing|trashing|referring|said to|interview|statement|speech|remarks|testimony|poll|polls|survey|study|memo|letter|e-?mail|op-ed|tweet|press release|news conference|press conference|filing|lawsuit|court documents|records show|data (?:from|show)|analysis by)\b/i;

// A document, dataset or filing named as the basis: "a court filing", "census data", "the report".
const DOCUMENT =
  /\b(?:according to|data (?:from|show|shows|released|published)|(?:census|federal|government|official|poll|polling|survey) (?:data|figures|records|statistics)|records? (?:show|shows|obtained)|documents? (?:show|shows|obtained|seen|filed)|court (?:filings?|documents?|records?)|(?:a|the|its|their) (?:study|survey|report|investigation|inquiry|audit|census|poll|analysis|filing|indictment|complaint|ruling|lawsuit) (?:by|from|of|published|released|found|shows?|said|says)|published in|cited by|(?:the|a) [\p{Lu}][\p{L}]+ (?:report|study|survey|poll))\b/iu;

const CONTINUES = /^(?:(?:but|and|still|yet|so),?\s+)?(?:he|she|they|it) (?:also|further|then|later|went on)\b/i;

export type AttributionHow = 'cue' | 'quote' | 'document' | 'link' | 'carried';

export interface SentenceAttribution {
  attributed: boolean;
  /** Why: a cue in the sentence, a speaker's quotation, a document named, a link in the page, or carried from the previous sentence. */
  how: AttributionHow | null;
  /** The cue or document named, when there is one. */
  cue: { start: number; end: number } | null;
}

interface Interval {
  start: number;
  end: number;
}

/** The first interval of a sorted list that overlaps [start, end), by binary search; -1 when none does. */
function overlapping(list: readonly Interval[], start: number, end: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]!.start < end ? lo : -1;
}

/**
 * Attribution for each sentence of a text. `speech` are the spans of speakers' words (quotations); `links` the
 * spans of the page's links, when the extraction kept them. A sentence is attributed when it has a cue or names a
 * document, lies in (or holds) a quotation, holds a link, or goes on from an attributed sentence just before it
 * in the same paragraph ("The report found…. It also said…").
 */
export function attributionOf(
  text: string,
  sentences: readonly Interval[],
  speech: readonly Interval[] = [],
  links: readonly Interval[] = [],
): SentenceAttribution[] {
  const out: SentenceAttribution[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    // A sentence of thousands of words is read in full for cues: a cue anywhere credits what it says.
    const sentence = text.slice(s.start, s.end);
    let m = DOCUMENT.exec(sentence);
    if (m) {
      out.push({
        attributed: true,
        how: 'document',
        cue: { start: s.start + m.index, end: s.start + m.index + m[0].length },
      });
      continue;
    }
    m = CUE.exec(sentence);
    if (m) {
      out.push({
        attributed: true,
        how: 'cue',
        cue: { start: s.start + m.index, end: s.start + m.index + m[0].length },
      });
      continue;
    }
    // Quotation marks the pairing left open or that are typed as two apostrophes ('' in some archives): a
    // sentence that opens with a quotation mark or holds one is a speaker's, in whole or in part.
    if (overlapping(speech, s.start, s.end) >= 0 || /^[“"‘]|[“”]|''/.test(sentence)) {
      out.push({ attributed: true, how: 'quote', cue: null });
      continue;
    }
    if (overlapping(links, s.start, s.end) >= 0) {
      out.push({ attributed: true, how: 'link', cue: null });
      continue;
    }
    // A sentence that goes on from a quotation credited before it, in the same paragraph: "“…,” she said.
    // “We will not back down.”" is caught by its marks; what is carried here is a paraphrase that opens with
    // "He added", "She also", "They went on" and names no cue of its own.
    const prev = sentences[i - 1];
    if (
      prev &&
      out[i - 1]!.attributed &&
      out[i - 1]!.how !== 'link' &&
      !text.slice(prev.end, s.start).includes('\n') &&
      CONTINUES.test(sentence)
    ) {
      out.push({ attributed: true, how: 'carried', cue: null });
      continue;
    }
    out.push({ attributed: false, how: null, cue: null });
  }
  return out;
}

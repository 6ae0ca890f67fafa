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

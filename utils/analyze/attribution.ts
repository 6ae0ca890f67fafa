/** Does a sentence credit what it says to a source? Used to keep sourced statements out of "unsupported". */

// A named or specific source: a reporting verb, "according to", a document or an investigation.
const ATTRIBUTED =
  /\b(?:said|says|told|tells|stated|states|announced|confirmed|reported|reports|wrote|writes|testified|ruled|concluded|found|estimated|estimates|according to|cited|citing|quoted|in a statement|in a report|in an interview|data (?:from|show)|figures (?:from|show)|documents? (?:show|seen by))\b/i;

export function isAttributed(sentence: string): boolean {
  return ATTRIBUTED.test(sentence);
}

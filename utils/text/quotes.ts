/**
 * Quotation marks: which spans are a speaker's words (not the writer's phrasing) and which are short quoted
 * terms that no speaker is credited with (scare quotes).
 */
import { countWords } from './segment';

/** speech: a speaker's words; scare: the writer's own distancing marks; name: a title or name; mention: a word named as a word. */
export type QuoteKind = 'speech' | 'scare' | 'name' | 'mention';

export interface Quote {
  /** Offsets of the quote including its marks. */
  start: number;
  end: number;
  kind: QuoteKind;
  words: number;
  /** A whole utterance (it ends in a full stop, comma or the like, or opens its line), not a fragment of one. */
  whole: boolean;
}

const OPENERS: Record<string, string> = {
  '“': '”',
  '„': '“',
  '«': '»',
  '»': '«',
  '‹': '›',
  '"': '"',
  '‘': '’',
  "'": "'",
};
// A quote left open for longer than this is an unbalanced mark, not a quote. Single marks are also apostrophes,
// so a single-marked quote is held to a shorter reach.
const MAX_QUOTE = 2000;
const MAX_SINGLE = 600;
const SINGLE = new Set(['‘', "'", '‹']);
const SPEECH_VERBS =
  'said|says|say|told|tells|asked|asks|stated|states|declared|declares|wrote|writes|added|adds|tweeted|posted|replied|answered|insisted|warned|argued|noted|explained|announced|according to|in a statement';
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS})\\b[^.!?“”"]{0,30}$`, 'i');
// "the “deep state,” as Trump supporters might call it", "a central “pillar,” as Grover Norquist described it": the
// quote is what those speakers call it.
const CALL_IT_AFTER =
  /^[,]?\s*as\s+(?:[\p{L}’'.-]+\s+){1,6}?(?:(?:might|would|could|may|like to|love to)\s+)?(?:call(?:s|ed)?|describe[sd]?|puts?|term(?:s|ed)?|dub(?:s|bed)?|labell?(?:s|ed)?)\s+(?:it|them|him|her)\b/iu;
const SPEECH_AFTER =
  /^[,.]?\s*(?:[\p{L}’'.-]+\s+){0,7}?(?:said|says|told|asked|stated|declared|wrote|added|tweeted|posted|replied|insisted|warned|argued|noted|explained|announced|agreed|agrees|answered|responded|shouted|recalled)\b/iu;
const MENTION_BEFORE =
  /(?<!\bso[- ])\b(?:called|calls|call|named|titled|entitled|dubbed|nicknamed|known as(?: (?:a|an|the))?|termed|the (?:word|term|phrase|label|name|slur|epithet|expression|hashtag|slogan|headline|film|book|song|album|report|programme|program|operation|campaign|movement|show|series|podcast))\s*$/i;
// "“alien”, a Latinate word": a word named as a word; so is one glossed right after ("a “cracy” [rule]", "“theocracy,”
// (literally, the rule of God)").
const MENTION_AFTER =
  /^[,\s]*(?:is |was )?(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:word|term|phrase|label|name|expression|slur|epithet|euphemism|coinage)\b|^,?\s*\[\s*\p{L}[^\]\n]{0,40}\]|^,?\s*\(\s*(?:literally|meaning|that is|i\.\s?e\.|roughly|from the)\b/iu;
// The writer reports an answer, a label or a verdict someone else gave: "respondents heard “a lot”", "the court
// called it “unlawful”", "what she calls “…”", "described the plan as “…”", "branded them “…”".
const FRAME_BEFORE =
  /\b(?:heard|answered|responded|chose|selected|picked|(?:describ|characteri[sz]|portray|depict|dismiss|denounc|condemn|hail|prais|derid|mock|ridicul|brand|label|refer(?:s|red)? to|regard|view|hyp|tout|bill|cast|paint|fram|sa[wy]|sees|rat(?:ed|es|ing)|deem|excus|identif)\w*(?:\s+[^\s.!?“”"]+){0,6}\s+as(?:\s+(?:a|an|the))?(?:\s+[^\s.!?“”"]+){0,2}|(?<!\bso[- ])(?:calls?|called|calling|dubb(?:ed|ing)|brand(?:ed|ing)|label(?:l?ed|l?ing))(?:\s+[^\s.!?“”"]+){0,5}?(?:\s+(?:a|an|the|his|her|their|its|them|him|it|this|that))?|what (?:\S+\s+){1,3}(?:calls?|called|describes?|described|terms?|termed|dubs?|dubbed|hyped|touted)|\b(?:considered|deemed|classed|classified)(?:\s+(?:a|an|the|as))?|\b(?:allegedly|reportedly|purportedly)(?:\s+[^\s.!?“”"]+)?|\bconsiders?(?:\s+(?:a|an|the|it|them|this|that))?|\breferr(?:ing|ed|s)?\s+to(?:\s+(?:a|an|the|his|her|their|its))?(?:\s+[^\s.!?“”"]+)?|\b(?:belief|beliefs|notion|conviction|theory|conspiracy theory)\s+that\s+(?:[^.!?“”"]|(?<=\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen))\.){0,160})\s*$/i;
// Words listed as words: "words like “excellence”", "the conflation of “rights” with “respect”".
const LISTED_BEFORE =
  /\b(?:words?|terms?|phrases?|labels?|names?|expressions?|slogans?|buzzwords?)\s*,?\s*(?:like|such as|including)\s*$/i;
const COORDINATED = /^[,.]?\s*(?:and|or|with|vs\.?|versus|over|to|from|led|into|nor|instead of|rather than)\s+[“"‘']/i;
const COORDINATED_BEFORE =
  /[”"’']\s*,?\s*(?:and|or|with|vs\.?|versus|over|to|from|led|into|nor|instead of|rather than)\s+$/i;
// Nouns that report speech: a short quote in a sentence about someone's remarks is theirs.
const SPEECH_NOUN =
  /\b(?:remarks?|speech|statement|interview|testimony|letter|memo|tweet|post|op-ed|column|criticism|complaint|rhetoric|rejoinder|retort|quip|quote|response|argument|acknowledge?ment|assertion|allegation|accusation|refrain|mantra|(?:attack|jab|taunt|boast) (?:by|from)|critique|attack on|attacks on|taunting|railed|slammed|blasted|lambasted|attacked|declaring|touted|hyped|mocked|derided|rejected|embraced|invoked|promised|pledged|vowed)\b/i;
// A bill, a ruling, a filing: a short quote in a sentence about one is the document's own term ("legislation … to
// impose a “moratorium” on federal funds"). Case-sensitive, so that "Bill Clinton" is not a bill.
const DOCUMENT =
  /\b(?:[Ll]egislation|bills?|resolutions?|amendments?|executive orders?|rulings?|indictments?|lawsuits?|filings?|[Ss]tatutes?|U\.?S\.?C\.?|§)(?![\p{L}])/u;

// A speaker credited anywhere in the sentence: a short quote there is a partial quotation of that speaker
// ("Trump told reporters he would “absolutely” extend an invitation"), not the writer's distance from a word.
// "described as" is left out on purpose: "described by Washington as a “signal”" is the writer's framing.
const SPEAKER_IN_SENTENCE =
  /\b(?:said|says|told|tells|stated|states|declared|declares|wrote|writes|added|adds|asked|asks|tweeted|posted|replied|answered|insisted|insists|urged|urges|warned|warns|argued|argues|noted|noting|explained|announced|testified|complained|complain|complains|quoted|(?<!so-)(?:calling|called|calls)|according to|in a statement|in an interview|made (?:it )?clear|vowed|vows|promised|promises|pledged|demanded|demands|denied|denies|admitted|admits|acknowledged|conceded|claimed|claims|accused|accuses|accusing|dismissed|condemned|criticized|criticised|praised|hailed|blamed|branded|dubbed|labelled|labeled|urging|saying|telling|arguing|insisting|warning|describing|alleged|allege|alleges|alleging|reported|reports|found|finds|deemed|deems|heralded|heralds|reiterated|reiterates|repeated his|repeated her|repeated their|joked|jokes|joking|lamented|laments|cited|cites|citing|decried|decries|decrying|suggested|suggests|recommended|recommends|labels|characterizing|characterising|characterized|characterised|referred to|refers to|predicted|boasted|bragged|expressed|spoke of|talked about|talk of|cries of|chants of|put it|claiming|confirmed|confirms|underscored|underscores|underscore|notes|heckled|agrees|agreed|informed|answer|meant|responded|responds|instructed|pointed to|points to|point out|pointed out|pointing out|mentioned|mentions|mentioning|avers|averred|promising|vowing|remarked|remarking|pledging|threatening|depicts|depicted|depicting|portrays|portrayed|portraying|have us believe|have you believe|finding by|finding that)\b/i;
// Someone's characterisation with the quote inside its complement, however far: "has described the company as a
// threat to national security and part of the party’s “dystopian” system". Active forms only ("described by X as"
// is the writer's framing, see above).
const CHARACTERISED_AS =
  /\b(?:describ|characteri[sz]|portray|depict|denounc|condemn|criticiz|criticis|assail|derid|dismiss|brand|label|decr[iy])\w*\s+(?!by\b)(?:[^.!?“”"]|\.(?=\S|\s+\p{Ll})){1,80}?\s+as\s+(?:[^.!?“”"]|“[^“”\n]{1,40}”|\.(?=\S|\s+\p{Ll})){0,200}$/iu;
// How someone presents themselves: "has presented himself as a president bent on unblocking a Washington “system”".
const PRESENTED_AS =
  /\bpresent(?:s|ed|ing)?\s+(?:himself|herself|themselves|itself)\s+as\s+(?:[^.!?“”"]|“[^“”\n]{1,40}”|\.(?=\S|\s+\p{Ll})){0,200}$/iu;
// Bare forms that credit a speaker only before the quote ("Democrats say they plan to move “expeditiously”"); after
// it they are as often about something else.
const SPEAKER_BEFORE_QUOTE = /\b(?:say|warn|suggest|argue|insist|contend|claim|allege|complain)\b/i;
// A sentence that goes on with the speaker of the sentence before ("Mr. Sokolski says … . He lists three: …").
const CARRIED_SUBJECT = /^\s*(?:(?:but|and|yet|still|now|then|also|later),?\s+)?(?:he|she|they)\b/i;
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

// Months and the like after which a straight or right single mark is an apostrophe of elision ('90s, 'em).
const ELISION = /^(?:\d|em\b|tis\b|twas\b|n\b|cause\b|til\b)/i;

/** Finds and classifies the quotations in `text`. */
export function findQuotes(text: string): Quote[] {
  const pairs: { start: number; end: number }[] = [];
  let open = -1;
  let closer = '';
  let opener = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (open >= 0) {
      if (i - open > (SINGLE.has(opener) ? MAX_SINGLE : MAX_QUOTE)) {
        // An unbalanced mark: start again just after it, so that a real quote after it is still found.
        i = open;
        open = -1;
        continue;
      }
      if (ch === closer && isClosing(text, i, closer)) {
        pairs.push({ start: open, end: i + 1 });
        open = -1;
      } else if (closer === '”' && (ch === '’' || ch === "'") && text[i + 1] === ch && isClosing(text, i + 1, '”')) {
        // Two apostrophes typed for a closing double mark: “It was ugly,’’ he said.
        pairs.push({ start: open, end: i + 2 });
        open = -1;
        i++;
      } else if (ch === '\n' && text[i + 1] === '\n') {
        // A straight quote does not run on into the next paragraph, unless that paragraph opens with the same
        // mark: a quotation of several paragraphs, each opened and only the last one closed.
        if (closer === '"' && text[i + 2] === '"') i += 2;
        else if (closer === '"' || closer === "'") {
          i = open;
          open = -1;
        }
        // A quote that goes on in the next paragraph reopens with a new mark there: skip that mark.
        else if (text[i + 2] === opener) i += 2;
      }
      continue;
    }
    const close = OPENERS[ch];
    if (close && isOpening(text, i, ch)) {
      open = i;
      closer = close;
      opener = ch;
    }
  }
  // The first line is the headline when a body follows it.
  const headlineEnd = text.indexOf('\n');
  const quotes = pairs.map((p) =>
    classify(
      text,
      p.start,
      p.end,
      headlineEnd >= 0 &&
        (p.end <= headlineEnd || (!text.slice(p.start, p.end).includes('\n') && inHeadlineLike(text, p.start))),
    ),
  );
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i]!;
    const prev = quotes[i - 1]!;
    // An item of a list of quoted words is what the item before it is: "The smears “racist,” “fascist,” …".
    if (q.kind === 'scare' && prev.kind !== 'scare' && LIST_ITEM_BEFORE.test(text.slice(prev.end - 1, q.start)))
      q.kind = prev.kind;
  }
  termsInUse(text, quotes);
  return quotes;
}

const termOf = (text: string, q: Quote) =>
  text
    .slice(q.start + 1, q.end - 1)
    .replace(/[,.;:!?…]+$/, '')
    .trim()
    .toLowerCase();

/**
 * A quoted term that the writer also uses without marks, elsewhere in the article, is a term the writer introduced
 * and then took up ("the practice of “social distancing” … social distancing rules"), not one the writer keeps at
 * a distance: scare quotes are kept up on every use. Such a term is a name.
 */
function termsInUse(text: string, quotes: Quote[]): void {
  // The terms to look for, by their first word. Past a few dozen distinct terms a text is not ordinary prose, and
  // the rest are left as they are, so the cost stays linear in the text.
  const byFirst = new Map<string, string[]>();
  const asked: [Quote, string][] = [];
  let distinct = 0;
  for (const q of quotes) {
    if (q.kind !== 'scare' || q.words < TERM_MIN_WORDS) continue;
    const term = termOf(text, q);
    if (term.length < 3 || /\n/.test(term)) continue;
    const first = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(term)?.[0];
    if (!first) continue;
    const list = byFirst.get(first) ?? [];
    if (!list.includes(term)) {
      if (distinct >= MAX_TERMS) continue;
      distinct++;
      list.push(term);
      byFirst.set(first, list);
    }
    asked.push([q, term]);
  }
  if (!asked.length) return;
  const lower = text.toLowerCase();
  // Prefix counts of characters inside quotation marks, so "is this occurrence inside a quote" is O(1).
  const inside = new Int32Array(lower.length + 1);
  const mark = new Uint8Array(lower.length);
  for (const p of quotes) mark.fill(1, p.start, p.end);
  for (let i = 0; i < lower.length; i++) inside[i + 1] = inside[i]! + mark[i]!;
  const used = new Set<string>();
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const list = byFirst.get(m[0]);
    if (!list || mark[m.index]) continue;
    const at = m.index;
    if (/[-]/.test(lower[at - 1] ?? ' ')) continue;
    for (const term of list) {
      if (used.has(term) || !lower.startsWith(term, at)) continue;
      const end = at + term.length;
      if (/[\p{L}\p{N}-]/u.test(lower[end] ?? ' ')) continue;
      if (inside[end]! - inside[at]! === 0) used.add(term);
    }
  }
  for (const [q, term] of asked) if (used.has(term)) q.kind = 'name';
}

function isOpening(text: string, i: number, ch: string): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  // French spacing puts a space inside guillemets: « Non ».
  if (after === undefined || (/\s/.test(after) && ch !== '«')) return false;
  if (ch === '"' || ch === "'" || ch === '‘') {
    if (before !== undefined && !/[\s([{—–\-/“"«]/.test(before)) return false;
    if (ch !== '"' && ELISION.test(text.slice(i + 1, i + 6))) return false;
  }
  // "»" opens only in the reversed style (»…«), after white space.
  if (ch === '»' || ch === '‹') return before === undefined || /\s/.test(before);
  return true;
}

function isClosing(text: string, i: number, closer: string): boolean {
  const before = text[i - 1];
  if (before === undefined || (/\s/.test(before) && closer !== '»')) return false;
  if (closer === '"') return true;
  if (closer === "'" || closer === '’') {
    const after = text[i + 1];
    // An apostrophe inside a word (don’t, O'Brien) is not a closing mark.
    if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) return false;
    // "the players’ union": a plural possessive, when another closing mark follows in the same paragraph.
    if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) {
      const rest = text.slice(i + 1, i + MAX_SINGLE);
      const para = rest.indexOf('\n');
      const tail = para < 0 ? rest : rest.slice(0, para);
      if (new RegExp(`\\S[${closer}](?![\\p{L}\\p{N}])`, 'u').test(tail)) return false;
    }
  }
  return true;
}

/**
 * The start of the line holding `at` when it is at most `within` characters back, else -1: a bounded look back,
 * so that a text without line breaks and with many quotations is not read back to its start for each of them.
 */
function lineStartWithin(text: string, at: number, within: number): number {
  const from = Math.max(0, at - within);
  const i = text.slice(from, at).lastIndexOf('\n');
  return i >= 0 ? from + i + 1 : from === 0 ? 0 : -1;
}

const WORD_AS_WORD_BEFORE =
  /\bthe (?:word|term|phrase|label|slur|epithet|expression|euphemism|adjective|noun|verb)\s*$|\b(?:meaning|definition|spelling|misspelling|pronunciation|mispronunciation|translation|etymology|use|usage) of\s*$/i;
// "The crucial word here is “by”": a word named as the subject of the sentence.
const WORD_IS_BEFORE =
  /\b(?:word|term|phrase|label|expression|adjective|noun|verb)s?\s+(?:here\s+|there\s+)?(?:is|was|are|were)\s*$/i;
// A survey's answer or a study's category, named as such: "the criteria for “negative” coverage", "voters who
// rated “change” as their top priority", "the “excellent” rating".
const CATEGORY_BEFORE =
  /\b(?:criteri(?:a|on)|definitions?|categor(?:y|ies)|classifications?|options?|answers?|box(?:es)?|columns?|headings?)\s+(?:for|of|was|were|is|are)\s*$/i;
const RATED_BEFORE =
  /\b(?:rated|rate|rates|ranked|ranks|chose|choose|picked|named|cited|listed|selected|identified)\s*$/i;
const AS_AFTER = /^,?\s+as\b/i;

/**
 * A line that reads as a headline rather than a sentence of the story: a related-story link ("More: …"), a
 * subheading, a caption's title. Short, and not ended as a sentence is.
 */
function inHeadlineLike(text: string, at: number): boolean {
  const from = lineStartWithin(text, at, 161);
  if (from < 0) return false;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  if (to - from > 160) return false;
  const line = text.slice(from, to).trim();
  if (/^(?:more|related|read more|see also|watch|listen|opinion|analysis)\s*:/i.test(line)) return true;
  // A video player's caption ("JUST WATCHED Congress returns with long 'to do' list Replay More Videos ...").
  if (/^just watched\b/i.test(line)) return true;
  // Sentences end with a full stop, a question or exclamation mark, or a closing quotation mark after one.
  return !/[.!?…][”"’']?\)?$/.test(line) && !/[,;]$/.test(line) && countWords(line) <= 16;
}

// "left-handed (or “southpaws”)", "(also “bump stocks”)": another name for what the writer has just named.
const SYNONYM_BEFORE = /\(\s*(?:or|also|aka|a\.k\.a\.|also called|also known as|known as|called)\s*$/i;
// "so-called “Cadillac tax”": a coined name introduced as one, when it is more than a single word.
const KNOWN_AS_BEFORE = /\bso[- ]called\s*$/i;
// A term the writer introduces and defines on the spot: "families of “mixed status” – typically, noncitizen parents
// …", "such “convalescent plasma,” which contains antibodies", "“winner-take-all states” (where whoever …)", "the
// “grandfather clause” – the provision of the law that …", "“FISA take,” or data from …", "(hence the “Cadillac
// tax” nickname)". The marks introduce a name for a thing, not the writer's distance from a word.
const DEFINED_AFTER =
  /^\s*(?:[—–]|--?(?=\s)|\()\s*(?:typically|usually|often|generally|basically|essentially|that is|i\.\s?e\.|meaning|in other words|where|in which|whereby|under which|the (?:process|practice|provision|part|idea|notion|policy|rule|term|name|system|measure|program|programme|plan|period|stage|point|method|technique|approach) (?:of|by|in|that|which|for|under|to|when|where|used|whereby))\b|^\s*,?\s*(?:i\.\s?e\.|that is,|meaning|which (?:is|are|means|refers|contains|describes|allows|lets|requires|covers|includes|involves))\b|^\s*(?:nickname|moniker|label|tag|slogan|catchphrase|buzzword|rubric)s?\b|^\s*,?\s*(?:a|an)\s+(?:[\p{L}-]+\s+){1,3}(?:that|which|whereby|in which|under which|where)\s/iu;
// "the so-called “sherpa,” former Arizona Sen. Jon Kyl": a role's name, given to the person named after it.
const NAMED_PERSON_AFTER =
  /^\s*,?\s+(?:(?:former|then|now|current|retired|acting)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Lu}[\p{L}'’-]+/u;
// A quoted modifier that names a policy, a law, a programme or the like ("the “zero tolerance” policy", "Reagan's
// 1986 “amnesty” bill", "a “premium support” program"): the name of the thing, not the writer's distance from it.
const NAMED_KIND_AFTER =
  /^[,]?\s+(?:policy|policies|law|laws|bill|bills|act|program|programs|programme|programmes|proposal|proposals|plan|plans|formula|test|tests|track|stage|shots?|clause|provision|provisions|legislation|tax|taxes|doctrine|theory|principle|era|ad|ads|initiative|rule|rules|category|rating|ratings|status|scheme|drill|procedure|protocol|designation|strategy|vote|votes|side|camp|campaign|conspiracy|shift|scandal|spending|period|phase|list|zone|pledge|pledges|promise|button|card|label|mandate|exemption|loophole|waiver)\b(?![-’'])/i;
// Words called names or insults as a group: "The smears “racist,” “fascist,” …".
const NAMED_GROUP_BEFORE =
  /\b(?:smears?|slurs?|insults?|epithets?|labels?|nicknames?|slogans?|catchphrases?|buzzwords?|watchwords?|euphemisms?)\s*,?\s*$/i;
// One quote straight after another, with a comma or nothing between ("“racist,” “fascist,” …"): an item of the
// same list, read as the item before it was.
const LIST_ITEM_BEFORE = /^[”"’»]\s*,?\s*$/;
// Terms of this many words or more count as taken up when the article also uses them without marks; at most this
// many distinct terms are looked for in one text.
const TERM_MIN_WORDS = 2;
const MAX_TERMS = 64;

function classify(text: string, start: number, end: number, inHeadline: boolean): Quote {
  const inner = text.slice(start + 1, end - 1);
  const words = countWords(inner);
  const lineStart = lineStartWithin(text, start, 80);
  const before = text.slice(lineStart < 0 ? start - 80 : lineStart, start);
  const after = text.slice(end, end + 80);
  let kind: QuoteKind;
  if (words > 4 || /[.!?;]\s*$|[.!?]\s+\S/.test(inner)) kind = 'speech';
  else if (SPEECH_BEFORE.test(before) && /[:,]\s*$/.test(before)) kind = 'speech';
  else if (SPEECH_AFTER.test(after) && (/^,/.test(after) || /,$/.test(inner))) kind = 'speech';
  else if (CALL_IT_AFTER.test(after)) kind = 'speech';
  // A word named as a word: "the word “white”", "If “alien”, a Latinate word, …".
  else if (
    WORD_AS_WORD_BEFORE.test(before) ||
    WORD_IS_BEFORE.test(before) ||
    CATEGORY_BEFORE.test(before) ||
    (RATED_BEFORE.test(before) && AS_AFTER.test(after)) ||
    NAMED_GROUP_BEFORE.test(before) ||
    MENTION_AFTER.test(after) ||
    LISTED_BEFORE.test(before) ||
    COORDINATED.test(after) ||
    COORDINATED_BEFORE.test(before)
  )
    kind = 'mention';
  // A title, a name, a number, a single capitalised word ("“Balfour”", "the term “Guests”"), a keyword in capitals
  // ("text “HOME” to 741741"), or a coined term of several words introduced as a name ("so-called “Cadillac tax”").
  else if (
    isTitleCase(inner) ||
    MENTION_BEFORE.test(before) ||
    SYNONYM_BEFORE.test(before) ||
    !/\p{L}/u.test(inner) ||
    isCapitalisedWord(inner) ||
    /^\p{Lu}{2,}[,.]?$/u.test(inner.trim()) ||
    /^\p{L}[,.]?$/u.test(inner.trim()) ||
    /^(?:yes|no|aye|nay|yea)[,.]?$/i.test(inner.trim()) ||
    (KNOWN_AS_BEFORE.test(before) && NAMED_PERSON_AFTER.test(after)) ||
    (/\s/.test(inner.trim()) && KNOWN_AS_BEFORE.test(before)) ||
    DEFINED_AFTER.test(after) ||
    (!/[,.;:]$/.test(inner) && NAMED_KIND_AFTER.test(after))
  )
    kind = 'name';
  // Someone else's label, answer or verdict that the writer reports: "called the ruling a “big victory”".
  else if (FRAME_BEFORE.test(before)) kind = 'speech';
  // A headline's short quote is a speaker's words by the conventions of headlines ("Minister's ‘shameful’ U-turn").
  else if (inHeadline || speakerInSentence(text, start, end)) kind = 'speech';
  else kind = 'scare';
  const whole = /[.!?,;:…]$/.test(inner.trimEnd()) || /^\s*$/.test(before);
  return { start, end, kind, words, whole };
}

const ABBREVIATED = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|Rev|St|Jr|Sr|No|vs|v|[A-Z](?:\.[A-Z])*)$/;

/** Where the sentence holding `at` starts: after a line break, or after . ! ? and white space that is not an abbreviation's. */
function sentenceStart(text: string, at: number, from: number): number {
  for (let i = at - 1; i >= from; i--) {
    const ch = text[i]!;
    if (ch === '\n') return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? '')) {
      if (ch === '.' && ABBREVIATED.test(text.slice(Math.max(from, i - 6), i))) continue;
      return i + 1;
    }
  }
  return from;
}

/**
 * The sentence around a quote, without the quote itself, credits a speaker or reports speech. (The sentence before
 * is not read: a writer often picks up a speaker's words to turn them against the speaker.)
 */
function speakerInSentence(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 400);
  const own = sentenceStart(text, start, from);
  const before = text.slice(own, start);
  const tail = text.slice(end, end + 300);
  const stop = tail.search(/[.!?](?:\s|$)|\n/);
  const after = stop >= 0 ? tail.slice(0, stop) : tail;
  if (
    SPEAKER_IN_SENTENCE.test(before) ||
    SPEAKER_IN_SENTENCE.test(after) ||
    SPEAKER_BEFORE_QUOTE.test(before) ||
    CHARACTERISED_AS.test(before) ||
    PRESENTED_AS.test(before)
  )
    return true;
  if (SPEECH_NOUN.test(before) || SPEECH_NOUN.test(after)) return true;
  if (DOCUMENT.test(before) || DOCUMENT.test(after)) return true;
  // "He …", "They …" right after a sentence that credits a speaker: the same speaker goes on. (Only then: the
  // seed article's “all individuals”, after a quotation, is the writer turning the speaker's words.)
  if (own > from && CARRIED_SUBJECT.test(before) && text[own - 1] !== '\n') {
    const prevFrom = sentenceStart(text, own - 1, Math.max(0, own - 400));
    const prev = text.slice(prevFrom, own);
    if (SPEAKER_IN_SENTENCE.test(prev)) return true;
  }
  return false;
}

/** The speech quote containing [start, end), if any. `quotes` sorted by start. */
export function insideSpeech(quotes: readonly Quote[], start: number, end: number): boolean {
  for (const q of quotes) {
    if (q.start > start) break;
    if (q.kind === 'speech' && start >= q.start && end <= q.end) return true;
  }
  return false;
}

/**
 * Voice: for every character of an article, who is speaking. The writer, a speaker whose words or thoughts the
 * writer reports (a direct or partial quote, an indirect "X said that …", a label someone gave, a transcript or
 * interview turn, an embedded post), or a word named as a word ("the word “white”"). Phrasing findings are about
 * the writer's own wording, so they are only made where the writer speaks.
 *
 * The stage reads the extracted text only: the headline, then the body's blocks separated by blank lines.
 */
import { findQuotes, type Quote } from '../text/quotes';
import { sentences as splitSentences, type Span } from '../text/segment';

export type VoiceKind = 'writer' | 'speaker' | 'mention';

/** How a stretch of text came to be someone else's. */
export type VoiceHow =
  /** Direct speech in quotation marks. */
  | 'quote'
  /** A short quoted fragment of a speaker's words ("he would “absolutely” come"). */
  | 'partial-quote'
  /** A label or answer someone else gave, reported by a frame ("branded them traitors", "what she calls …"). */
  | 'frame'
  /** Indirect speech: the content of "X said (that) …", "…, officials said", "according to X, …". */
  | 'reported'
  /** A turn of a transcript ("SMITH: …"). */
  | 'transcript'
  /** A question or answer of an interview printed as Q&A. */
  | 'qa'
  /** An embedded social-media post. */
  | 'post'
  /** A title or name in quotation marks. */
  | 'name'
  /** A word named as a word. */
  | 'mention'
  /** A term the writer puts in quotation marks without a speaker: the writer's distance, not the writer's label. */
  | 'scare';

export interface VoiceSpan {
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
  kind: 'speaker' | 'mention';
  how: VoiceHow;
}

export interface Voice {
  /** Sorted by start, not overlapping. */
  spans: VoiceSpan[];
  kindAt(offset: number): VoiceKind;
  /** How the character at `offset` came to be someone else's, or null where the writer speaks. */
  howAt(offset: number): VoiceHow | null;
  /** No character of [start, end) is a speaker's or a mention. */
  isWriter(start: number, end: number): boolean;
  /** The share of [start, end) in the writer's voice, 0..1. */
  writerShare(start: number, end: number): number;
}

const KIND_OF_QUOTE: Record<Quote['kind'], { kind: VoiceSpan['kind']; how: (q: Quote) => VoiceHow }> = {
  speech: { kind: 'speaker', how: (q) => (q.words > 4 || q.whole ? 'quote' : 'partial-quote') },
  name: { kind: 'mention', how: () => 'name' },
  mention: { kind: 'mention', how: () => 'mention' },
  scare: { kind: 'mention', how: () => 'scare' },
};

// Reporting cues. Verbs of saying that take what was said straight after them ("said the plan failed"), and verbs
// that report speech or belief only with "that" ("found that …", "announced that …").
const SAY =
  'said|says|say|saying|alleging|arguing|claiming|insisting|added|adds|wrote|writes|argued|argues|insisted|insists|claimed|claims|contended|contends|maintained|maintains|asserted|asserts|alleged|alleges|stressed|stresses|tweeted|tweets|testified|testifies|predicted|predicts|believes|believed|thinks|thought|warned|warns|countered|counters|complained|complains|argue|claim|insist|warn|contend|believe|think|maintain|assert|allege';
const SAY_THAT =
  'avers|averred|reasons|reasoned|reckons|reckoned|speculated|speculates|posited|posits|opined|opines|surmised|surmises|theori[sz]ed|theori[sz]es|mused|muses|stated|states|announced|announces|declared|declares|explained|explains|noted|notes|acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|denied|denies|replied|replies|responded|responds|suggested|suggests|feared|fears|hoped|hopes|estimated|estimates|reported|reports|charged|charges|emphasi[sz]ed|emphasi[sz]es|recalled|recalls|observed|observes|indicated|indicates|promised|promises|vowed|vows|pledged|pledges|boasted|boasts|concluded|concludes|found|finds|showed|shows|revealed|reveals|agreed|agrees|worries|worried|worry|expects|expected|expect';
const WHEN =
  '(?:\\s+(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last\\s+\\w+|this\\s+\\w+|earlier|later|in\\s+a\\s+(?:statement|interview|speech|post|tweet|letter|memo|filing|report)|in\\s+an\\s+(?:interview|email|op-ed)))?';
// A subject of a few words before the cue: a pronoun, a name, "the agency", "Senate Democrats", "a spokesman for X".
// The cue is not a noun after an article ("the claims were false").
// "the United States" is a name, not a cue ("states").
const NOT_A_NAME = '(?<!\\bunited\\s+)';
const SUBJECT =
  "(?:[\\p{L}\\p{N}’'.&-]+,?\\s+){1,9}?(?<!\\b(?:the|a|an|these|those|his|her|their|its|our|my|your|such|any|no|not|to|do|don[’']t|didn[’']t|doesn[’']t|won[’']t|can[’']t|cannot|would|could|should|might|may|will|must)\\s+)";
const ADVERBS =
  '(?:(?:has|have|had|also|previously|repeatedly|publicly|privately|later|then|once|often|never|long|again)\\s+){0,2}';
// Whom a speaker told: read case-sensitively after the cue, since the patterns around it ignore case.
const HEARER =
  /^\s+(?:reporters|journalists|the\s+[\p{Ll}-]+|(?:his|her|their|its|our|my|your)\s+(?!(?:the|a|an|that|this|it|he|she|they|we|i|you)\b)(?:(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+(?=\s+that\b)|[\p{Ll}-]+)|him|her|them|us|me|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})(?=[\s,])/u;
const OPENING = '^(?:(?:but|and|yet|still|meanwhile|however|instead|now|also|later|earlier),?\\s+)?';
// "X said (that) …" near the start of a sentence: what follows is X's.
const LEADING = new RegExp(
  `${OPENING}${SUBJECT}${ADVERBS}(?:(?:told|tells|assured|assures|reminded|reminds)${WHEN}|(?:${SAY})(?!\\s+(?:before|so|nothing|anything|something|otherwise)\\b)${WHEN}(?:\\s+that)?|${NOT_A_NAME}(?:${SAY_THAT})${WHEN}\\s+that|(?:explain|explains|explained|describe|describes|described|detail|details|detailed)(?:\\s+in\\s+detail)?\\s+how)[,:]?\\s+`,
  'iu',
);
const EXPLAIN_HOW =
  /\b(?:explain|explains|explained|describe|describes|described|detail|details|detailed)(?:\s+in\s+detail)?\s+how\s*$/i;
// "…, X said." or "…, said X." at the end of a sentence: what precedes is X's.
const TRAILING = new RegExp(
  `[,—–-]["”’]?\\s+(?:(?:${SUBJECT}${NOT_A_NAME}(?:${SAY}|${SAY_THAT})${WHEN})|(?:(?:said|says|added|wrote|argued|noted|explained|insisted|warned|claimed)\\s+(?:[\\p{L}\\p{N}’'.&-]+,?\\s+){0,6}[\\p{L}\\p{N}’'.-]+))(?:,\\s+[^.!?]{0,200})?[.!?"”’]*$`,
  'iu',
);
// "The test, North Korea said, was its biggest": the whole sentence is the speaker's; "as Comey noted, …": what
// follows is.
const MIDDLE = new RegExp(
  `,\\s+(?!(?:who|which|that|as)\\b)${SUBJECT}${NOT_A_NAME}(?:${SAY}|${SAY_THAT})${WHEN},\\s+`,
  'iu',
);
const AS_NOTED = new RegExp(
  `\\bas\\s+${SUBJECT}${NOT_A_NAME}(?:${SAY}|${SAY_THAT}|puts? it|wr(?:ote|ites)|note[sd]|point(?:ed|s) out|observe[sd])${WHEN},\\s+`,
  'iu',
);
const ACCORDING_END = /[,—–-]\s+according\s+to\s+[^,.!?]{2,120}[.!?"”’]*$/i;
const ACCORDING_START = /^according\s+to\s+[^,]{2,120},\s+/i;
// A label someone else gave: "branded them traitors", "dubbed it the Squad", "what critics call a witch hunt",
// "criticized the plan as reckless", "assailing her as ignorant".
const LABEL_FRAME =
  /\b(?:(?<!\bso[- ])(?:branded|branding|brands|dubbed|dubbing|labell?ed|labell?ing|nicknamed|denounced\s+\S+\s+as|derided\s+\S+\s+as|described\s+\S+(?:\s+\S+)?\s+as|characteri[sz]ed\s+\S+(?:\s+\S+)?\s+as|(?:cast|casts|casting|dismiss|dismisses|dismissed|dismissing|portray|portrays|portrayed|portraying|paint|paints|painted|painting|criticized|criticised|criticizing|criticising|criticizes|criticises|assail|assails|assailed|assailing|attacked|attacking|slammed|slamming|blasted|blasting|condemned|condemning|condemns|lambasted|lambasting|ridiculed|ridiculing|rejected|rejecting|decried|decrying|mocked|mocking|denouncing|deriding)(?:\s+(?:(?!\bas\b)[^,.;:!?()“”"‘]){1,60}?)?[\s—–]+as(?!\s+(?:possible|well|much|many|soon|long|far|such|if|though|part|usual|expected|a\s+result)\b)|(?:calling|(?<=\b(?:to|will|would|did|didn't|didn’t|cannot|can't|can’t|could|should|might|may|must|not|never)\s(?:\S+\s){0,2})(?<!\b(?:a|an|the|this|that|his|her|their|its|our|your|my|phone|conference|roll|close|wake-up|any|every|no)\s)call)(?=\s+(?!for\b|on\b|off\b|up\b|in\b|out\b|it\s+quits\b|back\b|to\b|from\b|with\b|the\s+shots\b|attention\b|into\b)))|what\s+(?:\S+\s+){1,5}?(?:calls?|called|describes?\s+as|described\s+as|terms?|termed|dubs?|dubbed))\s+([^,.;:!?()“”"‘]{2,80})/giu;

// What someone is accused of or threatened with: "the trio accused Mr Trump of groping, fondling, humiliating or
// harassing them", "Erdogan threatened Europe with a flood of refugees". The accusers' or the threatener's account,
// to the end of the clause.
const ACCUSED_OF =
  /\b(?:(?:accus(?:ed|es|ing)|accuse)\s+(?:(?!\b(?:of|as)\b)[^,.;:!?()“”"‘\n]){1,60}?\s+of|threaten(?:ed|s|ing)?\s+(?:(?!\bwith\b)[^,.;:!?()“”"‘\n]){1,60}?\s+with)\s+((?:[^.;:!?()“”"\n]|\.(?=\S|\s+\p{Ll})){2,200})/giu;

// "SMITH: …", "Q: …", "Mr. Jones: …": a turn of a transcript or an interview; a chat's "dave.levinthal: …" or
// "micah (Micah Cohen, politics editor): …".
const TURN =
  /^(?:(Q|A|Question|Answer)\s*[:.]|((?:\p{Lu}[\p{Lu}.'’-]+)(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,3})\s*:|((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2})\s*:|(\p{Ll}[\p{Ll}\d]*(?:[._]\p{Ll}[\p{Ll}\d]*)+|\p{Ll}+(?=\s+\(\p{Lu}))(?:\s+\([^)\n]{1,80}\))?\s*:)\s+\S/u;
// Labels that look like a turn but are the page's own: "Update: …", "Photo: …".
const NOT_A_TURN =
  /^(?:update|updated|note|editor'?s note|editor’s note|correction|clarification|photo|photos|image|video|watch|listen|source|sources|related|read more|see also|more|warning|disclaimer|background|analysis|opinion|credit|caption|contact|reporting|follow|subscribe|sign up|advertisement|getty images|ap|reuters|afp|cnn|bbc|breaking|live|exclusive|the bottom line|bottom line|why it matters|what's next|what’s next|the big picture|context|what they're saying|what they’re saying|yes|no|pros|cons|step \d+|part \d+|chapter \d+|day \d+|first|second|third|finally|also|plus|location|date|time|where|when|who|what|how|price|cost|tags?)$/i;
// An embedded post's signature line: "— Jane Doe (@jdoe) March 3, 2017", "pic.twitter.com/…".
const POST_SIGNATURE =
  /(?:\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}|pic\.twitter\.com\/\w+|^—\s*\S[^\n]{0,80}\(@\w{1,30}\))/u;

const VIDEO_CAPTION = /^\s*JUST WATCHED\b|\bReplay More Videos\b/;
// A link to another story, or a reader's comment, that the page sets in the body: a label and a colon, then
// another story's headline ("More: …", "Related: …", "Read more: …"), or a short label run into its text with no
// space after the colon ("More:Conyers clan lashes out …", "Talker:Trump is a known liar."), where the extraction
// joins a label's element to its link. Not the writer's, for every category.
const LINK_LINE =
  /^\s*(?:(?:more|related|read more|read also|also read|see also|check out)\s*:\s*\S|\p{L}[\p{L}’'-]*(?:\s+\p{L}[\p{L}’'-]*){0,3}:(?=[\p{Lu}"“‘']))/iu;
const LINK_LINE_WORDS = 30;
// A person's card that the page sets after a name in the text: the name again, run into the headlines of other
// stories about that person, closed by a "MORE" link ("Sen. Lindsey Graham Lindsey Olin GrahamGOP senators balk at
// lengthy impeachment trial … MORE (R-S.C.)"). From where the headline is run into the name to the link: titles.
const PERSON_CARD = /(?<=(?:^|[^\p{L}])\p{Lu}[\p{L}'’-]*\p{Ll})\p{Lu}[^\n]{0,400}?\sMORE(?=[\s).,;:]|$)/gu;
// A paragraph that ends by introducing someone's words with a colon ("Trump went on to say:", "The Daily Caller
// reports:", "Kolchin writes:", "here's what she said:"): the next paragraph is the block quote, whether or not the
// page's quotation marks survived extraction.
const BLOCK_INTRO = new RegExp(
  `\\b(?:${SAY}|${SAY_THAT}|reports|reported|writes|wrote|tweeted|posted|continued|to say|had this to say|put it|asked)${WHEN}\\s*:\\s*$`,
  'iu',
);
// A later turn in the same line: a name and a colon after the end of a sentence or a trailing ellipsis.
const INLINE_TURN = /(?<=[.?!…]["”’]?\s+)(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2}):\s+\S/gu;
// Lines a page sets between an introduction and its quote.
const PAGE_LABEL = /^\s*(?:advertisement|story continues below|continue reading|watch|video)\s*:?\s*$/i;

interface Builder {
  add(start: number, end: number, kind: VoiceSpan['kind'], how: VoiceHow): void;
}

/** Reads who speaks where in `text`. `quotes` and `sentences` may be passed in when the caller has them. */
export function readVoice(text: string, quotes: Quote[] = findQuotes(text), sentences?: Span[]): Voice {
  const raw: VoiceSpan[] = [];
  const b: Builder = {
    add(start, end, kind, how) {
      if (end > start) raw.push({ start, end, kind, how });
    },
  };
  for (const q of quotes) {
    const k = KIND_OF_QUOTE[q.kind];
    b.add(q.start, q.end, k.kind, k.how(q));
  }
  readLines(text, b);
  for (const s of sentences ?? splitSentences(text)) readSentence(text, s, b);
  speakersOwnMarks(raw);
  return makeVoice(merge(raw, text.length));
}

/** Transcripts, interviews and embedded posts: whole lines that belong to someone else. */
function readLines(text: string, b: Builder): void {
  const lines: { start: number; end: number; speaker: string | null; qa: boolean }[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end > at) {
      const line = text.slice(at, end);
      const m = TURN.exec(line);
      let speaker: string | null = null;
      let qa = false;
      if (m) {
        const label = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
        if (!NOT_A_TURN.test(label.replace(/[.:]$/, ''))) {
          speaker = label;
          qa = !!m[1];
        }
        // A chat's handle ("dave.levinthal:", "micah (Micah Cohen, politics editor):") is a turn on its own.
        if (m[4]) b.add(at + line.indexOf(':', m[4].length) + 1, end, 'speaker', 'transcript');
      }
      lines.push({ start: at, end, speaker, qa });
      // A video player's caption ("JUST WATCHED Gingrich: Secretary Kerry is delusional Replay More Videos ..."): the
      // title of another story, repeated by the page.
      if (VIDEO_CAPTION.test(line)) b.add(at, end, 'mention', 'name');
      if (line.includes(' MORE')) {
        PERSON_CARD.lastIndex = 0;
        for (let c = PERSON_CARD.exec(line); c; c = PERSON_CARD.exec(line))
          b.add(at + c.index, at + c.index + c[0].length, 'mention', 'name');
      }
      const colonAt = line.indexOf(':');
      if (colonAt >= 0 && colonAt < 40 && LINK_LINE.test(line) && countWords(line) <= LINK_LINE_WORDS)
        b.add(at, end, 'mention', 'name');
      if (POST_SIGNATURE.test(line)) {
        b.add(at, end, 'speaker', 'post');
        // The post's text is the block before its signature when the signature stands on a line of its own.
        if (/^\s*[—–-]/.test(line)) {
          const prev = lines[lines.length - 2];
          if (prev) b.add(prev.start, prev.end, 'speaker', 'post');
        }
      }
    }
    at = end + 1;
  }
  // A single line labelled in capitals is a turn when the paragraph before ends with a colon and names its speaker ("… as when Fox's Geraldo Rivera
  // speculates on how white jurors will respond at trial:" then "RIVERA: The white jurors …"), and a paragraph
  // whose turns run on in one line ("Trump: Where did I support? Cruz: You supported it … Trump: That's a lot of
  // lies.") is a transcript when two or three speakers take four turns or more in it, each at least two.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.speaker || l.qa) continue;
    const line = text.slice(l.start, l.end);
    const colon = line.indexOf(':');
    const name = l.speaker
      .split(/\s+/)
      .pop()!
      .replace(/[.’']+$/, '');
    const prev = lines[i - 1];
    const named =
      prev &&
      name.length >= 3 &&
      l.speaker === l.speaker.toUpperCase() &&
      /:\s*$/.test(text.slice(prev.start, prev.end)) &&
      new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'iu').test(text.slice(prev.start, prev.end));
    const labels = [l.speaker, ...[...line.matchAll(INLINE_TURN)].map((m) => m[1]!)];
    const all = labels.map((n) => n.toLowerCase());
    const runOn =
      all.length >= 4 &&
      new Set(all).size >= 2 &&
      new Set(all).size <= 3 &&
      all.every((n) => all.indexOf(n) !== all.lastIndexOf(n)) &&
      labels.every((n) => namedInText(text, n));
    if (named || runOn) b.add(l.start + colon + 1, l.end, 'speaker', 'transcript');
  }
  // A block quote introduced by its source at the end of the paragraph before ("Trump went on to say:").
  let intro = false;
  for (const l of lines) {
    const line = text.slice(l.start, l.end);
    if (!line.trim() || (intro && PAGE_LABEL.test(line))) continue;
    if (intro && !/^\s*["“‘'«„]/.test(line)) b.add(l.start, l.end, 'speaker', 'quote');
    intro = /:\s*$/.test(line) && !/\?\s*:\s*$/.test(line) && BLOCK_INTRO.test(line);
  }
  // A transcript has turns by at least two lines' worth of labels; a Q&A at least one question and one answer.
  const turns = lines.filter((l) => l.speaker && !l.qa);
  const labels = new Set(turns.map((l) => l.speaker!.toLowerCase()));
  const isTranscript = turns.length >= 3 && labels.size >= 2 && labels.size <= turns.length - 1;
  const qas = lines.filter((l) => l.qa);
  const isQa =
    qas.some((l) => /^(?:q|question)/i.test(l.speaker!)) && qas.some((l) => /^(?:a|answer)/i.test(l.speaker!));
  for (const l of lines) {
    if (!l.speaker) continue;
    if (l.qa ? isQa : isTranscript) {
      const colon = text.slice(l.start, l.end).search(/[:.]\s/);
      b.add(l.start + colon + 1, l.end, 'speaker', l.qa ? 'qa' : 'transcript');
    }
  }
}

/** Indirect speech and reported labels within one sentence. */
function readSentence(text: string, s: Span, b: Builder): void {
  const sentence = text.slice(s.start, s.end);
  // A question is the writer's own, whoever it names.
  if (/\?["”’]?$/.test(sentence)) return;
  // "[We have] as president-elect a man …": words supplied in brackets at the start mark a quoted passage.
  if (/^\s*\[[^\]\n]{1,40}\]\s+\p{Ll}/u.test(sentence)) {
    b.add(s.start, s.end, 'speaker', 'quote');
    return;
  }
  let m = ACCORDING_START.exec(sentence);
  if (m) {
    b.add(s.start + m[0].length, s.end, 'speaker', 'reported');
    return;
  }
  m = ACCORDING_END.exec(sentence);
  if (m) {
    b.add(s.start, s.start + m.index, 'speaker', 'reported');
    return;
  }
  m = MIDDLE.exec(sentence);
  if (m) {
    b.add(s.start, s.start + m.index, 'speaker', 'reported');
    b.add(s.start + m.index + m[0].length, s.end, 'speaker', 'reported');
    return;
  }
  m = TRAILING.exec(sentence);
  // "Ultimately, comparing seams is useless, Farid said.": the cue's own comma, not the first one of the sentence.
  for (let later = m, tries = 0; later && m && tries < 6; tries++) {
    later = TRAILING.exec(sentence.slice(m.index + 1));
    if (later) later = Object.assign(later, { index: m.index + 1 + later.index });
    if (later) m = later;
  }
  if (m && m.index > 0 && !/\b(?:who|which)\s*$/i.test(sentence.slice(0, m.index))) {
    b.add(s.start, s.start + m.index, 'speaker', 'reported');
    return;
  }
  m = AS_NOTED.exec(sentence);
  if (m) {
    b.add(s.start + m.index + m[0].length, s.end, 'speaker', 'reported');
    return;
  }
  m = LEADING.exec(sentence);
  // The cue "explains how" ends in "how"; a "how" before the cue makes the cue part of a clause.
  const head = m?.[0].replace(EXPLAIN_HOW, '');
  if (m && !/\b(?:who|which|whom|whose|if|when|what|how|because|after|before|while|as)\s/i.test(head!)) {
    let from = s.start + m[0].length;
    // "told reporters (that) …": the hearer is not what was said.
    if (/(?:told|tells|assured|assures|reminded|reminds)(?:\s+\S+){0,4}\s*$/i.test(m[0]) && !/\bthat\s*$/i.test(m[0])) {
      const rest = text.slice(from - 1, s.end);
      const h = HEARER.exec(rest);
      if (h) from += h[0].length - 1;
      const that = /^\s*(?:that\s+|,\s*)?/i.exec(text.slice(from, s.end));
      if (that) from += that[0].length;
    }
    if (s.end - from >= 8) b.add(from, s.end, 'speaker', 'reported');
    return;
  }
  LABEL_FRAME.lastIndex = 0;
  for (let f = LABEL_FRAME.exec(sentence); f; f = LABEL_FRAME.exec(sentence)) {
    let label = f[1]!;
    // "calling McCabe a liar before lashing out at …": the label ends where the next clause starts.
    if (/^call(?:ing)?\b/i.test(f[0]))
      label = label.replace(/\s(?:and|but|or|before|after|while|when|because|since|then|as|to|for)\s[\s\S]*$/i, '');
    const from = s.start + f.index + f[0].length - f[1]!.length;
    b.add(from, from + label.trimEnd().length, 'speaker', 'frame');
  }
  ACCUSED_OF.lastIndex = 0;
  for (let f = ACCUSED_OF.exec(sentence); f; f = ACCUSED_OF.exec(sentence)) {
    const from = s.start + f.index + f[0].length - f[1]!.length;
    b.add(from, from + f[1]!.trimEnd().length, 'speaker', 'frame');
  }
}

/**
 * A short quote with no speaker of its own, inside words the writer reports as someone's ("officials found that the
 * system was “nearly optimal”"), is that speaker's partial quote, not the writer's scare quote.
 */
function speakersOwnMarks(raw: VoiceSpan[]): void {
  const reported = raw.filter((r) => RANK[r.how] > 0).sort((a, b) => a.start - b.start);
  if (!reported.length) return;
  // One sweep: for each scare quote in order, the furthest end of the reported spans that start at or before it.
  const scares = raw.filter((q) => q.how === 'scare').sort((a, b) => a.start - b.start);
  let i = 0;
  let reach = -1;
  for (const q of scares) {
    while (i < reported.length && reported[i]!.start <= q.start) reach = Math.max(reach, reported[i++]!.end);
    if (reach >= q.end) {
      q.kind = 'speaker';
      q.how = 'partial-quote';
    }
  }
}

/**
 * A label is a speaker's name when the text also names them in the middle of a sentence ("between Trump and Cruz"),
 * not only before a colon: "Edge: Clinton. Runner-up: Sanders." are a list's labels, not speakers.
 */
function namedInText(text: string, label: string): boolean {
  return new RegExp(`(?<=\\p{Ll}[,;]?\\s)${escapeRegExp(label)}(?![\\p{L}:])`, 'u').test(text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countWords(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

const RANK: Record<VoiceHow, number> = {
  quote: 0,
  'partial-quote': 0,
  name: 0,
  mention: 0,
  scare: 0,
  post: 1,
  transcript: 1,
  qa: 1,
  frame: 2,
  reported: 3,
};

/**
 * Sorted and without overlaps. A quote inside reported speech is still a quote: quotes and mentions first, then
 * whole lines, then labels, then indirect speech, each filling only what the ones before left; within a rank, the
 * span that starts first keeps what two share. Painted character by character, so the cost is linear in the text.
 */
function merge(spans: VoiceSpan[], length: number): VoiceSpan[] {
  if (!spans.length) return [];
  const owner = new Int32Array(length).fill(-1);
  const order = spans
    .map((_, i) => i)
    .sort((x, y) => RANK[spans[y]!.how] - RANK[spans[x]!.how] || spans[y]!.start - spans[x]!.start);
  // Lowest priority first, so that what is painted later wins.
  for (const i of order) owner.fill(i, Math.max(0, spans[i]!.start), Math.min(length, spans[i]!.end));
  const out: VoiceSpan[] = [];
  for (let at = 0; at < length;) {
    const i = owner[at]!;
    let end = at + 1;
    while (end < length && owner[end] === i) end++;
    if (i >= 0) out.push({ start: at, end, kind: spans[i]!.kind, how: spans[i]!.how });
    at = end;
  }
  return out;
}

function makeVoice(spans: VoiceSpan[]): Voice {
  const starts = spans.map((s) => s.start);
  // The last span starting at or before `offset`.
  const find = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const overlap = (start: number, end: number) => {
    let n = 0;
    for (let i = Math.max(0, find(start)); i < spans.length && spans[i]!.start < end; i++) {
      const s = spans[i]!;
      n += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
    }
    return n;
  };
  return {
    spans,
    kindAt(offset) {
      const s = spans[find(offset)];
      return s && offset < s.end ? s.kind : 'writer';
    },
    howAt(offset) {
      const s = spans[find(offset)];
      return s && offset < s.end ? s.how : null;
    },
    isWriter(start, end) {
      return overlap(start, Math.max(end, start + 1)) === 0;
    },
    writerShare(start, end) {
      if (end <= start) return 1;
      return 1 - overlap(start, end) / (end - start);
    },
  };
}

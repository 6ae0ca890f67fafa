/**
 * Unsupported claims, found the way a fact-checker reads: a sentence that the check-worthiness model scores as a
 * checkable factual claim, in the writer's own voice, with no source in it or in the sentence before it (no one
 * credited, no document named, no link), is marked, with the kind of claim and why it counts as unsupported.
 * Its confidence is the precision measured on held-out data at its score (the model's calibration table).
 */
import type { Finding } from '../types';
import type { Span } from '../text/segment';
import { findQuotes } from '../text/quotes';
import { attributionOf, type SentenceAttribution } from '../analyze/attribution';
import { MAX_CHARS } from './features';
import type { CheckworthyModel } from './model';

/** Findings' rule ids: `unsupported-claim.<kind>`, the kind of claim the sentence makes. */
export const RULE_PREFIX = 'unsupported-claim';

export type ClaimKind = 'number' | 'event' | 'causal' | 'accusation' | 'prediction';

/** What the stage needs of the voice analysis: whether a stretch of text is all the writer's own. */
export interface WriterVoice {
  isWriter(start: number, end: number): boolean;
}

export interface Interval {
  start: number;
  end: number;
}

export interface ClaimOptions {
  /** Whose words each stretch is; without it, speakers' quotations (utils/text/quotes.ts) are the speakers'. */
  voice?: WriterVoice;
  /** Speakers' quotations (utils/text/quotes.ts), when the caller has them already. */
  speech?: readonly Interval[];
  /** The spans of the page's links: a sentence with a link cites something. */
  links?: readonly Interval[];
  /** Leave out findings below this confidence. */
  threshold?: number;
  /** How many sentences either side must carry no source (CONTEXT unless given; evaluations try others). */
  context?: number;
  /** The technique note for the category. */
  noteId?: string;
}

const PREDICTION =
  /\b(?:will|won['’]t|is (?:likely|expected|set|poised|going) to|are (?:likely|expected|set|poised|going) to|(?:would|will) likely|likely (?:to|will)|is bound to|are bound to|is on track to|are on track to)\b/i;
const CAUSAL =
  /\b(?:because(?: of)?|caused|causes|causing|due to|led to|leads to|leading to|as a result(?: of)?|result(?:s|ed)? (?:of|in|from)|thanks to|responsible for|blamed? (?:for|on)|driven by|triggered|fuel(?:l?ed|s)|so that|therefore)\b/i;
const ACCUSATION =
  /\b(?:lied|lies (?:to|about)|lying (?:to|about)|illegal(?:ly)?|unlawful(?:ly)?|fraud(?:ulent)?|corrupt(?:ion)?|stole|stolen|steal|bribe[sd]?|brib(?:ery|ing)|cover(?:ed)?[- ]up|rigged|violat(?:ed|es|ing)|broke the law|war crimes?|criminal|abuse[sd]?|conspir(?:ed|acy)|collu(?:ded|sion)|staged|fabricated|orchestrated|responsible for|behind the|terroris[tm]s?|atrocit(?:y|ies)|killed|murdered|massacred|tortured)\b/i;
const NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozens?|half|twice|doubled?|tripled?|percent)\b/i;

/** How many sentences either side must carry no source for a claim that is not epistemic to be marked. */
export const CONTEXT = 12;
// A claim about what the evidence shows, or that there is none, in the writer's own voice: "developments show
// that…", "are not confirmed by evidence", "there is no evidence that…". It asks for a source wherever it stands.
// "Dropped for lack of evidence" reports why someone acted, not the writer's verdict on the evidence.
const EPISTEMIC =
  /\b(?:(?:no|not|without|(?<!\b(?:for|of) (?:a |the )?)lack of|little|any) (?:\w+ )?(?:evidence|proof)|(?:not|never|un)(?: been| yet)? (?:confirmed|proven|substantiated)|confirmed by (?:evidence|facts)|(?:evidence|developments|facts|events|signs|experience|history) (?:show|shows|suggest|suggests|prove|proves|indicate|indicates|point to|points to|make it clear))\b/i;

/**
 * The confidence of an epistemic claim the model scores below its threshold: the rule's, as the phrasing rules
 * state theirs (dataset/rules/en.json), shown at the default sensitivity.
 */
export const EPISTEMIC_CONFIDENCE = 0.55;

// A photo caption or credit: it shows, it does not assert.
const CAPTION =
  /\b(?:hide caption|caption \d+ of \d+|photos?:|photo credit|(?:ap|reuters|afp|getty|epa) (?:photo|images)|getty images|file photo|pictured|\(photo\b|image:|video:|just watched|must watch|replay more videos|story highlights)/i;
// Speech taken down as it was spoken, its pauses as ellipses: a transcript, the speakers' words.
const TRANSCRIPT = /(?:\.\.\.|…)(?:[^.…]+(?:\.\.\.|…)){2}/;

// A gallery caption says what a picture shows, in the present tense, and ends on the day it was taken: "Debris
// from the airliner is seen on November 1", "Paramedics load the bodies … on Saturday, October 31".
const CAPTION_DATE =
  /(?:\bon|,)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}(?:, \d{4})?\W*$/;
const PAST =
  /\b(?:\w{2,}ed|was|were|had|did|said|told|won|lost|took|made|came|went|gave|got|ran|began|left|met|held|fell|rose|will|would)\b/i;
// What a caption's tense is read on: its main clause, without a clause that says what happened before ("lies at
// the site where the plane crashed"), a participle after "is"/"are" ("are left at", "is seen") or before its
// agent ("hearings held by the committee").
function mainClause(sentence: string): string {
  return sentence
    .replace(/\s(?:where|who|which|that|after|when|while|as|because|since)\s.*$/is, '')
    .replace(/\b(?:is|are)\s+(?:being\s+)?[\p{L}-]+/giu, 'is')
    .replace(/\b[\p{L}-]+(?:ed|held|made|taken|left|seen)\s+by\b/giu, '');
}
// A photo credit on a line of its own, after the caption it credits: "(Saul Loeb/Pool via Reuters)", "(AP
// Photo/Evan Vucci)", "Photo by Jane Doe/Getty Images".
const CREDIT =
  /^(?:\((?:[^()\n]{0,60}\/[^()\n]{0,60}|[^()\n]{0,40}\bvia (?:\p{Lu}[\p{L}.]*\s?){1,3})\)|\(?(?:[Pp]hoto|[Ii]mage|[Pp]icture)s? (?:by|courtesy of|credit)[^()\n]{0,60}\)?)\.?$/u;

// A transcript laid out with each speaker's name on a line of its own, in lower case as some outlets style it
// ("michael barbaro", then the turn), or with the archive's tag ("archived recording (donald trump) …"): from the
// first such line on, the article is the speakers' words.
const SPEAKER_LINE = /^(?:[a-z][a-z'’.-]+(?: [a-z][a-z'’.-]+){1,2}|archived recording\b.*|\[[a-z ]+\])$/;
const ARCHIVE = /^archived recording\b/;

/** Where a transcript laid out by speakers' lines begins (at least three such lines), or -1. */
function transcriptStart(text: string): number {
  let first = -1;
  let lines = 0;
  let at = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t && (SPEAKER_LINE.test(t) || ARCHIVE.test(t)) && !/[.!?]$/.test(t)) {
      if (first < 0) first = at;
      lines++;
    }
    at += line.length + 1;
  }
  return lines >= 3 ? first : -1;
}

// A title that lists or invites rather than asserts: "7 Policy Questions Ahead Of The Debate", "The Tea Party's 5
// biggest 2016 problems", "Five takeaways from the announcement", "Meet The Candidates In 100 Words".
const COUNT =
  '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|thirty|fifty|hundred)';
const LIST_TITLE = new RegExp(
  `^(?:(?:the|these)\\s+|(?:[\\p{L}.-]+\\s+){0,2}[\\p{L}.-]+['’]s\\s+)?${COUNT}\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}?[\\p{L}-]+s(?:\\s*$|\\s*[:—–-]|\\s+(?:of|for|from|ahead|about|on|to|that|we|you|behind|why|how)\\b)`,
  'iu',
);
const INVITE_TITLE = /^(?:meet|watch|listen(?: to)?|read|see|look|take a look|explore|here['’]s|here are|how to)\b/i;

/** The kind of claim a sentence makes, by its wording: a prediction, a cause, an accusation, a number, or else an event. */
export function claimKind(sentence: string): ClaimKind {
  if (PREDICTION.test(sentence)) return 'prediction';
  if (ACCUSATION.test(sentence)) return 'accusation';
  if (CAUSAL.test(sentence)) return 'causal';
  if (NUMBER.test(sentence)) return 'number';
  return 'event';
}

const KIND_WORDS: Record<ClaimKind, string> = {
  number: 'a claim about a number or a quantity',
  event: 'a claim that something happened or is so',
  causal: 'a claim about what caused what',
  accusation: 'an accusation',
  prediction: 'a prediction stated as fact',
};

/** A sentence's own text without its leading connective and its closing full stop: the claim's span. */
function claimSpan(text: string, s: Span): Span {
  let start = s.start;
  let end = s.end;
  // "Now that they…" and "Still does…" open the clause: only "now," and "still," are connectives there.
  const lead =
    /^(?:(?:but|and|so|yet|however|meanwhile|moreover|indeed|in fact|also|then|now(?!\s+that\b)|still(?=,)),?\s+)/i.exec(
      text.slice(start, Math.min(end, start + 20)),
    );
  if (lead && start + lead[0].length < end) start += lead[0].length;
  while (end > start && /[.!;:,\s]/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : s;
}

function quotesVoice(speech: readonly Interval[]): WriterVoice {
  return {
    isWriter(start, end) {
      for (const q of speech) if (q.start < end && q.end > start) return false;
      return true;
    },
  };
}

/**
 * Which sentences credit what they say to a source the reader could identify: a cue with a subject that is not
 * passive, vague or a bare "reports that", a document, a quotation, a link.
 */
function sourced(text: string, s: Span, a: SentenceAttribution): boolean {
  if (!a.attributed) return false;
  if (a.how !== 'cue' || !a.cue) return true;
  const before = text.slice(Math.max(s.start, a.cue.start - 40), a.cue.start);
  const cue = text.slice(a.cue.start, a.cue.end).toLowerCase();
  // "I think", "we believe": the speaker's own view is no source.
  if (/\b(?:i|we|you)\s+(?:\w+\s+)?$/i.test(before)) return false;
  // "Clashes were reported": passive, with no one named (unless "by …" follows).
  if (/\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|also\s+|not\s+)?$/i.test(before)) {
    return /^\s+by\b/i.test(text.slice(a.cue.end, a.cue.end + 5));
  }
  // "reports that …", "claims that …" with no one's reports: the noun carries no source.
  if (
    /^(?:reports|claims|poll|polls|study|survey|statement|remarks)$/.test(cue) &&
    !/[\p{Lu}’'s]\S*\s+$/u.test(before)
  ) {
    if (!/\b(?:his|her|their|its|the [\p{Lu}][\p{L}]+|[\p{Lu}][\p{L}]+['’]s)\s+$/u.test(before)) return false;
  }
  // "some sources say", "experts believe": anonymous.
  const sentence = text.slice(s.start, s.end);
  return !/\b(?:some|unnamed|anonymous|unknown|certain|many|several) (?:\w+ )?(?:sources|officials|experts|critics|observers|analysts|people|reports)\b|\b(?:sources|experts|critics|observers|analysts) (?:say|said|believe|claim|argue)\b|\b(?:it is|it's|it was) (?:said|believed|thought|reported|claimed)\b/i.test(
    sentence,
  );
}

export interface ClaimScore {
  sentence: number;
  score: number;
  /** Why it is not a finding, when it is not. */
  skipped?:
    | 'question'
    | 'short'
    | 'long'
    | 'speaker'
    | 'sourced'
    | 'sourced-nearby'
    | 'caption'
    | 'title'
    | 'repeat'
    | 'below-threshold';
}

/**
 * The unsupported-claim findings of a text. `sentences` are the text's sentence spans; the first line (before a
 * blank line) is the headline when a body follows, and is read as a claim like any other sentence.
 */
export function findUnsupportedClaims(
  text: string,
  sentences: readonly Span[],
  model: CheckworthyModel,
  options: ClaimOptions = {},
  trace?: ClaimScore[],
): Finding[] {
  const speech = options.speech ?? findQuotes(text).filter((q) => q.kind === 'speech');
  const voice = options.voice ?? quotesVoice(speech);
  const attribution = attributionOf(text, sentences, speech, options.links ?? []);
  // Paragraphs are the text's lines (blocks are separated by line breaks); a sentence never spans two.
  const paragraphOf: number[] = [];
  const paragraphSourced: boolean[] = [];
  let line = 0;
  let at = 0;
  sentences.forEach((s, i) => {
    for (let nl = text.indexOf('\n', at); nl >= 0 && nl < s.start; nl = text.indexOf('\n', nl + 1)) {
      line++;
      at = nl + 1;
    }
    paragraphOf[i] = line;
    if (sourced(text, s, attribution[i]!)) paragraphSourced[line] = true;
  });
  // Sentences that carry a source or a speaker's words, in order, for the distance to the nearest one.
  const sources: number[] = [];
  sentences.forEach((s, i) => {
    if (sourced(text, s, attribution[i]!) || !voice.isWriter(s.start, s.end)) sources.push(i);
  });
  const nearestSource = (i: number): number => {
    let lo = 0;
    let hi = sources.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sources[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    const after = sources[lo];
    const before = sources[lo - 1];
    return Math.min(after === undefined ? Infinity : after - i, before === undefined ? Infinity : i - before);
  };
  const context = options.context ?? CONTEXT;
  const transcript = transcriptStart(text);
  // Sentences already read: a headline the body repeats, a gallery caption shown twice, is one claim.
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const sentence = text.slice(s.start, s.end);
    const skip = (why: ClaimScore['skipped'], score = 0) => trace?.push({ sentence: i, score, skipped: why });
    const key = sentence
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (seen.has(key)) {
      skip('repeat');
      continue;
    }
    seen.add(key);
    // A question asks; it does not assert.
    if (/\?[”"’')\]]*$/.test(sentence)) {
      skip('question');
      continue;
    }
    const words = sentence.split(/\s+/).length;
    if (words < 4) {
      skip('short');
      continue;
    }
    // A run of thousands of characters with no full stop is a list, a table or a broken page, not a sentence.
    if (sentence.length > MAX_CHARS) {
      skip('long');
      continue;
    }
    if (!voice.isWriter(s.start, s.end) || TRANSCRIPT.test(sentence) || (transcript >= 0 && s.start >= transcript)) {
      skip('speaker');
      continue;
    }
    const a = attribution[i]!;
    if (sourced(text, s, a)) {
      skip('sourced');
      continue;
    }
    // A source credited in the sentence before, or anywhere in the same paragraph, covers the paragraph: "The
    // report found…; it also said…", and the reporter's paragraph of background around a quoted official.
    if (paragraphSourced[paragraphOf[i]!]) {
      skip('sourced-nearby');
      continue;
    }
    // A line of its own: a title, a subheading, a caption (with its photo credit after it on the same line).
    const startsLine = (x: Span) => x.start === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, x.start - 20), x.start));
    const endsLine = (x: Span) => /^[ \t]*(?:\n|$)/.test(text.slice(x.end, x.end + 20));
    const line = startsLine(s) && endsLine(s);
    const next = sentences[i + 1];
    if (
      CAPTION.test(sentence) ||
      (CAPTION_DATE.test(sentence) && !PAST.test(mainClause(sentence))) ||
      (startsLine(s) && next && endsLine(next) && CREDIT.test(text.slice(next.start, next.end).trim()))
    ) {
      skip('caption');
      continue;
    }
    // A title or subheading (with no closing stop) that lists or invites: no claim.
    if (line && !/[.!]\s*$/.test(sentence) && (LIST_TITLE.test(sentence) || INVITE_TITLE.test(sentence))) {
      skip('title');
      continue;
    }
    // In a stretch of sourced reporting, a checkable sentence without its own source is most often background
    // the reporting around it stands behind: only a claim with no source and no quotation among the CONTEXT
    // sentences either side is marked, unless it is a claim about what the evidence shows, which needs its own
    // source wherever it stands.
    const epistemic = EPISTEMIC.test(sentence);
    if (!epistemic && nearestSource(i) <= context) {
      skip('sourced-nearby');
      continue;
    }
    const score = model.score(sentence);
    // The model learnt check-worthiness from debates, where a verdict on the evidence ("developments show that
    // …", "not confirmed by evidence") is rarely labelled a factual claim; unsourced, it is one all the same.
    if (score < model.threshold && !epistemic) {
      skip('below-threshold', score);
      continue;
    }
    const confidence = score < model.threshold ? EPISTEMIC_CONFIDENCE : model.precisionAt(score);
    if (confidence < (options.threshold ?? 0)) {
      skip('below-threshold', score);
      continue;
    }
    trace?.push({ sentence: i, score });
    const kind = claimKind(sentence);
    const why =
      score < model.threshold
        ? `It is ${epistemic ? 'a claim about what the evidence shows' : 'a claim'}, which needs a source wherever it stands (check-worthiness ${score.toFixed(2)}).`
        : `The check-worthiness model scores it ${score.toFixed(2)}; at that score ${Math.round(confidence * 100)}% of the sentences it marks on held-out data are check-worthy claims.`;
    const span = claimSpan(text, s);
    findings.push({
      category: 'unsupported-claim',
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      noteId: options.noteId ?? 'technique/unsupported-claim',
      confidence,
      ruleId: `${RULE_PREFIX}.${kind}`,
      explain:
        `A checkable claim (${KIND_WORDS[kind]}) in the writer's own voice, with no source in this sentence or ` +
        `its paragraph${epistemic ? '' : ` nor in the ${context} sentences either side`}: no one is credited, and ` +
        `no document, data or link is cited. ${why}`,
      sentence: i,
    });
  }
  return findings;
}

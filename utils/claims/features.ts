/**
 * A sentence as sparse hashed features, for the check-worthiness model. The same code makes the training files
 * (scripts/dump-checkworthy.ts) and scores in the background, so training and inference see the same features.
 *
 * Words are lower-cased; a token with a digit becomes its shape (`<year>`, `<pct>`, `<money>`, `<num>`), so that
 * the model learns "a number" rather than each number. Features: word unigrams and bigrams, and cue features (a
 * number, a year, a percentage, a sum of money, a comparative, a modal of prediction, a causal connective, a
 * first- or second-person pronoun, a question mark, the sentence's length), each hashed by FNV-1a into `2^bits`
 * buckets. Values are binary, scaled by 1/√n so a long sentence does not outweigh a short one.
 */

export const FEATURE_VERSION = 2;
/** The longest stretch of a sentence read, in characters: a 5,000-word paragraph costs what its start costs. */
export const MAX_CHARS = 1200;

export interface FeatureSpec {
  version: number;
  bits: number;
}

export interface SparseVector {
  indices: number[];
  values: number[];
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const TOKEN = /[\p{L}\p{N}$£€%][\p{L}\p{N}\p{M}'’.,%$-]*/gu;

// The two parties, and the presidents and the two parties' nominees for president and vice-president since 1960
// (the debates the model learns from), each read as one shape: which party or which candidate a sentence names
// is no evidence that it makes a checkable claim, and a model that weighed it would score one side's sentences
// higher than the same sentence about the other side.
const PARTY = /^(?:democrats?|democratic|dems?|republicans?|gop)$/;
const LEADER =
  /^(?:kennedy|nixon|lodge|johnson|goldwater|humphrey|agnew|muskie|mcgovern|ford|carter|dole|mondale|reagan|bush|ferraro|dukakis|bentsen|quayle|clinton|gore|kemp|lieberman|cheney|kerry|edwards|mccain|palin|obama|biden|romney|ryan|trump|pence|kaine|harris)$/;

/** One token's form for the model: digits become a shape, trailing punctuation goes. */
export function shape(raw: string): string {
  const t = raw.toLowerCase().replace(/[.,'’-]+$/u, '');
  if (!/\d/.test(t)) {
    const w = t.replace(/’/g, "'");
    const base = w.replace(/'s$/, '');
    if (PARTY.test(base)) return '<party>';
    if (LEADER.test(base)) return '<leader>';
    return w;
  }
  if (/^[$£€]/.test(t)) return '<money>';
  if (/%$|percent/.test(t)) return '<pct>';
  if (/^(?:1[6-9]|20)\d\d(?:s|'s)?$/.test(t)) return '<year>';
  if (/^\d+(?:st|nd|rd|th)$/.test(t)) return '<ord>';
  return '<num>';
}

const NUMBER_WORD =
  /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozen|dozens|half|third|quarter|percent|twice|double|doubled|tripled|halved)$/;
const COMPARATIVE =
  /^(?:more|less|fewer|most|least|higher|lower|larger|smaller|increase[sd]?|decrease[sd]?|rose|fell|grew|dropped|cut|raised|doubled|tripled|highest|lowest|largest|biggest|record)$/;
const MODAL = /^(?:will|won't|would|shall|going|likely|expected|expects|set|poised|plans|plan|intends|soon)$/;
const CAUSAL =
  /^(?:because|caused|causes|cause|led|leads|result|resulted|due|thanks|therefore|consequently|since|so|blame[sd]?|responsible)$/;
const FIRST = /^(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|we've|we'll|we'd|us|our|ours)$/;
const SECOND = /^(?:you|you're|you've|your|yours)$/;
const OPINION =
  /^(?:think|believe|feel|hope|want|wish|should|must|need|needs|ought|can|let's|let|thank|thanks|please|agree|disagree)$/;

/** The tokens of a sentence as the model reads them. */
export function tokens(sentence: string): string[] {
  const text = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence;
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = shape(m[0]);
    if (t) out.push(t);
  }
  return out;
}

/** The named features of a sentence, before hashing (for tests and for reading what the model sees). */
export function featureNames(sentence: string): string[] {
  const toks = tokens(sentence);
  const names = new Set<string>();
  let prev = '<s>';
  let numbers = 0;
  let first = 0;
  for (const t of toks) {
    names.add('w:' + t);
    names.add('b:' + prev + ' ' + t);
    prev = t;
    if (t.startsWith('<') || NUMBER_WORD.test(t)) {
      numbers++;
      names.add('c:number');
    }
    if (t === '<year>') names.add('c:year');
    if (t === '<pct>' || t === 'percent') names.add('c:pct');
    if (t === '<money>' || t === 'dollars') names.add('c:money');
    if (COMPARATIVE.test(t)) names.add('c:comparative');
    if (MODAL.test(t)) names.add('c:modal');
    if (CAUSAL.test(t)) names.add('c:causal');
    if (FIRST.test(t)) first++;
    if (SECOND.test(t)) names.add('c:second');
    if (OPINION.test(t)) names.add('c:opinion');
  }
  names.add('b:' + prev + ' </s>');
  if (numbers > 1) names.add('c:numbers');
  if (first) names.add(first > 1 ? 'c:first2' : 'c:first');
  const trimmed = sentence.trimEnd();
  if (trimmed.endsWith('?')) names.add('c:question');
  if (trimmed.endsWith('!')) names.add('c:exclaim');
  const n = toks.length;
  names.add(n < 6 ? 'c:len<6' : n < 12 ? 'c:len<12' : n < 25 ? 'c:len<25' : n < 40 ? 'c:len<40' : 'c:len40+');
  // Capitalised words after the first: names of people, places, bodies.
  const caps = sentence.slice(0, MAX_CHARS).match(/(?<=\s)\p{Lu}[\p{L}.'’-]+/gu)?.length ?? 0;
  if (caps) names.add(caps > 2 ? 'c:names3' : 'c:names');
  return [...names];
}

/** The hashed sparse vector of a sentence: indices sorted, values 1/√n. */
export function featurize(sentence: string, spec: FeatureSpec): SparseVector {
  const mask = (1 << spec.bits) - 1;
  const set = new Set<number>();
  for (const name of featureNames(sentence)) set.add(fnv1a(name) & mask);
  const indices = [...set].sort((a, b) => a - b);
  const v = indices.length ? 1 / Math.sqrt(indices.length) : 0;
  return { indices, values: indices.map(() => v) };
}

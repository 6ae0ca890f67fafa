/**
 * Context notes for a page: claim notes by the sentences that make or discuss the claim, term notes by name,
 * outlet notes by the site's hostname and by the names a syndicated piece credits.
 */
import type { Finding, OutletContext, OutletRef } from '../types';
import type { CompiledDataset } from '../dataset/compile';
import { ratingForUrl } from '../dataset/ratings';
import { fastEdgesHold, patternSource, type PatternMode } from '../analyze/pattern';
import { spanAt, type Span } from '../text/segment';
import { DEFAULT_THRESHOLD, type ClaimRetriever } from './bm25';

const LETTERS = '[\\p{L}\\p{N}]';

function phraseSource(phrase: string, mode: PatternMode = 'unicode'): string {
  const words = phrase
    .replace(/[()|~*?_]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // The last word may be inflected: "chemical attack" finds "chemical attacks".
  return patternSource(
    words.map((w, i) => (i === words.length - 1 && /\p{L}$/u.test(w) ? `${w}~` : w)).join(' '),
    mode,
  );
}

interface CompiledClaims {
  phrases: RegExp[];
  /** For each claim: its groups, as indices into `phrases`. */
  groups: { id: string; groups: number[][] }[];
}

const claimCache = new WeakMap<CompiledDataset, CompiledClaims>();

function compileClaims(data: CompiledDataset): CompiledClaims {
  let c = claimCache.get(data);
  if (c) return c;
  const index = new Map<string, number>();
  const phrases: RegExp[] = [];
  const groups = data.claims.map((claim) => ({
    id: claim.id,
    groups: claim.phrases.map((group) =>
      group.map((p) => {
        const key = p.toLowerCase();
        let i = index.get(key);
        if (i === undefined) {
          i = phrases.length;
          index.set(key, i);
          // Lower-case literals over lower-cased text, ASCII edges in the expression and the others checked after
          // it: the same matches as a case-insensitive Unicode expression, far cheaper to compile.
          phrases.push(new RegExp(`(?<![a-z0-9])${phraseSource(p, 'fast')}(?![a-z0-9])`, 'gu'));
        }
        return i;
      }),
    ),
  }));
  c = { phrases, groups };
  claimCache.set(data, c);
  return c;
}

const CLAIM_EXPLAIN = 'This sentence makes or discusses a claim that a context note covers.';
const RETRIEVAL_EXPLAIN = 'This sentence is close in wording to a claim that a fact-checker reviewed';

/** Imported claims, matched by retrieval rather than phrase groups. */
export interface ClaimSearch {
  retriever: ClaimRetriever;
  /** The calibrated score a sentence must reach; DEFAULT_THRESHOLD when not given. */
  threshold?: number;
  /** Claims in the index only for its statistics (the bundled ones, matched by their phrases instead). */
  exclude?: ReadonlySet<string>;
}

/**
 * Retrieval findings: for each sentence, the best imported claim whose calibrated score clears the threshold,
 * spanning the sentence. Their confidence stays below the phrase matches', which win where both cover a span.
 */
export function retrieveClaims(text: string, sentences: Span[], search: ClaimSearch): Finding[] {
  const threshold = search.threshold ?? DEFAULT_THRESHOLD;
  if (!search.retriever.size) return [];
  const findings: Finding[] = [];
  sentences.forEach((span, si) => {
    const sentence = text.slice(span.start, span.end);
    const tokens = search.retriever.queryTokens(sentence);
    if (tokens.length < 3) return;
    const best = search.retriever
      .searchTokens(tokens, search.exclude?.size ? 4 : 1, threshold)
      .find((hit) => !search.exclude?.has(hit.id));
    if (!best) return;
    const lead = sentence.length - sentence.trimStart().length;
    const start = span.start + lead;
    const end = span.start + sentence.trimEnd().length;
    findings.push({
      category: 'claim-context',
      start,
      end,
      text: text.slice(start, end),
      noteId: best.id,
      confidence: Math.round((0.5 + 0.35 * best.score) * 100) / 100,
      ruleId: 'claim-context.retrieval',
      explain: `${RETRIEVAL_EXPLAIN} (match ${Math.round(best.score * 100)}%).`,
      sentence: si,
    });
  });
  return findings;
}
const TERM_EXPLAIN = 'A group, place or term that a context note explains.';

/** Claim-context findings: one per claim and sentence, spanning the phrases that matched. */
export function matchClaims(
  text: string,
  sentences: Span[],
  data: CompiledDataset,
  imported?: ClaimSearch | null,
): Finding[] {
  const retrieved = imported ? retrieveClaims(text, sentences, imported) : [];
  const { phrases, groups } = compileClaims(data);
  // Occurrences of each phrase, by sentence.
  let folded = text.toLowerCase();
  // Where lower-casing changes the length, offsets would drift: match the text as it is (rare; close enough).
  if (folded.length !== text.length) folded = text;
  const hits: Map<number, Span[]>[] = phrases.map((re) => {
    const bySentence = new Map<number, Span[]>();
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (!fastEdgesHold(folded, m.index, m.index + m[0].length)) continue;
      const si = spanAt(sentences, m.index);
      if (si < 0) continue;
      const list = bySentence.get(si) ?? [];
      list.push({ start: m.index, end: m.index + m[0].length });
      bySentence.set(si, list);
    }
    return bySentence;
  });
  const findings: Finding[] = [];
  for (const claim of groups) {
    const matched = new Map<number, Span>();
    for (const group of claim.groups) {
      const first = hits[group[0]!]!;
      for (const si of first.keys()) {
        if (matched.has(si) || !group.every((p) => hits[p]!.has(si))) continue;
        const spans = group.flatMap((p) => hits[p]!.get(si)!);
        matched.set(si, {
          start: Math.min(...spans.map((s) => s.start)),
          end: Math.max(...spans.map((s) => s.end)),
        });
      }
    }
    for (const [si, span] of matched) {
      findings.push({
        category: 'claim-context',
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        noteId: claim.id,
        confidence: 0.9,
        ruleId: 'claim-context.phrases',
        explain: CLAIM_EXPLAIN,
        sentence: si,
      });
    }
  }
  return [...findings, ...retrieved];
}

interface CompiledTerms {
  /** Names, any case. */
  names: RegExp | null;
  /** Acronyms, in capitals only (SDF, not "sdf"). */
  acronyms: RegExp | null;
  ids: Map<string, string>;
}

const termCache = new WeakMap<CompiledDataset, CompiledTerms>();

function termKey(found: string): string {
  return found
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[-\s]+/g, ' ');
}

function alternation(sources: { src: string; length: number }[], flags: string): RegExp | null {
  if (!sources.length) return null;
  sources.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<!${LETTERS})(?:${sources.map((s) => s.src).join('|')})(?!${LETTERS})`, flags);
}

function compileTerms(data: CompiledDataset): CompiledTerms {
  const cached = termCache.get(data);
  if (cached) return cached;
  const ids = new Map<string, string>();
  const names: { src: string; length: number }[] = [];
  const acronyms: { src: string; length: number }[] = [];
  for (const term of data.terms) {
    for (const alias of term.aliases) {
      const acronym = /^[\p{Lu}\p{N}&.-]+$/u.test(alias) && alias.length <= 8;
      const key = acronym ? alias : termKey(alias);
      if (ids.has(key)) continue;
      ids.set(key, term.id);
      if (acronym) acronyms.push({ src: alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), length: alias.length });
      else names.push({ src: phraseSource(alias), length: alias.length });
    }
  }
  const compiled = { names: alternation(names, 'giu'), acronyms: alternation(acronyms, 'gu'), ids };
  termCache.set(data, compiled);
  return compiled;
}

/** Term-context findings: the first mention of each term in the text. */
export function matchTerms(text: string, sentences: Span[], data: CompiledDataset): Finding[] {
  const { names, acronyms, ids } = compileTerms(data);
  const found: { index: number; text: string; id: string }[] = [];
  for (const re of [names, acronyms]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const id = ids.get(m[0]) ?? ids.get(termKey(m[0])) ?? aliasFallback(m[0], ids);
      if (id) found.push({ index: m.index, text: m[0], id });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const f of found) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    findings.push({
      category: 'term-context',
      start: f.index,
      end: f.index + f.text.length,
      text: f.text,
      noteId: f.id,
      confidence: 0.9,
      ruleId: 'term-context.alias',
      explain: TERM_EXPLAIN,
      sentence: spanAt(sentences, f.index),
    });
  }
  return findings;
}

// An inflected or differently punctuated alias ("Tabqah's"): find the alias it starts with.
function aliasFallback(found: string, ids: Map<string, string>): string | undefined {
  const k = termKey(found);
  let best: string | undefined;
  let bestLength = 0;
  for (const [alias, id] of ids) {
    const a = alias.toLowerCase();
    if (k.startsWith(a) && a.length > bestLength) {
      best = id;
      bestLength = a.length;
    }
  }
  return best;
}

/** The outlet note for the site the page is on: its hostname or any parent domain. */
export function outletForHost(hostname: string, data: CompiledDataset): OutletRef | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: OutletRef | null = null;
  for (const outlet of data.outlets) {
    for (const domain of outlet.domains) {
      if ((host === domain || host.endsWith(`.${domain}`)) && (!best || domain.length > best.domain.length))
        best = { noteId: outlet.id, domain };
    }
  }
  return best;
}

/**
 * The outlet of the page's own address: its written note (which wins, and keeps the domain it names) and the
 * published rating of the domain, where either exists; null where there is neither.
 */
export function outletContext(pageUrl: string | null, data: CompiledDataset): OutletContext | null {
  let url: URL | null;
  try {
    url = pageUrl ? new URL(pageUrl) : null;
  } catch {
    url = null;
  }
  if (!url?.hostname) return null;
  const note = outletForHost(url.hostname, data);
  const rated = ratingForUrl(url, data.ratings);
  if (!note && !rated) return null;
  const out: OutletContext = { domain: note?.domain ?? rated!.domain };
  if (note) out.noteId = note.noteId;
  if (rated) out.rating = rated.rating;
  return out;
}

/** Outlet notes named by a syndicated piece (byline, original publisher), never the site's own note twice. */
const LETTER = /\p{L}/u;

/** Whether `phrase` stands in `text` as whole words. */
function containsWord(text: string, phrase: string): boolean {
  if (!phrase) return false;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const before = text[i - 1];
    const after = text[i + phrase.length];
    if ((before === undefined || !LETTER.test(before)) && (after === undefined || !LETTER.test(after))) return true;
  }
  return false;
}

export function outletsByName(names: (string | null)[], data: CompiledDataset, exclude?: string): OutletRef[] {
  const wanted = names.filter((n): n is string => !!n).map((n) => n.toLowerCase().replace(/\s+/g, ' '));
  const out: OutletRef[] = [];
  for (const outlet of data.outlets) {
    if (outlet.id === exclude) continue;
    const hit = outlet.names.some((name) => {
      const n = name.toLowerCase();
      return wanted.some((w) => containsWord(w, n));
    });
    if (hit) out.push({ noteId: outlet.id, domain: outlet.domains[0]! });
  }
  return out;
}

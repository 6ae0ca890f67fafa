/**
 * schema.org ClaimReview in, Gloss claim notes out. The input may be one ClaimReview object, an array of them,
 * a JSON-LD document with an `@graph`, a schema.org `DataFeed` whose `dataFeedElement` items carry ClaimReviews
 * (in a `DataFeedItem`'s `item`, or directly: the form of the large public fact-check feeds), or JSON Lines (one
 * of those a line). Every review becomes a claim
 * note that keeps its address, author, rating and date; a review that cannot be read safely is skipped with a
 * reason, and nothing is ever interpreted as HTML: a field that contains markup is refused, not cleaned.
 */
import { importedClaimSchema, importedDatasetSchema, type ImportedClaim, type ImportedDataset } from './schema';

export interface ImportOptions {
  /** What the data came from (a file name), kept in every note's provenance. */
  importedFrom: string;
  /** The licence the data is published under, as the user states it. */
  license?: string;
  /** A name for the import; the file name when not given. */
  name?: string;
  /** The date of the import (YYYY-MM-DD); today when not given. */
  today?: string;
}

export interface Skipped {
  /** Where the entry sits: its position among the reviews found (1-based) and its line for JSON Lines. */
  at: string;
  reason: string;
}

export interface ImportResult {
  dataset: ImportedDataset;
  skipped: Skipped[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** Limits on what one review may carry. */
export const LIMITS = { claim: 2000, title: 500, name: 200, url: 2048, input: 256 * 1024 * 1024 } as const;

const HTML = /<\/?[a-z!][^>]*>|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(v: Record<string, Json>): string[] {
  const t = v['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Reads the input as JSON, or else as JSON Lines; returns each candidate review with where it was found. */
export function parseInput(text: string): { value: unknown; at: string }[] {
  if (text.length > LIMITS.input) throw new ImportError('the file is larger than 256 MiB');
  const body = text.replace(/^\uFEFF/, '');
  let whole: unknown;
  let jsonOk = true;
  try {
    whole = JSON.parse(body);
  } catch {
    jsonOk = false;
  }
  const out: { value: unknown; at: string }[] = [];
  if (jsonOk) {
    collect(whole, out, '');
    return out;
  }
  const lines = body.split(/\r?\n/);
  let parsedAny = false;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value: unknown = JSON.parse(line);
      parsedAny = true;
      collect(value, out, `line ${i + 1}`);
    } catch {
      out.push({ value: undefined, at: `line ${i + 1}` });
    }
  });
  if (!parsedAny) throw new ImportError('not JSON, JSON-LD or JSON Lines');
  return out;
}

/** The candidate reviews in a parsed value, each with where it was found. */
export function collect(value: unknown, out: { value: unknown; at: string }[], where: string): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, where);
    return;
  }
  if (isObject(value) && !('claimReviewed' in value)) {
    // A JSON-LD document's @graph; a DataFeed's elements; a DataFeedItem's item (one review or a list).
    for (const key of ['@graph', 'dataFeedElement'] as const) {
      const list = value[key];
      if (Array.isArray(list)) {
        for (const v of list) collect(v, out, where);
        return;
      }
    }
    if (typesOf(value).includes('DataFeedItem') || (value.item !== undefined && !typesOf(value).length)) {
      if (value.item === undefined || value.item === null) out.push({ value: { '@type': 'DataFeedItem' }, at: where });
      else collect(value.item, out, where);
      return;
    }
  }
  // A page's JSON-LD may hold other things beside its reviews: only ClaimReviews (or untyped objects that carry a
  // claimReviewed) count; a feed item without its review is reported.
  if (isObject(value) && typesOf(value).length && !typesOf(value).includes('ClaimReview')) {
    if (typesOf(value).includes('DataFeedItem')) out.push({ value, at: where });
    return;
  }
  out.push({ value, at: where });
}

class Skip extends Error {}

function str(v: unknown, field: string, max: number, required: true): string;
function str(v: unknown, field: string, max: number, required?: false): string | undefined;
function str(v: unknown, field: string, max: number, required = false): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) throw new Skip(`no ${field}`);
    return undefined;
  }
  if (typeof v !== 'string') {
    if (required) throw new Skip(`${field} is not a string`);
    throw new Skip(`${field} is ${Array.isArray(v) ? 'an array' : `a ${typeof v}`}, not a string`);
  }
  const s = v.replace(/\s+/g, ' ').trim();
  if (!s) {
    if (required) throw new Skip(`${field} is empty`);
    return undefined;
  }
  if (s.length > max) throw new Skip(`${field} is longer than ${max} characters`);
  if (HTML.test(s)) throw new Skip(`${field} contains HTML`);
  // Control characters other than white space have no place in a note.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) throw new Skip(`${field} contains control characters`);
  }
  return s;
}

function httpUrl(v: unknown, field: string): string | undefined {
  const s = str(v, field, LIMITS.url);
  if (s === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new Skip(`${field} is not an address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Skip(`${field} is not an http(s) address`);
  return s;
}

function dateOf(v: unknown, field: string): string | undefined {
  const s = str(v, field, 64);
  if (s === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) throw new Skip(`${field} is not a date`);
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

function numberOf(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new Skip(`${field} is not a number`);
  return n;
}

/** A person or organisation: an object with a name, a string, or a list of those (the first counts). */
function nameOf(v: unknown, field: string): { name?: string; url?: string } {
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return {};
  if (typeof first === 'string') return { name: str(first, field, LIMITS.name) };
  if (!isObject(first)) throw new Skip(`${field} is neither a name nor an object`);
  return { name: str(first.name, `${field}.name`, LIMITS.name), url: httpUrl(first.url, `${field}.url`) };
}

// 64 bits of FNV-1a over two seeds: ids that are stable from one import to the next.
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** One ClaimReview as a claim note; throws Skip with the reason when it cannot be imported. */
function toNote(value: unknown, options: Required<Omit<ImportOptions, 'name'>>): ImportedClaim {
  if (!isObject(value)) throw new Skip(value === undefined ? 'not JSON' : 'not an object');
  if (typesOf(value).includes('DataFeedItem')) throw new Skip('a feed item without a ClaimReview in its item');
  const claim = str(value.claimReviewed, 'claimReviewed', LIMITS.claim, true);
  const url = httpUrl(value.url, 'url');
  const identifier =
    typeof value.identifier === 'number' ? String(value.identifier) : str(value.identifier, 'identifier', LIMITS.name);
  const headline = str(value.headline, 'headline', LIMITS.title) ?? str(value.name, 'name', LIMITS.title);
  const author = nameOf(value.author, 'author');
  const date = dateOf(value.datePublished, 'datePublished');
  const lang = str(value.inLanguage, 'inLanguage', 35);
  let rating: ImportedClaim['rating'];
  if (value.reviewRating !== undefined && value.reviewRating !== null) {
    const r = Array.isArray(value.reviewRating) ? value.reviewRating[0] : value.reviewRating;
    if (!isObject(r)) throw new Skip('reviewRating is not an object');
    const name =
      str(r.alternateName, 'reviewRating.alternateName', LIMITS.name) ?? str(r.name, 'reviewRating.name', LIMITS.name);
    const ratingValue = numberOf(r.ratingValue, 'reviewRating.ratingValue');
    if (name !== undefined || ratingValue !== undefined) {
      rating = {
        name: name ?? `${ratingValue}`,
        value: ratingValue,
        best: numberOf(r.bestRating, 'reviewRating.bestRating'),
        worst: numberOf(r.worstRating, 'reviewRating.worstRating'),
      };
    }
  }
  let claimant: string | undefined;
  let claimDate: string | undefined;
  if (isObject(value.itemReviewed)) {
    claimant = nameOf(value.itemReviewed.author, 'itemReviewed.author').name;
    claimDate = dateOf(value.itemReviewed.datePublished, 'itemReviewed.datePublished');
  }
  const reviewer = author.name ?? 'A fact-checker';
  const paragraphs = [`Claim: ${claim}`];
  if (claimant) paragraphs.push(`Made by ${claimant}${claimDate ? ` (${claimDate})` : ''}.`);
  paragraphs.push(
    `${reviewer} reviewed this claim${date ? ` on ${date}` : ''}${rating ? ` and rated it: ${rating.name}` : ''}.`,
  );
  const note = {
    id: `claim/cr-${hash(`${url ?? ''}\n${claim}${identifier ? `\n${identifier}` : ''}`)}`,
    kind: 'claim' as const,
    title: headline ?? clip(claim, 120),
    body: paragraphs.join('\n\n'),
    sources: url ? [{ title: headline ?? clip(claim, 120), publisher: author.name, date, url }] : [],
    reviewed: date ?? options.today,
    lang: lang && /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(lang) ? lang : 'en',
    rating,
    match: { claim, phrases: [] },
    provenance: { author: author.name ?? 'unknown', license: options.license, importedFrom: options.importedFrom },
  };
  const parsed = importedClaimSchema.safeParse(note);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Skip(`${issue.path.join('.') || 'entry'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Reviews in, claim notes out, a batch at a time: what a streamed import feeds as the file is read, and what
 * `importClaimReview` feeds all at once. Nothing is kept until `result()`: an import that stops halfway leaves
 * nothing behind.
 */
export class ReviewCollector {
  private readonly notes: ImportedClaim[] = [];
  private readonly skipped: Skipped[] = [];
  private readonly ids = new Set<string>();
  private seen = 0;
  private readonly today: string;
  private readonly license: string;

  constructor(private readonly options: ImportOptions) {
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.license = options.license ?? 'unknown';
  }

  /** Converts candidate reviews (as `collect` gives them); skipped ones are kept with their reason. */
  add(entries: { value: unknown; at: string }[]): void {
    for (const { value, at } of entries) {
      this.seen++;
      const where = at ? `#${this.seen} (${at})` : `#${this.seen}`;
      try {
        const note = toNote(value, {
          importedFrom: this.options.importedFrom,
          license: this.license,
          today: this.today,
        });
        if (this.ids.has(note.id)) throw new Skip('the same claim and address as an earlier review');
        this.ids.add(note.id);
        this.notes.push(note);
      } catch (error) {
        if (!(error instanceof Skip)) throw error;
        this.skipped.push({ at: where, reason: error.message });
      }
    }
  }

  /** How many reviews were read, imported and skipped so far. */
  get counts(): { seen: number; imported: number; skipped: number } {
    return { seen: this.seen, imported: this.notes.length, skipped: this.skipped.length };
  }

  result(): ImportResult {
    return {
      dataset: {
        format: 'gloss-imported-notes',
        version: 1,
        name: this.options.name ?? this.options.importedFrom,
        importedFrom: this.options.importedFrom,
        license: this.license,
        created: this.today,
        notes: this.notes,
      },
      skipped: this.skipped,
    };
  }
}

/** Every review in `text` as a claim note, and the reason for each one left out. */
export function importClaimReview(text: string, options: ImportOptions): ImportResult {
  const collector = new ReviewCollector(options);
  collector.add(parseInput(text));
  return collector.result();
}

/** The skipped entries in a few lines: counts by reason, then the first few entries themselves. */
export function summarizeSkipped(skipped: Skipped[], show = 20): string[] {
  if (!skipped.length) return [];
  const lines = skipped.slice(0, show).map((s) => `  ${s.at}: ${s.reason}`);
  if (skipped.length > show) lines.push(`  ... and ${skipped.length - show} more`);
  return lines;
}

/** Every string in a value, with where it sits. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}.${i}`);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/**
 * A file the user picked: either one `gloss import` wrote (each note validated again, and skipped with a reason
 * when it is broken or carries markup) or ClaimReview data (imported).
 */
export function readImportFile(text: string, options: ImportOptions): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    parsed = undefined;
  }
  if (isObject(parsed) && parsed.format === 'gloss-imported-notes') {
    const { notes, ...head } = parsed;
    const header = importedDatasetSchema.omit({ notes: true }).safeParse(head);
    if (!header.success || !Array.isArray(notes)) {
      const issue = header.success ? { path: ['notes'], message: 'a list of notes' } : header.error.issues[0]!;
      throw new ImportError(`not a valid Gloss dataset: ${issue.path.join('.')}: ${issue.message}`);
    }
    const kept: ImportedClaim[] = [];
    const skipped: Skipped[] = [];
    const ids = new Set<string>();
    notes.forEach((raw, i) => {
      const at = `#${i + 1}`;
      const marked = [...strings(raw, '')].find(([, v]) => HTML.test(v));
      if (marked) return skipped.push({ at, reason: `${marked[0]} contains HTML` });
      const note = importedClaimSchema.safeParse(raw);
      if (!note.success) {
        const issue = note.error.issues[0]!;
        return skipped.push({ at, reason: `${issue.path.join('.') || 'entry'}: ${issue.message}` });
      }
      if (ids.has(note.data.id)) return skipped.push({ at, reason: `${note.data.id} appears twice` });
      ids.add(note.data.id);
      kept.push(note.data);
    });
    return { dataset: { ...header.data, notes: kept }, skipped };
  }
  return importClaimReview(text, options);
}

/**
 * The one source of truth for the dataset's format: rules and notes as they are written in `dataset/`.
 * Used at build time (and by the CLI's importer); never shipped in the content script.
 */
import { z } from 'zod';
import { CATEGORIES } from '../categories';

/** Whether `value` (YYYY, YYYY-MM or YYYY-MM-DD) names a day, month or year that exists: no month 13, no 31 February. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the date (at its own precision) has begun by `today` (YYYY-MM-DD, in UTC when not given). */
export function isNotFuture(value: string, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return value <= today.slice(0, value.length);
}

const date = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY-MM-DD (or YYYY-MM, YYYY)')
  .refine(isCalendarDate, 'a date that exists (month 01-12, a day the month has)');
/** A date something was published or checked: it exists and is not later than today. */
const pastDate = date.refine((s) => isNotFuture(s), 'a date not in the future');
const text = z.string().trim().min(1, 'must not be empty');
const url = z.url({ protocol: /^https?$/, error: 'an http(s) address' });

/** A source as imported from elsewhere: the publisher may be unknown. */
export const importedSourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  date: date.optional(),
  url,
});

/**
 * A source of a bundled note: who published it is always said; its date, when the page gives one, is not later than
 * today. `accessed` is the day a living page (an encyclopedia entry, a list an office keeps up to date, an "about"
 * page) was read for the note, for a page that carries no date of its own: the reader sees it as "consulted".
 */
export const sourceSchema = z.strictObject({
  title: text,
  publisher: text,
  date: pastDate.optional(),
  accessed: pastDate.refine((s) => s.length === 10, 'the day it was read, as YYYY-MM-DD').optional(),
  url,
});

/**
 * What a reader sees first: at most two sentences (what is established, and who disputes it), at most 300
 * characters. A sentence ends with . ! or ? followed by a space and a capital, a digit or a quotation mark; an
 * initial ("U.S.", "J. Smith") or a title ("Dr.") does not end one.
 */
export function sentenceCount(value: string): number {
  const ends = value
    .trim()
    .match(
      /(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|No|Gen|Col|Capt|Lt|Sgt|Jr|Sr|vs|e\.g|i\.e))[.!?][\u201d"')\]]*\s+(?=[\p{Lu}\d\u201c"'(])/gu,
    );
  return (ends?.length ?? 0) + 1;
}
const summary = text
  .max(300, 'at most 300 characters')
  .refine((s) => sentenceCount(s) <= 2, 'at most two sentences')
  .refine((s) => !/<\/?[a-z][^>]*>/i.test(s), 'plain text, not HTML');

export const ratingSchema = z.strictObject({
  name: text,
  value: z.number().optional(),
  best: z.number().optional(),
  worst: z.number().optional(),
});

export const provenanceSchema = z.strictObject({
  author: text,
  license: text,
  importedFrom: text.optional(),
});

const category = z.enum(CATEGORIES);

const base = {
  id: z.string().regex(/^(technique|claim|term|outlet)\/[a-z0-9][a-z0-9-]*$/, 'kind/slug, lower case'),
  title: text,
  body: text.refine((s) => !/<\/?[a-z][^>]*>/i.test(s), 'plain text, not HTML'),
  /** Shown first, before the full text. Required for the bundled notes; imported notes may have none. */
  summary: summary.optional(),
  sources: z.array(sourceSchema),
  reviewed: pastDate,
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'a BCP 47 language tag'),
  rating: ratingSchema.optional(),
  provenance: provenanceSchema,
};

const phrase = z.string().trim().min(2);

export const noteSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    summary,
    kind: z.literal('technique'),
    match: z.strictObject({ category }),
    sources: z.array(sourceSchema).min(1, 'a technique note cites at least one reference'),
  }),
  z.strictObject({
    ...base,
    summary,
    kind: z.literal('claim'),
    match: z.strictObject({
      claim: text,
      phrases: z.array(z.array(phrase).min(1)).min(1),
    }),
    sources: z.array(sourceSchema).min(2, 'a claim note cites at least two independent sources'),
    /**
     * Only where no official body has ruled on the claim (a rumour no court, agency or inquiry has examined): why,
     * in a sentence. The audit then does not ask the note for an official record, and lists it apart with this reason.
     */
    noIssuingBody: text.min(20, 'why no official body has ruled on the claim, in a sentence').optional(),
  }),
  z.strictObject({
    ...base,
    summary,
    kind: z.literal('term'),
    match: z.strictObject({ aliases: z.array(phrase).min(1) }),
    sources: z.array(sourceSchema).min(1, 'a term note cites at least one source'),
  }),
  z.strictObject({
    ...base,
    summary,
    kind: z.literal('outlet'),
    match: z
      .strictObject({
        domains: z.array(z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain name, lower case')),
        names: z.array(phrase).default([]),
      })
      .refine((m) => m.domains.length + m.names.length > 0, 'an outlet matches by at least one domain or name'),
    sources: z.array(sourceSchema).min(1, 'an outlet note cites at least one source'),
  }),
]);

export type NoteFile = z.infer<typeof noteSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/, 'category.name'),
  category,
  confidence: z.number().min(0).max(1),
  /** Token pattern, see utils/analyze/pattern.ts. */
  pattern: text,
  explain: text,
  /** Skip the match when the sentence matches this pattern. */
  unlessSentence: text.optional(),
  /** Only keep the match when the sentence matches this pattern. */
  requireSentence: text.optional(),
  /** Skip the match when one of these patterns ends right before it (within the sentence). */
  unlessBefore: text.optional(),
  /** Skip the match when one of these patterns starts right after it. */
  unlessAfter: text.optional(),
  /** Only keep the match when one of these patterns starts right after it (a sense the next words decide). */
  requireAfter: text.optional(),
  /**
   * Skip the match when it lies inside a match of this pattern in its sentence: a fixed phrase, or the word's
   * literal or technical sense ("reckless disregard", "a hurricane slams into", "boasts a museum").
   */
  unlessWithin: text.optional(),
  /** Skip the match when the sentence attributes what it says to a named source ("said", "according to"). */
  unlessAttributed: z.boolean().optional(),
  /** Sentences the rule must catch and must leave alone; both are run as tests. */
  examples: z.strictObject({
    catch: z.array(text).min(1, 'a rule has at least one sentence it must catch'),
    leave: z.array(text).min(1, 'a rule has at least one sentence it must leave alone'),
  }),
});

export type Rule = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  lang: z.string(),
  rules: z.array(ruleSchema),
});

export const datasetInfoSchema = z.strictObject({
  version: text,
  date,
  license: text,
});

/**
 * A claim note imported from a fact-checker's ClaimReview (`gloss import claimreview`): the review is its source
 * (one, or none when the review gives no address), the claim is matched by retrieval rather than phrase groups,
 * and `provenance.importedFrom` names what it came from.
 */
export const importedClaimSchema = z.strictObject({
  ...base,
  kind: z.literal('claim'),
  match: z.strictObject({
    claim: text.max(2000, 'at most 2,000 characters'),
    phrases: z.array(z.array(phrase).min(1)).default([]),
  }),
  sources: z.array(importedSourceSchema),
  reviewed: date,
  provenance: provenanceSchema.extend({ importedFrom: text }),
});

export type ImportedClaim = z.infer<typeof importedClaimSchema>;

/** A file of imported notes, as `gloss import` writes it and the extension stores it. */
export const importedDatasetSchema = z.strictObject({
  format: z.literal('gloss-imported-notes'),
  version: z.literal(1),
  /** A name for the import, shown in the options page. */
  name: text,
  importedFrom: text,
  license: text,
  created: date,
  notes: z.array(importedClaimSchema),
});

export type ImportedDataset = z.infer<typeof importedDatasetSchema>;

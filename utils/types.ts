import type { Category } from './categories';
import type { Feature } from './detect-weights';

/** A span of the article text that Gloss marks. Offsets are UTF-16 indices into `ArticleInfo.text`. */
export interface Finding {
  category: Category;
  start: number;
  end: number;
  text: string;
  /** The note that explains this finding: a technique note for phrasing, a claim or term note for context. */
  noteId: string;
  confidence: number;
  ruleId: string;
  /** Why the rule fired, shown in the note card. */
  explain: string;
  /** Index of the sentence the finding starts in. */
  sentence: number;
}

export interface Source {
  title: string;
  publisher?: string;
  date?: string;
  /** The day a living page without a date of its own was read (shown as "consulted"). */
  accessed?: string;
  url: string;
}

export type NoteKind = 'technique' | 'claim' | 'term' | 'outlet';

export interface Rating {
  name: string;
  value?: number;
  best?: number;
  worst?: number;
}

export interface Provenance {
  author: string;
  license: string;
  importedFrom?: string;
}

export interface Note {
  id: string;
  kind: NoteKind;
  title: string;
  /** At most two sentences, shown before the full text: what is established, and who disputes it. */
  summary?: string;
  body: string;
  sources: Source[];
  reviewed: string;
  lang: string;
  rating?: Rating;
  provenance: Provenance;
}

export interface ArticleInfo {
  title: string;
  byline: string | null;
  publisher: string | null;
  originalPublisher: string | null;
  published: string | null;
  lang: string | null;
  url: string | null;
  /** The extracted text: the headline, then the body's blocks, separated by blank lines. */
  text: string;
}

/**
 * What a page is read as: a news story, or what else it looks like. A single text that is not news (an essay, a
 * how-to, a notice) is `text`; a page that is no single text (a home page, a listing, search results) is `page`.
 */
export type PageKind = 'news' | 'blog' | 'documentation' | 'encyclopedia' | 'forum' | 'shop' | 'text' | 'page';

export interface Detection {
  isArticle: boolean;
  confidence: number;
  reasons: string[];
  /** What the page is read as (set by detection; `isArticle` is the verdict others rely on). */
  kind?: PageKind;
}

/**
 * What a piece of detection's evidence is: a feature of the page (a row of the weight table, utils/detect-weights.ts),
 * or `settings_always_on`, the reader's "always on for this site", which has no weight.
 */
export type EvidenceId = Feature | 'settings_always_on';

/**
 * One piece of detection's evidence as the page reports it: its id and the values its reason names (a count, a
 * structured-data type, a dateline...). It is put into words where it is shown (utils/detect-reasons.ts), so that
 * the content script carries no reason texts.
 */
export type Evidence = [id: EvidenceId, ...values: (string | number)[]];

/** Detection as the content script reports it: the verdict and its evidence, not yet in words (`withReasons`). */
export interface PageDetection {
  isArticle: boolean;
  confidence: number;
  evidence: Evidence[];
}

export interface OutletRef {
  noteId: string;
  domain: string;
}

/**
 * A published rating of a news domain (Lin et al. 2023's aggregate of six professional rating sets): the score
 * on a 0-1 quality scale, the share of all rated domains that score lower (0-100), the rating sets that rated
 * this domain, and the citation. It rates the site, not any one article.
 */
export interface OutletRating {
  score: number;
  percentile: number;
  sets: string[];
  source: string;
}

/** The outlet of the page's own address: its written note, its published rating, or both. */
export interface OutletContext {
  noteId?: string;
  domain: string;
  rating?: OutletRating;
}

/** What `gloss analyze` prints and what the popup shows: one page, read. */
export interface PageResult extends Detection {
  article: ArticleInfo | null;
  findings: Finding[];
  notes: Note[];
  outlet: OutletContext | null;
  /** Outlet notes matched by syndication names (byline, "originally published by"). */
  outlets: OutletRef[];
}

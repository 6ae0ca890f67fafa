/**
 * The unsupported-claim stage as the pipeline runs it: the model loaded once (or the reason it is off), the
 * voice analysis for whose words each stretch is, and a stage that fails degrading to no findings with a reason.
 */
import type { Finding } from '../types';
import type { Span } from '../text/segment';
import { findQuotes, type Quote } from '../text/quotes';
import { readVoice, type Voice } from '../analyze/voice';
import { findUnsupportedClaims, type WriterVoice } from '.';
import { loadCheckworthy, type CheckworthyModel } from './model';

/** The loaded model, or the reason the stage is off. */
export type ClaimsModel = CheckworthyModel | string;

const loaded = new WeakMap<object, ClaimsModel>();

/** Loads the model file's contents once per object (the background imports it once). */
export function claimsModel(raw: unknown): ClaimsModel {
  if (!raw || typeof raw !== 'object') return loadCheckworthy(raw);
  let m = loaded.get(raw);
  if (m === undefined) loaded.set(raw, (m = loadCheckworthy(raw)));
  return m;
}

/** Whose words: a stretch is the writer's unless a speaker's words (a quotation, reported speech) overlap it. */
export function speakerVoice(
  text: string,
  sentences: Span[],
  quotes: Quote[] = findQuotes(text),
  voice: Voice = readVoice(text, quotes, sentences),
): WriterVoice {
  const spans = voice.spans.filter((s) => s.kind === 'speaker');
  return {
    isWriter(start, end) {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid]!.end <= start) lo = mid + 1;
        else hi = mid;
      }
      return !(lo < spans.length && spans[lo]!.start < end);
    },
  };
}

export interface ClaimsResult {
  findings: Finding[];
  reasons: string[];
}

let failed = false;

/**
 * Unsupported-claim findings for an article's text at a confidence floor; never throws. `read` is the quotations
 * and voice the phrasing analysis already found in the same text, so that they are not read twice.
 */
export function unsupportedClaims(
  text: string,
  sentences: Span[],
  model: ClaimsModel | undefined,
  threshold: number,
  read?: { quotes: Quote[]; voice: Voice },
): ClaimsResult {
  if (model === undefined) return { findings: [], reasons: [] };
  if (typeof model === 'string') return { findings: [], reasons: [model] };
  try {
    const quotes = read?.quotes ?? findQuotes(text);
    const voice = speakerVoice(text, sentences, quotes, read?.voice);
    const speech = quotes.filter((q) => q.kind === 'speech');
    return { findings: findUnsupportedClaims(text, sentences, model, { voice, speech, threshold }), reasons: [] };
  } catch (error) {
    if (!failed) console.debug('[gloss] unsupported claims failed; going on without them:', error);
    failed = true;
    return { findings: [], reasons: ['unsupported claims: the analysis failed on this page'] };
  }
}

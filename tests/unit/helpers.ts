import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadDataset } from '@/utils/dataset/load';
import { compileRules } from '@/utils/pipeline';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = process.env.GLOSS_SHARED ?? resolve(ROOT, '../shared');
export const SEED_HTML = resolve(SHARED, 'seed/article.html');
export const HAS_SEED = existsSync(SEED_HTML);
export const SEED_URL =
  'http://www.globalresearch.ca/video-syrian-army-advancing-on-al-qaeda-militant-stronghold-of-lataminah/';

/** The contested phrasing `../shared/seed/expectations.md` says a reader sees on the seed article, and its category. */
export const SEED_EXPECTED: [string, string][] = [
  ['Al Qaeda Militant Stronghold', 'labeling'],
  ['Fresh speculation has been circulating in the media', 'vague-attribution'],
  ['some unknown military sources', 'vague-attribution'],
  ['this looks like another attempt', 'speculation'],
  ['“opposition”', 'scare-quotes'],
  ['allegedly', 'doubt'],
  ['alleging', 'doubt'],
  ['There are no doubts', 'unsupported-certainty'],
  ['“all individuals”', 'scare-quotes'],
  ['al-Qaeda-style', 'labeling'],
  ['supposedly', 'doubt'],
  ['“signal”', 'scare-quotes'],
];
export const dataset = loadDataset(resolve(ROOT, 'dataset'));
export const rules = compileRules(dataset.rules);
export const english = rules.find((r) => r.lang === 'en')!;

export function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function fixture(name: string): Document {
  return documentOf(readFileSync(resolve(ROOT, 'tests/fixtures/pages', name), 'utf8'));
}

export function html(path: string): Document {
  return documentOf(readFileSync(path, 'utf8'));
}

/** A council story's sentences, for detection tests that build pages of so many paragraphs. */
export const COUNCIL_SENTENCES = [
  'The council met again on Tuesday evening, argued for three hours about the budget, and voted late.',
  'Residents who had queued since the afternoon said the new fares would cost them a day’s pay each month.',
  'A spokeswoman for the port authority said the figures would be published in full before the end of March.',
  'Two members abstained, saying they had not been given the report in time to read it before the vote.',
];
/** The i-th paragraph of the council story: two of its sentences. */
export const councilParagraph = (i: number) => `${COUNCIL_SENTENCES[i % 4]} ${COUNCIL_SENTENCES[(i + 1) % 4]}`;
/** n paragraphs of the council story as <p> elements, the first with `first` before its text. */
export const councilParagraphs = (n: number, first = '') =>
  Array.from({ length: n }, (_, i) => `<p>${i === 0 ? first : ''}${councilParagraph(i)}</p>`).join('');
export const COUNCIL_TITLE = 'Council passes the budget after a long night';

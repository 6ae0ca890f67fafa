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

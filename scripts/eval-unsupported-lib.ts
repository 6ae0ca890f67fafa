/** What the evaluations and the training dumps share: the fixed halves, and reading the corpora's files. */
import { readFileSync } from 'node:fs';

/** FNV-1a: a stable hash that puts every document in the same half on every run. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type Split = 'tune' | 'held-out';
/** The half a document falls in, by its id: `tune` is chosen and fitted on, `held-out` reported on. */
export const splitOf = (doc: string): Split => (hash(doc) % 2 === 0 ? 'tune' : 'held-out');

/** The lines of a JSON Lines file, parsed. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** An article of allsides-abp/abp-dev.jsonl. */
export interface AbpArticle {
  id: string;
  source: string;
  leaning: string;
  topic: string;
  date: string;
  title: string;
  text: string;
  url?: string;
}

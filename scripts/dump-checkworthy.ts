/**
 * Writes ClaimBuster's sentences as svmlight files with the features the extension computes
 * (utils/claims/features.ts), one file per half, for train/checkworthy/train.py. The corpora are read, never
 * copied: the files hold hashed features, a label and the row's id.
 *
 *   node scripts/dump-checkworthy.mjs ../shared/corpora OUT_DIR
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_VERSION, featurize } from '../utils/claims/features';
import { splitOf } from './eval-unsupported-lib';

export const BITS = 18;

export function main(args: string[]): number {
  const [corpora, out] = args;
  if (!corpora || !out) {
    console.error('usage: node scripts/dump-checkworthy.mjs CORPORA OUT_DIR');
    return 2;
  }
  const file = join(corpora, 'checkworthy', 'claimbuster-dev.jsonl');
  if (!existsSync(file)) {
    console.error(`skipped: ${file} is not there (the corpora folder is kept beside the checkout)`);
    return 0;
  }
  mkdirSync(out, { recursive: true });
  const lines: Record<string, string[]> = { tune: [], 'held-out': [] };
  const ids: Record<string, string[]> = { tune: [], 'held-out': [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; doc: string; text: string; label: string };
    const half = splitOf(row.doc);
    const v = featurize(row.text, { version: FEATURE_VERSION, bits: BITS });
    const y = row.label === 'CFS' ? 1 : 0;
    lines[half]!.push(`${y} ${v.indices.map((i, k) => `${i + 1}:${v.values[k]!.toFixed(6)}`).join(' ')}`);
    ids[half]!.push(`${row.id}\t${row.doc}\t${row.label}`);
  }
  for (const half of ['tune', 'held-out']) {
    writeFileSync(join(out, `claimbuster-${half}.svm`), lines[half]!.join('\n') + '\n');
    writeFileSync(join(out, `claimbuster-${half}.ids`), ids[half]!.join('\n') + '\n');
    console.log(`${half}: ${lines[half]!.length} sentences`);
  }
  writeFileSync(join(out, 'spec.json'), JSON.stringify({ version: FEATURE_VERSION, bits: BITS }) + '\n');
  return 0;
}

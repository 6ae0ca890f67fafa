/**
 * `gloss import claimreview IN.json --out DATASET.json [--license L] [--name N]`: schema.org ClaimReview (one
 * object, an array, a JSON-LD @graph or JSON Lines) into a Gloss dataset of claim notes, with a summary of what
 * was skipped and why on stderr.
 */
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { importClaimReview, ImportError, summarizeSkipped } from '@/utils/dataset/claimreview';
import { UsageError } from '../usage';
import { count, fileError } from '../errors';

export async function importCommand(args: string[]): Promise<number> {
  const [format, ...rest] = args;
  if (format !== 'claimreview')
    throw new UsageError('import takes a format: gloss import claimreview IN.json --out OUT.json');
  let out: string | undefined;
  let license: string | undefined;
  let name: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out' || a === '-o') out = value();
    else if (a === '--license') license = value();
    else if (a === '--name') name = value();
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('import claimreview takes one input file');
  if (!out) throw new UsageError('import claimreview needs --out DATASET.json');
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`gloss: ${fileError(file, error)}\n`);
    return 1;
  }
  let result;
  try {
    result = importClaimReview(text, { importedFrom: basename(file), license, name });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    process.stderr.write(`gloss: ${file}: ${error.message}\n`);
    return 1;
  }
  const { dataset, skipped } = result;
  process.stderr.write(
    `gloss: ${file}: ${count(dataset.notes.length, 'claim note')} imported, ${skipped.length} skipped\n` +
      summarizeSkipped(skipped)
        .map((l) => `${l}\n`)
        .join(''),
  );
  if (!dataset.notes.length) return 1;
  // Written next to the target and renamed: a failed write never leaves half a dataset behind.
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, `${JSON.stringify(dataset, null, 1)}\n`);
    renameSync(tmp, out);
  } catch (error) {
    rmSync(tmp, { force: true });
    process.stderr.write(`gloss: ${fileError(out, error, 'write')}; nothing was written\n`);
    return 1;
  }
  return 0;
}

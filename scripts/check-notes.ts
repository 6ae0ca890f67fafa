/** `npm run check:notes [-- --strict] [DATASET]`: what a reviewer checks in the bundled notes (utils/dataset/audit.ts). */
import { resolve } from 'node:path';
import { loadNoteFiles } from '../utils/dataset/load';
import { auditNotes, formatAudit } from '../utils/dataset/audit';

/**
 * Exit 1 when a claim note rests on fewer than two publishers, leaves out what it does not cover, cites a copy
 * not named as one, is dated before a source it cites, or says no official body has ruled while citing an official
 * record; with --strict also for undated sources and claim notes
 * without an official record (lists that shrink as sources are read again, not errors in what is written).
 */
export function main(args: string[], root: string): number {
  const strict = args.includes('--strict');
  const rest = args.filter((a) => a !== '--strict');
  const folder = resolve(rest[0] ?? resolve(root, 'dataset'));
  let notes;
  try {
    notes = loadNoteFiles(folder);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const audit = auditNotes(notes);
  console.log(formatAudit(audit));
  const failed =
    audit.fewPublishers.length +
    audit.noScope.length +
    audit.unnamedCopies.length +
    audit.reviewedBeforeSource.length +
    audit.issuingBodyContradicted.length +
    (strict ? audit.undated.length + audit.noOfficial.length : 0);
  return failed ? 1 : 0;
}

/** `npm run check:notes [DATASET]`: what a reviewer checks in the bundled notes (utils/dataset/audit.ts). */
import { resolve } from 'node:path';
import { loadNoteFiles } from '../utils/dataset/load';
import { auditNotes, formatAudit } from '../utils/dataset/audit';

export function main(args: string[], root: string): number {
  const folder = resolve(args[0] ?? resolve(root, 'dataset'));
  let notes;
  try {
    notes = loadNoteFiles(folder);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const audit = auditNotes(notes);
  console.log(formatAudit(audit));
  return audit.fewPublishers.length || audit.undated.length || audit.unnamedCopies.length ? 1 : 0;
}

/** Turns validated note files into the compact index the extension and the CLI load. */
import type { Category } from '../categories';
import type { Note } from '../types';
import type { NoteFile } from './schema';
import type { RatingsFile } from './ratings';

export interface ClaimEntry {
  id: string;
  claim: string;
  phrases: string[][];
}
export interface TermEntry {
  id: string;
  aliases: string[];
}
export interface OutletEntry {
  id: string;
  domains: string[];
  names: string[];
}

export interface CompiledDataset {
  version: string;
  date: string;
  license: string;
  notes: Record<string, Note>;
  /** The technique note that explains each category. */
  techniques: Partial<Record<Category, string>>;
  claims: ClaimEntry[];
  terms: TermEntry[];
  outlets: OutletEntry[];
  /** Published ratings of news domains (dataset/outlets/ratings.json), beside the written outlet notes. */
  ratings?: RatingsFile;
}

export function compileDataset(
  files: NoteFile[],
  info: { version: string; date: string; license: string },
): CompiledDataset {
  const out: CompiledDataset = { ...info, notes: {}, techniques: {}, claims: [], terms: [], outlets: [] };
  for (const file of files) {
    const { match, ...note } = file;
    // Whether an official body has ruled is for the reviewer's audit, not part of what the reader is shown.
    if ('noIssuingBody' in note) delete note.noIssuingBody;
    out.notes[note.id] = note;
    if (file.kind === 'technique') out.techniques[file.match.category] = file.id;
    else if (file.kind === 'claim')
      out.claims.push({ id: file.id, claim: file.match.claim, phrases: file.match.phrases });
    else if (file.kind === 'term') out.terms.push({ id: file.id, aliases: file.match.aliases });
    else out.outlets.push({ id: file.id, domains: file.match.domains, names: file.match.names });
    void match;
  }
  return out;
}

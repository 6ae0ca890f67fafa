/** Reads, validates and compiles the dataset folder (Node only: build time, tests and the CLI's build). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename, relative } from 'node:path';
import type { z } from 'zod';
import { datasetInfoSchema, noteSchema, ruleFileSchema, type NoteFile, type Rule } from './schema';
import { compileDataset, type CompiledDataset } from './compile';
import type { RatingsFile } from './ratings';
import { compileRuleSet } from '../analyze/rules';

/** A rule file as written, with its example sentences. */
export interface FullRuleSet {
  lang: string;
  rules: Rule[];
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

function describe(file: string, entry: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(the entry)';
      return `${file}: ${entry}: ${field}: ${issue.message}`;
    })
    .join('\n');
}

function readJson(file: string, root: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(`${relative(root, file)}: not valid JSON: ${(error as Error).message}`);
  }
}

const KIND_FOLDERS = { techniques: 'technique', claims: 'claim', terms: 'term', outlets: 'outlet' } as const;

export function loadNoteFiles(root: string): NoteFile[] {
  const notes: NoteFile[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [folder, kind] of Object.entries(KIND_FOLDERS)) {
    const dir = join(root, 'notes', folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(dir, name);
      const rel = relative(root, file);
      const parsed = noteSchema.safeParse(readJson(file, root));
      if (!parsed.success) {
        problems.push(describe(rel, basename(name, '.json'), parsed.error));
        continue;
      }
      const note = parsed.data;
      const slug = basename(name, '.json');
      if (note.kind !== kind) problems.push(`${rel}: ${note.id}: kind: "${note.kind}" does not belong in ${folder}/`);
      if (note.id !== `${kind}/${slug}`) problems.push(`${rel}: ${note.id}: id: must be "${kind}/${slug}"`);
      const other = seen.get(note.id);
      if (other) problems.push(`${rel}: ${note.id}: id: already used by ${other}`);
      seen.set(note.id, rel);
      notes.push(note);
    }
  }
  if (problems.length) throw new DatasetError(problems.join('\n'));
  return notes;
}

export function loadRuleSets(root: string): FullRuleSet[] {
  const dir = join(root, 'rules');
  const sets: FullRuleSet[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    const rel = relative(root, file);
    const raw = readJson(file, root);
    const parsed = ruleFileSchema.safeParse(raw);
    if (!parsed.success) {
      // Name the rule by its id where the broken field sits inside one.
      for (const issue of parsed.error.issues) {
        const [, index] = issue.path;
        const id =
          typeof index === 'number'
            ? ((raw as { rules?: { id?: string }[] }).rules?.[index]?.id ?? `rule #${index}`)
            : basename(name, '.json');
        const field = issue.path.slice(2).join('.') || issue.path.join('.') || '(the file)';
        problems.push(`${rel}: ${id}: ${field}: ${issue.message}`);
      }
      continue;
    }
    const ids = new Set<string>();
    for (const rule of parsed.data.rules) {
      if (ids.has(rule.id)) problems.push(`${rel}: ${rule.id}: id: used twice`);
      ids.add(rule.id);
    }
    sets.push({ lang: parsed.data.lang, rules: parsed.data.rules });
  }
  if (problems.length) throw new DatasetError(problems.join('\n'));
  return sets;
}

export function loadDatasetInfo(root: string) {
  const file = join(root, 'dataset.json');
  const parsed = datasetInfoSchema.safeParse(readJson(file, root));
  if (!parsed.success) throw new DatasetError(describe('dataset.json', 'dataset', parsed.error));
  return parsed.data;
}

/** Everything in one call: validated rules (checked to compile) and the compiled note index with the ratings. */
export function loadDataset(root: string): { rules: FullRuleSet[]; notes: CompiledDataset } {
  const rules = loadRuleSets(root);
  const info = loadDatasetInfo(root);
  const notes = compileDataset(loadNoteFiles(root), info);
  const ratings = loadRatings(root);
  if (ratings) notes.ratings = ratings;
  return { rules: checkRules(rules, notes), notes };
}

/** dataset/outlets/ratings.json (scripts/build-outlet-ratings.mjs writes it), checked; null when there is none. */
export function loadRatings(root: string): RatingsFile | null {
  const file = join(root, 'outlets', 'ratings.json');
  if (!existsSync(file)) return null;
  const raw = readJson(file, root) as Partial<RatingsFile>;
  const where = relative(root, file);
  if (raw.format !== 'gloss-outlet-ratings' || raw.version !== 1)
    throw new DatasetError(`${where}: format: not a Gloss ratings file (version 1)`);
  if (!raw.source?.citation || !raw.source.url || !raw.source.terms || !/^[0-9a-f]{64}$/.test(raw.source.sha256 ?? ''))
    throw new DatasetError(`${where}: source: the citation, its address, the terms and the source file's SHA-256`);
  if (!Array.isArray(raw.sets) || !raw.sets.length || raw.sets.length > 30)
    throw new DatasetError(`${where}: sets: a list of the rating sets`);
  const problems: string[] = [];
  for (const [domain, row] of Object.entries(raw.domains ?? {})) {
    const ok =
      /^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+(\/[^/\s]+)*$/.test(domain) &&
      Array.isArray(row) &&
      row.length === 3 &&
      Number.isInteger(row[0]) &&
      row[0] >= 0 &&
      row[0] <= 1000 &&
      typeof row[1] === 'number' &&
      row[1] >= 0 &&
      row[1] <= 100 &&
      Number.isInteger(row[2]) &&
      row[2] > 0 &&
      row[2] < 2 ** raw.sets.length;
    if (!ok) problems.push(`${where}: ${domain}: [score x1000 (0-1000), percentile (0-100), sets (bits)]`);
    if (problems.length >= 20) break;
  }
  if (problems.length) throw new DatasetError(problems.join('\n'));
  return raw as RatingsFile;
}

function checkRules(sets: FullRuleSet[], notes: CompiledDataset): FullRuleSet[] {
  const problems: string[] = [];
  for (const set of sets) {
    try {
      compileRuleSet(set);
      compileRuleSet(set, 'unicode');
    } catch (error) {
      problems.push(`rules/${set.lang}.json: ${(error as Error).message}`);
    }
    for (const rule of set.rules) {
      if (!notes.techniques[rule.category])
        problems.push(`rules/${set.lang}.json: ${rule.id}: category: no technique note explains "${rule.category}"`);
    }
  }
  if (problems.length) throw new DatasetError(problems.join('\n'));
  return sets;
}

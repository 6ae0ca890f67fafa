import { afterEach, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDataset, DatasetError } from '@/utils/dataset/load';
import { CATEGORIES } from '@/utils/categories';
import { ROOT, dataset } from './helpers';

describe('the bundled dataset', () => {
  test('has a technique note for every category', () => {
    for (const c of CATEGORIES) expect(dataset.notes.techniques[c], c).toBeTruthy();
  });

  test('every claim note has at least two complete sources, every note a reviewed date', () => {
    for (const note of Object.values(dataset.notes.notes)) {
      expect(note.reviewed, note.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (note.kind !== 'claim') continue;
      const complete = note.sources.filter((s) => s.title && s.url && (s.publisher || s.date));
      expect(complete.length, note.id).toBeGreaterThanOrEqual(2);
    }
  });

  test('carries a version and date', () => {
    expect(dataset.notes.version).toBeTruthy();
    expect(dataset.notes.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a broken entry stops the build with its file, entry and field', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function broken(edit: (root: string) => void): string {
    dir = mkdtempSync(join(tmpdir(), 'gloss-dataset-'));
    cpSync(resolve(ROOT, 'dataset'), dir, { recursive: true });
    edit(dir);
    try {
      loadDataset(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      return (error as Error).message;
    }
    throw new Error('the broken dataset loaded');
  }

  function editJson(file: string, change: (value: Record<string, unknown>) => void) {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(value);
    writeFileSync(file, JSON.stringify(value));
  }

  test('a claim note with one source', () => {
    const message = broken((root) =>
      editJson(join(root, 'notes/claims/shayrat-strike-2017.json'), (v) => {
        v.sources = (v.sources as unknown[]).slice(0, 1);
      }),
    );
    expect(message).toMatch(/notes\/claims\/shayrat-strike-2017\.json: shayrat-strike-2017: sources: .*two/);
  });

  test('a source without an address', () => {
    const message = broken((root) =>
      editJson(join(root, 'notes/terms/tabqa.json'), (v) => {
        (v.sources as Record<string, unknown>[])[0]!.url = 'not a url';
      }),
    );
    expect(message).toMatch(/notes\/terms\/tabqa\.json: tabqa: sources\.0\.url/);
  });

  test('HTML in a body', () => {
    const message = broken((root) =>
      editJson(join(root, 'notes/terms/tabqa.json'), (v) => {
        v.body = 'Click <a href="x">here</a>';
      }),
    );
    expect(message).toMatch(/tabqa: body: plain text/);
  });

  test('a rule whose pattern does not compile', () => {
    const message = broken((root) =>
      editJson(join(root, 'rules/en.json'), (v) => {
        (v.rules as Record<string, unknown>[])[0]!.pattern = '(unbalanced';
      }),
    );
    expect(message).toMatch(/rules\/en\.json: doubt\.supposedly: pattern/);
  });

  test('a rule without examples', () => {
    const message = broken((root) =>
      editJson(join(root, 'rules/en.json'), (v) => {
        (v.rules as Record<string, unknown>[])[1]!.examples = { catch: [], leave: ['x'] };
      }),
    );
    expect(message).toMatch(/rules\/en\.json: doubt\.so-called: examples\.catch/);
  });

  test('a file that is not JSON', () => {
    const message = broken((root) => writeFileSync(join(root, 'notes/terms/tabqa.json'), '{ nope'));
    expect(message).toMatch(/notes\/terms\/tabqa\.json: not valid JSON/);
  });
});

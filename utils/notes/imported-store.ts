/**
 * Imported fact-checks, kept in the extension's IndexedDB: one record per import (its name, licence, count and
 * who published the reviews), the notes themselves, and the built retrieval index, stored as its typed arrays so
 * that a restarted service worker reads it back instead of rebuilding it.
 *
 * Every change is one IndexedDB transaction: an import that fails halfway (quota, a closed database) is rolled
 * back by the browser and leaves the previous imports and index as they were.
 */
import type { Note } from '../types';
import type { ImportedClaim, ImportedDataset } from '../dataset/schema';
import {
  buildClaimIndex,
  ClaimRetriever,
  INDEX_VERSION,
  isClaimIndex,
  type ClaimDoc,
  type ClaimIndexData,
} from './bm25';
import { claimDocs } from './claims';

/** What the options page lists for an import. */
export interface ImportRecord {
  id: string;
  name: string;
  importedFrom: string;
  license: string;
  /** When the file was made (`created`) and when it was imported. */
  created: string;
  importedAt: string;
  count: number;
  /** The fact-checkers whose reviews it holds, most reviews first (at most five). */
  publishers: string[];
}

/** A stored note: the note, which import it belongs to, and what retrieval indexes. */
export interface StoredNote {
  importId: string;
  id: string;
  note: Note;
  claim: string;
}

/** Where imports live: IndexedDB in the extension, memory in tests. Each method is atomic. */
export interface ImportBackend {
  listImports(): Promise<ImportRecord[]>;
  /** Adds the import, its notes and their retrieval documents, and drops the stored index, in one transaction. */
  addImport(record: ImportRecord, notes: StoredNote[], docs: ClaimDoc[]): Promise<void>;
  /** Removes the import and its notes, and drops the stored index, in one transaction. */
  removeImport(id: string): Promise<void>;
  /** The retrieval documents of every import (one record per import: quick to read back for a rebuild). */
  allDocs(): Promise<ClaimDoc[]>;
  getNotes(ids: string[]): Promise<Note[]>;
  getIndex(): Promise<{ key: string; data: ClaimIndexData } | undefined>;
  putIndex(key: string, data: ClaimIndexData): Promise<void>;
}

/** The index belongs to exactly this set of imports. */
const keyOf = (imports: ImportRecord[]) =>
  imports
    .map((i) => i.id)
    .sort()
    .join(',');

function toStored(importId: string, n: ImportedClaim): StoredNote {
  const { match, ...note } = n;
  return { importId, id: n.id, note, claim: match.claim };
}

function publishersOf(notes: ImportedClaim[]): string[] {
  const counts = new Map<string, number>();
  for (const n of notes) {
    const p = n.sources[0]?.publisher ?? n.provenance.author;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([p]) => p);
}

export interface IndexState {
  retriever: ClaimRetriever;
  /** Whether the index was read back from storage rather than built. */
  restored: boolean;
  /** How long reading it back, or building it, took. */
  ms: number;
}

/** The imports, their notes and the one retrieval index over all of them. */
export class ImportedClaims {
  private state: Promise<IndexState> | undefined;

  /**
   * `background`: claims indexed beside the imported ones (the bundled claim notes), so that a small import is
   * scored against the same collection statistics as in `gloss match`. Matching leaves them out.
   */
  constructor(
    private readonly backend: ImportBackend,
    private readonly background: ClaimDoc[] = [],
  ) {}

  /** The index: read back when stored for the current imports, built (and stored) otherwise; once. */
  ready(): Promise<IndexState> {
    this.state ??= this.load().catch((error: unknown) => {
      this.state = undefined;
      throw error;
    });
    return this.state;
  }

  private async load(): Promise<IndexState> {
    const start = Date.now();
    const imports = await this.backend.listImports();
    // The index's layout version is part of the key: an index stored by an older version is rebuilt.
    const key = `v${INDEX_VERSION}|${keyOf(imports)}|${this.background.map((d) => d.id).join(',')}`;
    const stored = await this.backend.getIndex().catch(() => undefined);
    if (stored && stored.key === key && isClaimIndex(stored.data))
      return { retriever: new ClaimRetriever(stored.data), restored: true, ms: Date.now() - start };
    const docs = await this.backend.allDocs();
    const data = buildClaimIndex(docs.length ? [...this.background, ...docs] : []);
    const retriever = new ClaimRetriever(data);
    const ms = Date.now() - start;
    // The index is a cache: failing to store it costs a rebuild next time, nothing else.
    await this.backend.putIndex(key, data).catch(() => undefined);
    return { retriever, restored: false, ms };
  }

  list(): Promise<ImportRecord[]> {
    return this.backend.listImports();
  }

  /** Stores a validated dataset as a new import; the index is rebuilt on the next `ready()`. */
  async add(dataset: ImportedDataset, now = new Date()): Promise<ImportRecord> {
    const record: ImportRecord = {
      id: `import-${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
      name: dataset.name,
      importedFrom: dataset.importedFrom,
      license: dataset.license,
      created: dataset.created,
      importedAt: now.toISOString(),
      count: dataset.notes.length,
      publishers: publishersOf(dataset.notes),
    };
    await this.backend.addImport(
      record,
      dataset.notes.map((n) => toStored(record.id, n)),
      claimDocs(dataset.notes),
    );
    this.state = undefined;
    return record;
  }

  async remove(id: string): Promise<void> {
    await this.backend.removeImport(id);
    this.state = undefined;
  }

  notes(ids: string[]): Promise<Note[]> {
    return ids.length ? this.backend.getNotes(ids) : Promise.resolve([]);
  }
}

// ---- IndexedDB ----

const DB = 'gloss-imports';
const VERSION = 1;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export class IndexedDbBackend implements ImportBackend {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = this.factory.open(DB, VERSION);
      r.onupgradeneeded = () => {
        const db = r.result;
        db.createObjectStore('imports', { keyPath: 'id' });
        const notes = db.createObjectStore('notes', { keyPath: ['importId', 'id'] });
        notes.createIndex('importId', 'importId');
        notes.createIndex('id', 'id');
        db.createObjectStore('docs', { keyPath: 'importId' });
        db.createObjectStore('meta');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => {
        this.db = undefined;
        reject(r.error ?? new Error('cannot open IndexedDB'));
      };
    });
    return this.db;
  }

  async listImports(): Promise<ImportRecord[]> {
    const db = await this.open();
    const list = await request(db.transaction('imports').objectStore('imports').getAll());
    return (list as ImportRecord[]).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }

  async addImport(record: ImportRecord, notes: StoredNote[], docs: ClaimDoc[]): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['imports', 'notes', 'docs', 'meta'], 'readwrite');
    const finished = done(tx);
    try {
      tx.objectStore('meta').delete('index');
      tx.objectStore('imports').put(record);
      tx.objectStore('docs').put({ importId: record.id, docs });
      const store = tx.objectStore('notes');
      for (const n of notes) store.put(n);
    } catch (error) {
      tx.abort();
      await finished.catch(() => undefined);
      throw error;
    }
    await finished;
  }

  async removeImport(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['imports', 'notes', 'docs', 'meta'], 'readwrite');
    const finished = done(tx);
    tx.objectStore('meta').delete('index');
    tx.objectStore('imports').delete(id);
    tx.objectStore('docs').delete(id);
    const range = IDBKeyRange.bound([id], [id, []]);
    tx.objectStore('notes').delete(range);
    await finished;
  }

  async allDocs(): Promise<ClaimDoc[]> {
    const db = await this.open();
    const all = (await request(db.transaction('docs').objectStore('docs').getAll())) as { docs: ClaimDoc[] }[];
    return all.flatMap((r) => r.docs);
  }

  async getNotes(ids: string[]): Promise<Note[]> {
    const db = await this.open();
    const index = db.transaction('notes').objectStore('notes').index('id');
    const found = await Promise.all(ids.map((id) => request(index.get(id))));
    return found.filter((n): n is StoredNote => !!n).map((n) => n.note);
  }

  async getIndex(): Promise<{ key: string; data: ClaimIndexData } | undefined> {
    const db = await this.open();
    return (await request(db.transaction('meta').objectStore('meta').get('index'))) as
      { key: string; data: ClaimIndexData } | undefined;
  }

  async putIndex(key: string, data: ClaimIndexData): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('meta', 'readwrite');
    const finished = done(tx);
    tx.objectStore('meta').put({ key, data }, 'index');
    await finished;
  }
}

// ---- Memory (tests, and browsers without IndexedDB) ----

export class MemoryBackend implements ImportBackend {
  imports = new Map<string, ImportRecord>();
  stored = new Map<string, StoredNote>();
  docs = new Map<string, ClaimDoc[]>();
  index: { key: string; data: ClaimIndexData } | undefined;
  /** Makes the next addImport fail after this many notes (to test that nothing is left half done). */
  failAfter: number | undefined;

  async listImports(): Promise<ImportRecord[]> {
    return [...this.imports.values()].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }

  async addImport(record: ImportRecord, notes: StoredNote[], docs: ClaimDoc[]): Promise<void> {
    // Work on copies and swap them in at the end, as a transaction would.
    const stored = new Map(this.stored);
    notes.forEach((n, i) => {
      if (this.failAfter !== undefined && i >= this.failAfter) {
        this.failAfter = undefined;
        throw new Error('QuotaExceededError');
      }
      stored.set(`${n.importId}\u0000${n.id}`, n);
    });
    this.stored = stored;
    this.docs.set(record.id, docs);
    this.imports.set(record.id, record);
    this.index = undefined;
  }

  async removeImport(id: string): Promise<void> {
    this.imports.delete(id);
    this.docs.delete(id);
    for (const [k, n] of this.stored) if (n.importId === id) this.stored.delete(k);
    this.index = undefined;
  }

  async allDocs(): Promise<ClaimDoc[]> {
    return [...this.imports.keys()].flatMap((id) => this.docs.get(id) ?? []);
  }

  async getNotes(ids: string[]): Promise<Note[]> {
    const wanted = new Set(ids);
    const out = new Map<string, Note>();
    for (const n of this.stored.values()) if (wanted.has(n.id) && !out.has(n.id)) out.set(n.id, n.note);
    return ids.map((id) => out.get(id)).filter((n): n is Note => !!n);
  }

  async getIndex() {
    return this.index;
  }

  async putIndex(key: string, data: ClaimIndexData): Promise<void> {
    // A structured clone, as IndexedDB makes.
    this.index = structuredClone({ key, data });
  }
}

/**
 * What detection and extraction both work out about a page (its main container, its JSON-LD): kept until the
 * task ends, so that the two read it once, and kept longer while the caller holds the page (`holdPage`), so that
 * they can run in separate tasks with the browser free to handle input between them. A page read again later is
 * read afresh.
 */
const kept = new Map<string, { doc: Document; value: unknown }>();
let held: Document | null = null;
let clearing = false;

function clearUnheld() {
  clearing = false;
  for (const [name, entry] of kept) if (entry.doc !== held) kept.delete(name);
}

/**
 * `compute()` for `doc`, once per task (or per hold). `stillValid` is asked of a kept value before it is reused:
 * a page held across tasks may have changed meanwhile.
 */
export function pageMemo<T>(name: string, doc: Document, compute: () => T, stillValid?: (value: T) => boolean): T {
  const hit = kept.get(name);
  if (hit?.doc === doc && (!stillValid || stillValid(hit.value as T))) return hit.value as T;
  const value = compute();
  kept.set(name, { doc, value });
  if (!clearing) {
    clearing = true;
    queueMicrotask(clearUnheld);
  }
  return value;
}

/** Keeps what is worked out about `doc` until the function returned is called. */
export function holdPage(doc: Document): () => void {
  held = doc;
  return () => {
    if (held !== doc) return;
    held = null;
    for (const [name, entry] of kept) if (entry.doc === doc) kept.delete(name);
  };
}

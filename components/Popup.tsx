import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@/utils/categories';
import type { PopupToBackground, PopupToContent, TabState } from '@/utils/messages';
import type { Finding, Note } from '@/utils/types';
import { NoteView } from './NoteView';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState | null };

/** Everything Gloss found on one tab: outlet notes first, then the findings by category. */
export function Popup({ tabId }: { tabId: number | null }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    if (tabId === null) return setLoad({ status: 'ready', state: null });
    const message: PopupToBackground = { type: 'gloss:get', tabId };
    void browser.runtime
      .sendMessage(message)
      .then((state) => setLoad({ status: 'ready', state: (state as TabState | null) ?? null }))
      .catch(() => setLoad({ status: 'ready', state: null }));
  }, [tabId]);

  if (load.status === 'loading') return <p class="status">Reading…</p>;
  const { state } = load;
  if (!state) return <p class="status">Gloss has not read this page.</p>;
  if (!state.detection.isArticle) {
    return (
      <main>
        <h1 class="title">Not a news article</h1>
        <p class="status">Gloss stays quiet here. Why it decided so:</p>
        <ul class="reasons">
          {state.detection.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </main>
    );
  }
  const notes = Object.fromEntries(state.notes.map((n) => [n.id, n]));
  const outletNotes = [state.outlet, ...state.outlets]
    .map((o) => (o ? notes[o.noteId] : undefined))
    .filter((n): n is Note => !!n);
  // Claim notes, then term notes, in the order the article raises them.
  const contextNotes = [
    ...new Set(
      state.findings
        .filter((f) => f.category === 'claim-context')
        .concat(state.findings.filter((f) => f.category === 'term-context'))
        .map((f) => f.noteId),
    ),
  ]
    .map((id) => notes[id])
    .filter((n): n is Note => !!n);
  const groups = new Map<Category, { finding: Finding; index: number }[]>();
  state.findings.forEach((finding, index) => {
    const list = groups.get(finding.category) ?? [];
    list.push({ finding, index });
    groups.set(finding.category, list);
  });
  const focus = (index: number, keyboard: boolean) => {
    if (tabId === null) return;
    const message: PopupToContent = { type: 'gloss:focus', index, keyboard };
    void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    void browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  };
  return (
    <main>
      <h1 class="title">{state.article?.title ?? 'This page'}</h1>
      <p class="status">
        {state.findings.length} {state.findings.length === 1 ? 'finding' : 'findings'}
        {state.article?.publisher ? ` · ${state.article.publisher}` : ''}
      </p>
      {outletNotes.length > 0 && (
        <section class="outlets" aria-label="Outlet notes">
          {outletNotes.map((note) => (
            <NoteView note={note} headingLevel={2} />
          ))}
        </section>
      )}
      {contextNotes.length > 0 && (
        <section class="context" aria-label="Context notes">
          <h2 class="section-title">Context notes</h2>
          {contextNotes.map((note) => (
            <details class="context-note" open={note.kind === 'claim'}>
              <summary>{note.title}</summary>
              <NoteView note={note} headingLevel={3} />
            </details>
          ))}
        </section>
      )}
      {CATEGORIES.filter((c) => groups.has(c)).map((category) => (
        <section class="group" data-category={category}>
          <h2>
            {CATEGORY_LABELS[category]} <span class="count">{groups.get(category)!.length}</span>
          </h2>
          <ul>
            {groups.get(category)!.map(({ finding, index }) => (
              <li>
                <button
                  type="button"
                  class="finding"
                  data-index={index}
                  onClick={(e) => focus(index, (e as MouseEvent).detail === 0)}
                >
                  <span class="finding-text">“{finding.text}”</span>
                  {finding.category === 'claim-context' || finding.category === 'term-context' ? (
                    <span class="finding-note">{notes[finding.noteId]?.title}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

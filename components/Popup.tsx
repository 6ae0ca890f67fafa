import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '@/utils/categories';
import type { PopupToBackground, PopupToContent, TabState } from '@/utils/messages';
import type { Finding, Note } from '@/utils/types';
import { categoryLabel, t } from '@/utils/i18n';
import { siteMode, type Settings } from '@/utils/settings';
import { loadSettings, saveSettings, takeNotice, watchSettings } from '@/utils/settings-store';
import { NoteView } from './NoteView';
import { OutletRatingSection } from './OutletRating';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState | null };

const HOUR = 60 * 60 * 1000;

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

/** Everything Gloss found on one tab (outlet notes first, then context notes, then findings by category), and the
 * switches to quiet it. */
export function Popup({ tabId }: { tabId: number | null }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => {
    if (tabId === null) return setLoad({ status: 'ready', state: null });
    const message: PopupToBackground = { type: 'gloss:get', tabId };
    void browser.runtime
      .sendMessage(message)
      .then((state) => setLoad({ status: 'ready', state: (state as TabState | null) ?? null }))
      .catch(() => setLoad({ status: 'ready', state: null }));
  };
  useEffect(refresh, [tabId]);
  useEffect(() => {
    void loadSettings().then(setSettings).then(takeNotice).then(setNotice);
    // The page repaints when settings change; read its new state a moment later.
    return watchSettings((next) => {
      setSettings(next);
      setTimeout(refresh, 300);
    });
  }, []);

  if (load.status === 'loading') return <p class="status">{t('popup_reading')}</p>;
  const { state } = load;
  const host = hostOf(state?.url);
  const controls = settings && (
    <Controls settings={settings} host={host} onChange={(change) => void saveSettings(change).then(setSettings)} />
  );
  const noticeLine = notice && (
    <p class="notice" role="status">
      {t('popup_notice', notice)}
    </p>
  );
  if (!state) {
    return (
      <main>
        {noticeLine}
        <p class="status">{t('popup_notRead')}</p>
        {controls}
      </main>
    );
  }
  if (state.inactive) {
    const why =
      state.inactive === 'site'
        ? t('popup_pausedSite')
        : state.inactive === 'paused'
          ? t('popup_paused')
          : t('popup_snoozed', new Date(settings?.snoozeUntil ?? Date.now()).toLocaleTimeString());
    return (
      <main>
        {noticeLine}
        <h1 class="title">{why}</h1>
        {controls}
      </main>
    );
  }
  if (!state.detection.isArticle) {
    const kind = state.detection.kind;
    // What the page was read as, and one click to read it anyway: the site is then read as news (settings'
    // "always"), and the page is read again at once.
    const readAnyway = settings && host && (
      <button
        type="button"
        class="control read-anyway"
        onClick={() => void saveSettings({ sites: { ...settings.sites, [host]: 'always' } }).then(setSettings)}
      >
        {t('popup_readAnyway')}
      </button>
    );
    return (
      <main>
        {noticeLine}
        <h1 class="title">{kind && kind !== 'news' ? t(`popup_readAs_${kind}`) : t('popup_notArticle')}</h1>
        <p class="status">{t('popup_quiet')}</p>
        {readAnyway}
        <ul class="reasons">
          {state.detection.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
        {controls}
      </main>
    );
  }
  const notes = Object.fromEntries(state.notes.map((n) => [n.id, n]));
  const outletNotes = [state.outlet, ...state.outlets]
    .map((o) => (o?.noteId ? notes[o.noteId] : undefined))
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
    void browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  };
  const count = state.findings.length;
  // The first stop for the keyboard: straight to the first finding, past the notes and their links.
  const skipToFindings = (e: Event) => {
    e.preventDefault();
    document.querySelector<HTMLElement>('#gloss-findings .finding')?.focus();
  };
  return (
    <main>
      {count > 0 && (
        <a class="skip" href="#gloss-findings" onClick={skipToFindings}>
          {t('popup_skipToFindings')}
        </a>
      )}
      {noticeLine}
      <h1 class="title">{state.article?.title || host}</h1>
      <p class="status">
        {count === 1 ? t('popup_finding') : t('popup_findings', String(count))}
        {state.article?.publisher ? ` · ${state.article.publisher}` : ''}
      </p>
      <details class="why-article">
        <summary>{t('popup_why')}</summary>
        <ul class="reasons">
          {state.detection.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </details>
      <section class="outlets" aria-label={t('popup_outletNotes')}>
        {outletNotes.map((note) => (
          <NoteView note={note} headingLevel={2} />
        ))}
        <OutletRatingSection outlet={state.outlet} host={host} />
      </section>
      {contextNotes.length > 0 && (
        <section class="context" aria-label={t('popup_contextNotes')}>
          <h2 class="section-title">{t('popup_contextNotes')}</h2>
          {contextNotes.map((note) => (
            <details class="context-note">
              <summary>{note.title}</summary>
              <NoteView note={note} headingLevel={3} />
            </details>
          ))}
        </section>
      )}
      <nav id="gloss-findings" class="findings" aria-label={t('popup_findingsList')}>
        {CATEGORIES.filter((c) => groups.has(c)).map((category) => (
          <section class="group" data-category={category}>
            <h2>
              {categoryLabel(category)} <span class="count">{groups.get(category)!.length}</span>
            </h2>
            <ul>
              {groups.get(category)!.map(({ finding, index }) => (
                <li>
                  <button
                    type="button"
                    class="finding"
                    data-index={index}
                    // A click from the keyboard (Enter, Space) has no pointer detail: focus moves into the card.
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
      </nav>
      {controls}
    </main>
  );
}

function Controls({
  settings,
  host,
  onChange,
}: {
  settings: Settings;
  host: string | null;
  onChange: (change: Partial<Settings>) => void;
}) {
  const pausedHere = host ? siteMode(settings, host) === 'never' : false;
  const snoozed = settings.snoozeUntil > Date.now();
  const setSite = (mode: 'never' | null) => {
    if (!host) return;
    const sites = { ...settings.sites };
    // Resuming clears the rule wherever it came from: the host itself or a parent domain.
    if (mode === null)
      for (const key of Object.keys(sites)) if (host === key || host.endsWith(`.${key}`)) delete sites[key];
    if (mode) sites[host] = mode;
    onChange({ sites });
  };
  return (
    <section class="controls" aria-label={t('popup_options')}>
      {host && (
        <button type="button" class="control" onClick={() => setSite(pausedHere ? null : 'never')}>
          {pausedHere ? t('popup_resumeSite') : t('popup_pauseSite')}
        </button>
      )}
      <button type="button" class="control" onClick={() => onChange({ snoozeUntil: snoozed ? 0 : Date.now() + HOUR })}>
        {snoozed ? t('popup_unsnooze') : t('popup_snooze')}
      </button>
      <button type="button" class="control" onClick={() => onChange({ paused: !settings.paused })}>
        {settings.paused ? t('popup_resumeAll') : t('popup_pauseAll')}
      </button>
      <a
        class="control"
        href={browser.runtime.getURL('/options.html')}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('popup_options')}
      </a>
    </section>
  );
}

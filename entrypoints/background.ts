/**
 * The background: holds the rules and the note index (kept out of the pages), reads the article each tab's
 * content script extracted — its phrasing and its notes — and answers with what to paint; keeps what each tab
 * found for the popup, and shows the count on the tab's badge. The rules are compiled once per start of the
 * background, not once per page.
 * Imported fact-checks live in IndexedDB with their retrieval index, which a restarted service worker reads
 * back rather than rebuilds; the options page adds and removes them.
 */
import { browser } from 'wxt/browser';
import notes from 'virtual:gloss/notes';
import rules from 'virtual:gloss/rules';
import ratings from 'virtual:gloss/ratings';
import { compileRules, readForTabInSlices, warmUp } from '@/utils/pipeline';
import { withReasons } from '@/utils/detect-reasons';
import { bundledPhrasingModel } from '@/utils/analyze/model-file';
import { bundledClaimsModel } from '@/utils/claims/model-file';
import type {
  BackgroundMessage,
  FirstSliceToContent,
  ImportsReply,
  OptionsToBackground,
  TabState,
} from '@/utils/messages';
import { TabStore } from '@/utils/tab-store';
import { ImportedClaims, IndexedDbBackend, MemoryBackend } from '@/utils/notes/imported-store';
import { claimDocs } from '@/utils/notes/claims';
import { ImportError, ReviewCollector, readImportFile } from '@/utils/dataset/claimreview';

export default defineBackground(() => {
  const store = new TabStore();
  // The published outlet ratings beside the written notes: the site's rating where no note covers it.
  const data = ratings ? { ...notes, ratings } : notes;
  const action = browser.action ?? browser.browserAction;
  // The bundled claims share the imported claims' index for its statistics, as in `gloss match`.
  const bundled = notes.claims.map((c) => ({
    id: c.id,
    title: notes.notes[c.id]?.title,
    match: { claim: c.claim, phrases: c.phrases },
    sources: notes.notes[c.id]?.sources,
  }));
  const bundledIds = new Set(bundled.map((c) => c.id));
  const imported = new ImportedClaims(
    typeof indexedDB === 'undefined' ? new MemoryBackend() : new IndexedDbBackend(indexedDB),
    claimDocs(bundled),
  );
  // Read the index back as soon as the worker wakes, so that the first page does not wait for it.
  void imported.ready().catch(() => undefined);

  function showCount(tabId: number, count: number) {
    void action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    void action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
  }

  // The first article after the worker starts compiles the patterns and models in steps, one task each, rather
  // than in the first read's one long task; pages that are not articles never pay for it.
  let warming: Promise<unknown> | undefined;

  // The latest read of each tab: a long read that a newer one overtook does not overwrite what the popup shows.
  const latest = new Map<number, number>();
  let reads = 0;

  async function read(tabId: number, message: Extract<BackgroundMessage, { type: 'gloss:read' }>) {
    const { text: _text, ...meta } = message.article;
    // The page reports detection's evidence as ids and values; its reasons are worded here.
    const shown = withReasons(message.detection);
    const ticket = ++reads;
    latest.set(tabId, ticket);
    const index = await imported.ready().catch(() => null);
    await (warming ??= warmUp(rules, data, bundledPhrasingModel(), bundledClaimsModel()).catch(() => []));
    const search = index && index.retriever.size ? { retriever: index.retriever, exclude: bundledIds } : undefined;
    // A book-length page is read in slices with turns between them, so that the worker answers the popup and
    // other tabs meanwhile.
    const { reasons, ...context } = await readForTabInSlices(
      message,
      compileRules(rules),
      data,
      search,
      bundledPhrasingModel(),
      bundledClaimsModel(),
      {
        // The top of a long article is painted while the rest is read.
        first: (partial) => {
          if (latest.get(tabId) !== ticket) return;
          const state: TabState = { url: message.url, detection: shown, article: meta, ...partial };
          void browser.tabs
            .sendMessage(tabId, { type: 'gloss:first-slice', url: message.url, state } satisfies FirstSliceToContent)
            .catch(() => undefined);
        },
      },
    );
    const detection = reasons.length ? { ...shown, reasons: [...shown.reasons, ...reasons] } : shown;
    // Imported notes stay in IndexedDB until a page needs them.
    const have = new Set(context.notes.map((n) => n.id));
    const missing = [...new Set(context.findings.map((f) => f.noteId))].filter((id) => !have.has(id));
    if (missing.length) context.notes.push(...(await imported.notes(missing).catch(() => [])));
    const state: TabState = { url: message.url, detection, article: meta, ...context };
    if (latest.get(tabId) !== ticket) return state;
    void store.set(tabId, state);
    showCount(tabId, state.findings.length);
    return state;
  }

  // Streamed imports under way: their reviews so far, kept in memory only until the commit.
  const sessions = new Map<string, { collector: ReviewCollector; started: number }>();

  async function streamed(message: OptionsToBackground): Promise<ImportsReply | null> {
    if (message.type === 'gloss:imports-begin') {
      // A session the options page left behind (closed mid-import) goes after ten minutes.
      for (const [id, s] of sessions) if (Date.now() - s.started > 10 * 60 * 1000) sessions.delete(id);
      const session = crypto.randomUUID();
      const collector = new ReviewCollector({
        importedFrom: message.fileName,
        license: message.license?.trim() || undefined,
      });
      sessions.set(session, { collector, started: Date.now() });
      return { ok: true, imports: await imported.list(), session, progress: collector.counts };
    }
    if (message.type === 'gloss:imports-batch') {
      const s = sessions.get(message.session);
      if (!s) return { ok: false, error: 'the import was interrupted; choose the file again', imports: [] };
      s.collector.add(message.entries);
      return { ok: true, imports: [], progress: s.collector.counts };
    }
    if (message.type === 'gloss:imports-abort') {
      sessions.delete(message.session);
      return { ok: true, imports: await imported.list() };
    }
    if (message.type === 'gloss:imports-commit') {
      const s = sessions.get(message.session);
      sessions.delete(message.session);
      if (!s)
        return {
          ok: false,
          error: 'the import was interrupted; choose the file again',
          imports: await imported.list(),
        };
      return storeImport(s.collector.result());
    }
    return null;
  }

  /** An import's notes stored in one transaction, or why not. */
  async function storeImport({ dataset, skipped }: ReturnType<ReviewCollector['result']>): Promise<ImportsReply> {
    if (!dataset.notes.length) {
      const why = skipped[0] ? `; the first: ${skipped[0].at}: ${skipped[0].reason}` : '';
      return {
        ok: false,
        error: `no review in the file could be imported (${skipped.length} skipped${why})`,
        imports: await imported.list(),
      };
    }
    const record = await imported.add(dataset);
    void imported.ready().catch(() => undefined);
    return {
      ok: true,
      imports: await imported.list(),
      added: { id: record.id, count: record.count, skipped: skipped.slice(0, 50), skippedCount: skipped.length },
    };
  }

  async function imports(message: OptionsToBackground): Promise<ImportsReply> {
    try {
      const reply = await streamed(message);
      if (reply) return reply;
      if (message.type === 'gloss:imports-add') {
        return storeImport(
          readImportFile(message.text, {
            importedFrom: message.fileName,
            license: message.license?.trim() || undefined,
          }),
        );
      }
      if (message.type === 'gloss:imports-remove') await imported.remove(message.id);
      const index = await imported.ready();
      return {
        ok: true,
        imports: await imported.list(),
        index: { claims: index.retriever.size, restored: index.restored, ms: index.ms },
      };
    } catch (error) {
      const reason = error instanceof ImportError ? error.message : `the import failed: ${(error as Error).message}`;
      return { ok: false, error: reason, imports: await imported.list().catch(() => []) };
    }
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = raw as BackgroundMessage | OptionsToBackground;
    const tabId = sender.tab?.id;
    switch (message?.type) {
      case 'gloss:read': {
        if (tabId === undefined) return undefined;
        return read(tabId, message);
      }
      case 'gloss:not-article': {
        if (tabId === undefined) return undefined;
        const detection = withReasons(message.detection);
        // A page Gloss was kept from reading (off for the site, paused, snoozed) is not read as anything.
        if (message.inactive) delete detection.kind;
        void store.set(tabId, {
          url: message.url,
          detection,
          article: null,
          findings: [],
          notes: [],
          outlet: null,
          outlets: [],
        });
        showCount(tabId, 0);
        return undefined;
      }
      case 'gloss:get':
        return store.get(message.tabId);
      case 'gloss:imports-list':
      case 'gloss:imports-add':
      case 'gloss:imports-remove':
      case 'gloss:imports-begin':
      case 'gloss:imports-batch':
      case 'gloss:imports-commit':
      case 'gloss:imports-abort':
        // Only the extension's own pages manage imports, never a content script.
        if (sender.tab && !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
        return imports(message);
      default:
        return undefined;
    }
  });

  // A navigation starts a new page: its findings are not the old page's.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) {
      latest.delete(tabId);
      void store.delete(tabId);
      showCount(tabId, 0);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    latest.delete(tabId);
    void store.delete(tabId);
  });
});

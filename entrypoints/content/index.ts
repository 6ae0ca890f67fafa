/**
 * The content script: decides whether the page is a news article, extracts it, paints what the background found
 * in it and opens the note card on a click. The rules and the notes stay in the background, which compiles them
 * once; the page pays only for detection, extraction and painting. It follows the reader's settings as they change, pages that change themselves (late
 * content, single-page-app navigation) and the keyboard commands. The DOM of the page is never changed; the card
 * lives in a shadow root under a <gloss-card> element.
 */
import './highlights.css';
import { browser } from 'wxt/browser';
import { detectArticleInSlices } from '@/utils/detect';
import { extractArticleInSlices, type Extraction } from '@/utils/extract';
import { holdPage } from '@/utils/dom/page-memo';
import { idle, yieldToBrowser } from '@/utils/dom/yield';
import { textChange } from '@/utils/dom/mutations';
import { rangeFor, unmarkableIntervals } from '@/utils/anchor';
import { itemsAt, paint, unpaint, supportsHighlights, type Painted } from '@/utils/paint';
import {
  isMessage,
  type CommandToContent,
  type ContentToBackground,
  type FirstSliceToContent,
  type PopupToContent,
  type TabState,
} from '@/utils/messages';
import { activeOn, defaultSettings, siteMode, type Settings } from '@/utils/settings';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { addFeedback } from '@/utils/feedback';
import { CATEGORIES } from '@/utils/categories';
import type { Finding, PageDetection } from '@/utils/types';
import { CardHost } from './card';
import { PointerCursor } from './cursor';

const MUTATION_DEBOUNCE = 400;
// A page that is not an article when it settles may still become one (content arriving late): look again when
// changes have brought this much new text, this many times at most.
const LATE_CHECKS = 6;
const LATE_TEXT = 400;
// An article is read again when its text has changed by about a paragraph (a live story, a correction), not for
// ads, timers, lazy images or class flips; and not more than this many times without a navigation.
const CHANGED_TEXT = 200;
const REREADS = 20;
// The highlights wait for the page's own rendering to settle, this long at most.
const PAINT_WAIT = 300;
const NAVIGATION_DELAY = 150;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT announces each start of the script to the page with a window message naming the extension, which any
  // page can read (and which costs a few milliseconds on every page); a reload of the extension is announced
  // with a DOM event as well, which is all it needs.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!supportsHighlights()) return;
    let settings: Settings = defaultSettings();
    let state: TabState | null = null;
    let extraction: Extraction | null = null;
    let painted: Painted[] = [];
    let hidden = false;
    let current = -1;
    let generation = 0;
    let observer: MutationObserver | null = null;
    // What the last read asked the background, but for the text: the address, the settings, the unmarked stretches.
    let lastAsked = '';
    let lateChecks = 0;
    // The read waiting for the background's reply, whose first slice a long article's reader may see first.
    let pending: { run: number; extracted: Extraction } | null = null;
    // Whether the page has navigated in place since it loaded: its title and meta tags may be the page before's.
    let navigated = false;
    const card = new CardHost(ctx);
    const cursor = new PointerCursor();

    const send = (message: ContentToBackground) => browser.runtime.sendMessage(message);

    function clear() {
      // Only what Gloss painted is taken down: a page that is not an article never touches the highlight registry.
      unpaint();
      card.close();
      cursor.set(false);
      painted = [];
      current = -1;
    }

    async function read() {
      const run = ++generation;
      const url = location.href;
      const host = location.hostname;
      const active = activeOn(settings, host);
      if (!active.on) {
        clear();
        state = null;
        stopObserving();
        const detection: PageDetection = { isArticle: false, confidence: 0, evidence: [] };
        await send({ type: 'gloss:not-article', url, detection, inactive: active.why as TabState['inactive'] });
        return;
      }
      // Detection and extraction are two tasks, with the browser free to handle input between them; what detection
      // worked out about the page (its main container, its structured data) is held for extraction.
      const release = holdPage(document);
      let detection: PageDetection;
      let extracted: Extraction;
      try {
        // A very long page is walked in slices with the browser free between them (one of ordinary length in
        // one): no task of Gloss's keeps the reader waiting.
        detection = await detectArticleInSlices(document, url, yieldToBrowser, { navigated });
        if (run !== generation || ctx.isInvalid) return;
        if (!detection.isArticle && siteMode(settings, host) !== 'always') {
          clear();
          state = null;
          observe(document.body, true);
          await send({ type: 'gloss:not-article', url, detection });
          return;
        }
        await yieldToBrowser();
        if (run !== generation || ctx.isInvalid) return;
        extracted = await extractArticleInSlices(document, url, yieldToBrowser);
        if (run !== generation || ctx.isInvalid) return;
      } finally {
        release();
      }
      // Extraction and what follows it (the stretches never marked, the message) are two tasks as well.
      await yieldToBrowser();
      if (run !== generation || ctx.isInvalid) return;
      // Only what can be shown counts: a category switched off, or words in an editable region, are left out.
      const hiddenCategories = CATEGORIES.filter((c) => settings.categories[c] === false);
      const unmarkable = unmarkableIntervals(extracted.runs);
      // The page changed around the story but not the story itself (an ad slot, a counter): what the background
      // found still holds, and only the highlights' anchors are taken again.
      const asked = [url, settings.sensitivity, hiddenCategories.join(), JSON.stringify(unmarkable)].join('\n');
      if (state && extraction && asked === lastAsked && extracted.article.text === extraction.article.text) {
        extraction = extracted;
        show();
        observe(extracted.root?.closest('article, main') ?? extracted.root ?? document.body, false);
        return;
      }
      pending = { run, extracted };
      const reply = (await send({
        type: 'gloss:read',
        url,
        detection: detection.isArticle
          ? detection
          : { ...detection, isArticle: true, evidence: [...detection.evidence, ['settings_always_on']] },
        article: extracted.article,
        sensitivity: settings.sensitivity,
        hidden: hiddenCategories,
        unmarkable,
      })) as TabState | undefined;
      if (pending?.run === run) pending = null;
      // A newer read started meanwhile (navigation, settings): this one is stale.
      if (!reply || run !== generation || ctx.isInvalid) return;
      state = reply;
      extraction = extracted;
      lastAsked = asked;
      // Painting makes the browser restyle the page: done when the page's own work lets it, within PAINT_WAIT.
      await idle(PAINT_WAIT);
      if (run !== generation || ctx.isInvalid) return;
      show();
      observe(extracted.root?.closest('article, main') ?? extracted.root ?? document.body, false);
    }

    /** The top of a long article, painted while the background reads the rest; the whole reply replaces it. */
    async function firstSlice(message: FirstSliceToContent) {
      const waiting = pending;
      if (!waiting || waiting.run !== generation || message.url !== location.href) return;
      await idle(PAINT_WAIT);
      if (pending !== waiting || waiting.run !== generation || ctx.isInvalid) return;
      state = message.state;
      extraction = waiting.extracted;
      // Not what the page asked for in full: a read of the same text later asks again.
      lastAsked = '';
      show();
    }

    function show() {
      const next: Painted[] = [];
      if (state && extraction && !hidden) {
        state.findings.forEach((finding, index) => {
          // No range over the reader's own typing or code (`rangeFor` refuses those).
          const range = rangeFor(document, extraction!.runs, finding.start, finding.end);
          if (range) next.push({ index, category: finding.category, range });
        });
      }
      // The same highlights over the same words: nothing to do, and a card the reader has open stays open.
      if (next.length && samePainted(painted, next)) return;
      card.close();
      cursor.set(false);
      current = -1;
      painted = next;
      if (!next.length) {
        unpaint();
        return;
      }
      // Only the categories whose highlights changed are written to the registry.
      paint(painted);
      listen();
    }

    // --- pages that change ---------------------------------------------------------------------------------
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rereads = 0;
    const ownNode = (node: Node) =>
      node instanceof Element && (node.localName.startsWith('gloss-') || !!node.closest('gloss-card'));
    function observe(root: Element | null, late: boolean) {
      stopObserving();
      if (!root) return;
      if (late ? lateChecks >= LATE_CHECKS : rereads >= REREADS) return;
      // Text added or taken away since the last read; what is not text (an ad's frame, a timer's tick, a class
      // flip, our own card) does not count.
      let changed = 0;
      observer = new MutationObserver((records) => {
        changed += textChange(records, ownNode);
        if (changed < (late ? LATE_TEXT : CHANGED_TEXT)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (late) lateChecks++;
          else rereads++;
          void read().catch(quiet);
        }, MUTATION_DEBOUNCE);
      });
      observer.observe(root, { childList: true, subtree: true, characterData: !late, characterDataOldValue: !late });
    }
    function stopObserving() {
      observer?.disconnect();
      observer = null;
      clearTimeout(timer);
    }
    // The navigation is announced before the page has changed its URL and content: read once it has, and keep
    // watching for a story that arrives later still.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      navigated = true;
      generation++;
      lateChecks = 0;
      rereads = 0;
      stopObserving();
      clear();
      state = null;
      timer = setTimeout(() => void read().catch(quiet), NAVIGATION_DELAY);
    });
    ctx.onInvalidated(() => {
      stopObserving();
      clear();
    });

    // Clicks and pointer moves matter only once something is painted: a page without highlights never hears
    // from Gloss when the reader moves the mouse.
    let listening = false;
    function listen() {
      if (listening) return;
      listening = true;
      ctx.addEventListener(document, 'click', (event) => {
        const e = event as MouseEvent;
        if (!painted.length || e.button !== 0 || card.contains(e.target)) return;
        const hits = itemsAt(painted, e.clientX, e.clientY);
        if (hits.length) open(hits, false);
        else card.close();
      });
      let moveFrame = 0;
      ctx.addEventListener(
        document,
        'mousemove',
        (event) => {
          if (!painted.length || moveFrame) return;
          const { clientX, clientY } = event as MouseEvent;
          moveFrame = requestAnimationFrame(() => {
            moveFrame = 0;
            cursor.set(itemsAt(painted, clientX, clientY).length > 0);
          });
        },
        { passive: true },
      );
    }

    // --- the card ------------------------------------------------------------------------------------------
    function open(hits: Painted[], keyboard: boolean) {
      if (!state || !hits.length) return;
      const findings = hits.map((h) => state!.findings[h.index]!);
      current = hits[0]!.index;
      const sentence = findings[0]!.sentence;
      const related = state.findings
        .filter((f) => f.sentence === sentence && (f.category === 'claim-context' || f.category === 'term-context'))
        .map((f) => f.noteId);
      const notes = Object.fromEntries(state.notes.map((n) => [n.id, n]));
      const order = painted.map((p) => p.index);
      const position = order.indexOf(current);
      card.open(
        {
          findings,
          notes,
          related,
          focus: keyboard,
          theme: settings.theme,
          outlet: state.outlet,
          host: location.hostname,
          position: { index: position, total: order.length },
          onPrevious: () => step(-1, keyboard),
          onNext: () => step(1, keyboard),
          onFeedback: (kind: 'wrong' | 'not-helpful', finding: Finding) => addFeedback(kind, finding, location.href),
        },
        // The card keeps clear of the words it explains: the finding, and the claim or term it brings in.
        [
          hits[0]!.range,
          ...painted
            .filter((p) => {
              const f = state!.findings[p.index];
              return p !== hits[0] && f?.sentence === sentence && related.includes(f.noteId);
            })
            .map((p) => p.range),
        ],
      );
    }

    function focusFinding(index: number, keyboard: boolean): boolean {
      const item = painted.find((p) => p.index === index);
      if (!item) return false;
      item.range.startContainer.parentElement?.scrollIntoView({
        block: 'center',
        behavior: 'instant' as ScrollBehavior,
      });
      open([item], keyboard);
      return true;
    }

    function step(direction: 1 | -1, keyboard: boolean) {
      if (!painted.length) return;
      const order = painted.map((p) => p.index);
      const at = order.indexOf(current);
      const next = at < 0 ? (direction > 0 ? 0 : order.length - 1) : (at + direction + order.length) % order.length;
      focusFinding(order[next]!, keyboard);
    }

    // The browser's own namespace here (see wxt.config.ts): the answer goes through `sendResponse`, which Chromium
    // and Firefox both take, rather than a returned promise.
    browser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, sendResponse: (answer: boolean) => void) => {
        if (isMessage<FirstSliceToContent>(message, 'gloss:first-slice')) void firstSlice(message);
        else if (isMessage<PopupToContent>(message, 'gloss:focus'))
          sendResponse(focusFinding(message.index, message.keyboard));
        else if (isMessage<CommandToContent>(message, 'gloss:command')) {
          if (message.command === 'toggle-page') {
            hidden = !hidden;
            show();
          } else if (!hidden) step(message.command === 'next-finding' ? 1 : -1, true);
          sendResponse(true);
        }
        return undefined;
      },
    );

    watchSettings((next) => {
      settings = next;
      lateChecks = 0;
      void read().catch(quiet);
    });
    void loadSettings()
      .then((loaded) => {
        settings = loaded;
        return read();
      })
      .catch(quiet);
  },
});

/** Two paintings of the same findings over the same words. */
function samePainted(a: readonly Painted[], b: readonly Painted[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    return (
      p.index === q.index &&
      p.category === q.category &&
      p.range.startContainer === q.range.startContainer &&
      p.range.startOffset === q.range.startOffset &&
      p.range.endContainer === q.range.endContainer &&
      p.range.endOffset === q.range.endOffset
    );
  });
}

function quiet(error: unknown) {
  // One quiet line, never an error in the page's console for something the reader cannot act on.
  console.debug('[gloss] could not read this page:', error);
}

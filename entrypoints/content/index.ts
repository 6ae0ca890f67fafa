/**
 * The content script: decides whether the page is a news article, reads it, paints what it found and opens
 * the note card on a click. The DOM of the page is never changed; the card lives in a shadow root under a
 * <gloss-card> element.
 */
import './highlights.css';
import { browser } from 'wxt/browser';
import rules from 'virtual:gloss/rules';
import { detectArticle } from '@/utils/detect';
import { extractArticle, type Extraction } from '@/utils/extract';
import { analyzePhrasing, compileRules } from '@/utils/pipeline';
import { rangeFor } from '@/utils/anchor';
import { itemsAt, paint, unpaint, supportsHighlights, type Painted } from '@/utils/paint';
import { isMessage, type ContentToBackground, type PopupToContent, type TabState } from '@/utils/messages';
import { CardHost } from './card';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    let state: TabState | null = null;
    let painted: Painted[] = [];
    const card = new CardHost(ctx);

    const send = (message: ContentToBackground) => browser.runtime.sendMessage(message);

    async function read() {
      const url = location.href;
      const detection = detectArticle(document, url);
      if (!detection.isArticle) {
        void send({ type: 'gloss:not-article', url, detection }).catch(() => undefined);
        return;
      }
      const extraction = extractArticle(document, url);
      const phrasing = analyzePhrasing(extraction.article.text, extraction.article.lang, compileRules(rules));
      const reply = (await send({
        type: 'gloss:read',
        url,
        detection: { ...detection, reasons: [...detection.reasons, ...phrasing.reasons] },
        article: extraction.article,
        sentences: phrasing.sentences,
        findings: phrasing.findings,
      })) as TabState | undefined;
      if (!reply || ctx.isInvalid) return;
      state = reply;
      show(extraction, reply);
    }

    function show(extraction: Extraction, result: TabState) {
      painted = [];
      result.findings.forEach((finding, index) => {
        const range = rangeFor(document, extraction.runs, finding.start, finding.end);
        if (range) painted.push({ index, category: finding.category, range });
      });
      paint(painted);
    }

    function open(hits: Painted[], keyboard: boolean) {
      if (!state || !hits.length) return;
      const findings = hits.map((h) => state!.findings[h.index]!);
      const sentence = findings[0]!.sentence;
      const related = state.findings
        .filter((f) => f.sentence === sentence && (f.category === 'claim-context' || f.category === 'term-context'))
        .map((f) => f.noteId);
      const notes = Object.fromEntries(state.notes.map((n) => [n.id, n]));
      card.open({ findings, notes, related, focus: keyboard }, hits[0]!.range);
    }

    ctx.addEventListener(document, 'click', (event) => {
      const e = event as MouseEvent;
      if (!painted.length || e.button !== 0 || card.contains(e.target)) return;
      const hits = itemsAt(painted, e.clientX, e.clientY);
      if (hits.length) open(hits, false);
      else card.close();
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!isMessage<PopupToContent>(message, 'gloss:focus')) return undefined;
      const item = painted.find((p) => p.index === message.index);
      if (!item) return Promise.resolve(false);
      const target = item.range.startContainer.parentElement;
      target?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      open([item], message.keyboard);
      return Promise.resolve(true);
    });

    ctx.onInvalidated(() => {
      unpaint();
      card.close();
    });

    if (!supportsHighlights()) return;
    void read().catch((error: unknown) => {
      // One quiet line, never an error in the page's console for something the reader cannot act on.
      console.debug('[gloss] could not read this page:', error);
    });
  },
});

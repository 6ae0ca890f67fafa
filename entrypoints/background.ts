/**
 * The background: holds the note index (kept out of the pages), answers each tab's content script with the
 * notes for its article, keeps what each tab found for the popup, and shows the count on the tab's badge.
 */
import { browser } from 'wxt/browser';
import notes from 'virtual:gloss/notes';
import { matchContext } from '@/utils/pipeline';
import type { BackgroundMessage, TabState } from '@/utils/messages';
import { TabStore } from '@/utils/tab-store';

export default defineBackground(() => {
  const store = new TabStore();
  const action = browser.action ?? browser.browserAction;

  function showCount(tabId: number, count: number) {
    void action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    void action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = raw as BackgroundMessage;
    const tabId = sender.tab?.id;
    switch (message?.type) {
      case 'gloss:read': {
        if (tabId === undefined) return undefined;
        const { text, ...meta } = message.article;
        const context = matchContext(text, message.sentences, meta, message.url, message.findings, notes);
        const state: TabState = { url: message.url, detection: message.detection, article: meta, ...context };
        void store.set(tabId, state);
        showCount(tabId, state.findings.length);
        return Promise.resolve(state);
      }
      case 'gloss:not-article': {
        if (tabId === undefined) return undefined;
        void store.set(tabId, {
          url: message.url,
          detection: message.detection,
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
      default:
        return undefined;
    }
  });

  // A navigation starts a new page: its findings are not the old page's.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) {
      void store.delete(tabId);
      showCount(tabId, 0);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void store.delete(tabId));
});

/**
 * Per-tab results, kept in session storage where the browser has it so that a stopped service worker
 * wakes up knowing what each tab found, and in memory besides.
 */
import { browser } from 'wxt/browser';
import type { TabState } from './messages';

const key = (tabId: number) => `tab:${tabId}`;

export class TabStore {
  private memory = new Map<number, TabState>();
  private session = (browser.storage as { session?: typeof browser.storage.local }).session;

  async set(tabId: number, state: TabState): Promise<void> {
    this.memory.set(tabId, state);
    await this.session?.set({ [key(tabId)]: state }).catch(() => undefined);
  }

  async get(tabId: number): Promise<TabState | null> {
    const hit = this.memory.get(tabId);
    if (hit) return hit;
    const stored = await this.session?.get(key(tabId)).catch(() => undefined);
    const state = (stored?.[key(tabId)] as TabState | undefined) ?? null;
    if (state) this.memory.set(tabId, state);
    return state;
  }

  async delete(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    await this.session?.remove(key(tabId)).catch(() => undefined);
  }
}

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { glossDataset } from './utils/dataset/vite-plugin';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), glossDataset()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Gloss reads the page it is on and keeps per-tab results while the tab is open; nothing else.
    permissions: ['storage', ...(browser === 'firefox' ? [] : [])],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.invalid', strict_min_version: '128.0' } } }
      : {}),
  }),
});

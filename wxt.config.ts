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
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-page': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_commandToggle__' },
      'next-finding': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNext__' },
      'previous-finding': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPrevious__' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.invalid', strict_min_version: '128.0' } } }
      : {}),
  }),
});

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
  hooks: {
    // The content script runs on every page the reader opens, so it uses the browsers' own promise-based
    // `browser`/`chrome` namespace (what `wxt/browser` is without the polyfill): in Chromium the polyfill's set-up
    // and its proxies cost the page milliseconds before Gloss has decided anything. Firefox has `browser` natively
    // either way. The extension's own pages and the background keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
      // The content script is paid on every page load: terser with two passes packs it about 3% smaller (gzipped)
      // than the default minifier. Only there: elsewhere it would fold a library's `const F = Function; new F("")`
      // probe into the `new Function(` that the bundles are checked never to contain.
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 }, ecma: 2020 } };
    },
  },
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
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.invalid',
              strict_min_version: '128.0',
              // Gloss collects and transmits nothing; Firefox asks new extensions to say so.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/** Builds the `gloss` command-line interface: the same pipeline as the extension, for Node. */
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { glossDataset } from '../utils/dataset/vite-plugin';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  plugins: [glossDataset(resolve(root, 'dataset'))],
  resolve: { alias: { '@': root } },
  logLevel: 'warn',
  build: {
    ssr: resolve(root, 'cli/main.ts'),
    outDir: resolve(root, '.output/cli'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'gloss.mjs' } },
  },
});

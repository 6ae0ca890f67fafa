/** Builds the benchmark's browser bundle of the reading pipeline and the dataset (see scripts/bench/entry.ts). */
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { glossDataset } from '../../utils/dataset/vite-plugin';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  publicDir: false,
  plugins: [glossDataset(resolve(root, 'dataset'))],
  resolve: { alias: { '@': root } },
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '.tmp/bench'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: resolve(root, 'scripts/bench/entry.ts'),
      formats: ['iife'],
      name: 'glossBenchBundle',
      fileName: () => 'pipeline.js',
    },
  },
});

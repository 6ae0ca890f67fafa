#!/usr/bin/env node
// `npm run check:notes [DATASET]`: bundles scripts/check-notes.ts with esbuild and runs it, so the check reads the
// notes with the same TypeScript modules as the build.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/check-notes.mjs');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  entryPoints: [resolve(root, 'scripts/check-notes.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2), root);

#!/usr/bin/env node
// `npm run eval:outlets -- CORPORA`: bundles scripts/eval-outlets.ts with esbuild and runs it, so the
// evaluation runs the same TypeScript modules as the extension without a separate loader.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/eval-outlets.mjs');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  entryPoints: [resolve(root, 'scripts/eval-outlets.ts')],
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

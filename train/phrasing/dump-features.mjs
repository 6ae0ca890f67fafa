#!/usr/bin/env node
// `node train/phrasing/dump-features.mjs CORPORA OUT.tsv`: bundles dump-features.ts with esbuild and runs it, so
// the features are computed by the extension's own TypeScript (utils/analyze/model-features.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, '.tmp/dump-phrasing-features.mjs');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  stdin: {
    contents: `import { main } from './train/phrasing/dump-features.ts';\nprocess.exitCode = await main(process.argv.slice(2), ${JSON.stringify(root)});\n`,
    resolveDir: root,
    sourcefile: 'dump-phrasing-entry.ts',
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;

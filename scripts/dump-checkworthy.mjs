#!/usr/bin/env node
// `node scripts/dump-checkworthy.mjs CORPORA OUT_DIR`: bundles scripts/dump-checkworthy.ts with esbuild and runs it, so
// the training files carry the features the extension computes, from the same TypeScript module.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/dump-checkworthy.mjs');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  stdin: {
    contents: `import { main } from './scripts/dump-checkworthy.ts';\nprocess.exitCode = main(process.argv.slice(2));\n`,
    resolveDir: root,
    sourcefile: 'dump-checkworthy-entry.ts',
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

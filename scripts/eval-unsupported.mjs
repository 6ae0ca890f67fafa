#!/usr/bin/env node
// `npm run eval:unsupported -- CORPORA`: bundles scripts/eval-unsupported.ts with esbuild and runs the bundle, so
// evaluation runs the same TypeScript modules as the extension without a separate loader.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/eval-unsupported.mjs');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
await build({
  stdin: {
    contents: `import { main } from './scripts/eval-unsupported.ts';\nprocess.exitCode = await main(process.argv.slice(2), ${JSON.stringify(root)});\n`,
    resolveDir: root,
    sourcefile: 'eval-unsupported-entry.ts',
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

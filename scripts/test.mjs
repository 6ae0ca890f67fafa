#!/usr/bin/env node
// `npm test`: format, lint and type checks, the builds, the unit tests and the end-to-end tests in real
// Chromium and Firefox, then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['build (Chrome)', 'npx', ['wxt', 'build']],
  ['build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['build (CLI)', 'npx', ['vite', 'build', '-c', 'cli/vite.config.ts']],
  [
    'unit tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${resolve('.tmp/unit.json')}`],
  ],
  [
    'end-to-end tests',
    'npx',
    [
      'vitest',
      'run',
      '-c',
      'tests/e2e/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${resolve('.tmp/e2e.json')}`,
    ],
  ],
];

rmSync('.tmp', { recursive: true, force: true });
mkdirSync('.tmp', { recursive: true });
const failedSteps = [];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n▶ ${name}\n`);
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  });
  if (run.status !== 0) failedSteps.push(name);
  // Without a build there is nothing for the end-to-end tests to load.
  if (run.status !== 0 && name.startsWith('build')) break;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['.tmp/unit.json', '.tmp/e2e.json']) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (failedSteps.length) process.stdout.write(`\nFailed: ${failedSteps.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedSteps.length || failed ? 1 : 0);

// Runs a TypeScript entry point of the project's scripts (an evaluation, a check, a training dump) with the same
// modules as the extension and no separate loader: esbuild bundles the file, whose `main(args, root)` is then
// called with the command line's arguments. Shared by the `eval:*`, `check:*` and dump wrappers.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '..');

function bundle(path, out, options) {
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  return build({
    ...options,
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@': root },
    logLevel: 'error',
  });
}

/** Bundles `path` (relative to the repository, e.g. `scripts/eval-voice.ts`) and returns its exports. */
export async function importTs(path) {
  const out = resolve(root, `.tmp/${basename(path, '.ts')}.mjs`);
  await bundle(path, out, { entryPoints: [resolve(root, path)] });
  return import(pathToFileURL(out).href);
}

/**
 * Runs `main(args, root)` of `path` and returns its exit code. `separate: true` runs it in a process of its own
 * (for measurements that should not share a heap or a warmed-up engine with the bundling).
 */
export async function runMain(path, { separate = false } = {}) {
  const args = process.argv.slice(2);
  if (!separate) {
    const { main } = await importTs(path);
    return (await main(args, root)) ?? 0;
  }
  const out = resolve(root, `.tmp/${basename(path, '.ts')}.entry.mjs`);
  await bundle(path, out, {
    stdin: {
      contents: `import { main } from './${path}';\nprocess.exitCode = (await main(process.argv.slice(2), ${JSON.stringify(root)})) ?? 0;\n`,
      resolveDir: root,
      sourcefile: `${basename(path, '.ts')}-entry.ts`,
      loader: 'ts',
    },
  });
  return spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' }).status ?? 1;
}

// Bundles one of the evaluation scripts' TypeScript entry points with esbuild and imports it, so an evaluation
// runs the same modules as the extension without a separate loader. Shared by the `eval:*` wrappers.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '..');

/** Bundles `scripts/<name>.ts` and returns its exports. */
export async function importTs(name) {
  const out = resolve(root, `.tmp/${basename(name)}.mjs`);
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  await build({
    entryPoints: [resolve(root, `scripts/${name}.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@': root },
    logLevel: 'error',
  });
  return import(pathToFileURL(out).href);
}

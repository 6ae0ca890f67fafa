#!/usr/bin/env node
// `npm run eval:articles -- CORPORA`: article detection and body extraction measured on real pages, beside
// Readability.js. CORPORA is the folder holding readability-pages/ and zyte-articles/; without it the script says
// so and stops cleanly. The measuring code is scripts/eval-articles.ts, bundled here with esbuild and run in Node.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const corpora = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(root, '../shared/corpora'));
const wanted = ['readability-pages', 'zyte-articles', 'pages-more'];
if (!wanted.some((d) => existsSync(resolve(corpora, d)))) {
  process.stdout.write(
    `eval:articles: skipped, no corpora at ${corpora} (it needs readability-pages/, zyte-articles/ or pages-more/ in it).\n` +
      'Usage: npm run eval:articles -- PATH/TO/corpora\n',
  );
  process.exit(0);
}

const { build } = await import('esbuild');
const outDir = resolve(root, 'node_modules/.cache/gloss-eval');
mkdirSync(outDir, { recursive: true });
const bundled = await build({
  entryPoints: [resolve(root, 'scripts/eval-articles.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@': root },
  write: false,
  logLevel: 'warning',
});
const file = resolve(outDir, 'eval-articles.mjs');
writeFileSync(file, bundled.outputFiles[0].text);
const { run } = await import(pathToFileURL(file).href);
process.exitCode = await run(corpora, args, root);

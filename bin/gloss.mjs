#!/usr/bin/env node
// The `gloss` command. The CLI is built with the extension (`npm run build`), from the same pipeline.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../.output/cli/gloss.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('gloss: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));

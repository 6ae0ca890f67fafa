#!/usr/bin/env node
// `npm run eval:claims -- CORPORA`: claim retrieval and the imported-claims index measured with the extension's own modules.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-claims.ts');

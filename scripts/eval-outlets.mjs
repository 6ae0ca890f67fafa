#!/usr/bin/env node
// `npm run eval:outlets -- CORPORA`: outlet context on the distinct domains of real news pages.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-outlets.ts');

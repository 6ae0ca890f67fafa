#!/usr/bin/env node
// `npm run eval:phrasing -- CORPORA`: the phrasing analysis measured with the extension's own modules, in a process of its own.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-phrasing.ts', { separate: true });

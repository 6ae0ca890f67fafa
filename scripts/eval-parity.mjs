#!/usr/bin/env node
// `npm run eval:parity -- CORPORA [--split tune|held-out] [--rules]`: left/right parity of phrasing findings by category, with intervals.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-parity.ts', { separate: true });

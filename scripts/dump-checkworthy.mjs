#!/usr/bin/env node
// `node scripts/dump-checkworthy.mjs CORPORA OUT_DIR`: training files with the features the extension computes, from the same TypeScript module.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/dump-checkworthy.ts', { separate: true });

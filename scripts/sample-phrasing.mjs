#!/usr/bin/env node
// `npm run sample:phrasing -- CORPORA`: highlights drawn at random for an editor to judge (see the .ts file).
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/sample-phrasing.ts', { separate: true });

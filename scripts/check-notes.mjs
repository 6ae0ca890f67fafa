#!/usr/bin/env node
// `npm run check:notes [DATASET]`: the notes read with the same TypeScript modules as the build.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/check-notes.ts');

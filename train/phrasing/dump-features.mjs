#!/usr/bin/env node
// `node train/phrasing/dump-features.mjs CORPORA OUT.tsv`: the features computed by the extension's own TypeScript (utils/analyze/model-features.ts).
import { runMain } from '../../scripts/run-ts.mjs';

process.exitCode = await runMain('train/phrasing/dump-features.ts', { separate: true });

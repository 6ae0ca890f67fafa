#!/usr/bin/env node
// `npm run eval:unsupported -- CORPORA`: unsupported claims measured with the extension's own modules, in a process of its own.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-unsupported.ts', { separate: true });

#!/usr/bin/env node
// `npm run eval:voice -- CORPORA`: the voice stage measured on PolNeAR's hand-annotated attributions.
import { runMain } from './run-ts.mjs';

process.exitCode = await runMain('scripts/eval-voice.ts');

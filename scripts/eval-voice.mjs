#!/usr/bin/env node
// `npm run eval:voice -- CORPORA`: the voice stage measured on PolNeAR's hand-annotated attributions.
import { importTs, root } from './run-ts.mjs';

const { main } = await importTs('eval-voice');
process.exitCode = await main(process.argv.slice(2), root);

#!/usr/bin/env node
// What CDP's ScriptDuration and TaskDuration count: the same 100 ms of script, once run by the CDP evaluation
// itself and once from a timer task of the page. (Why `npm run bench` checks its budgets against TaskDuration.)
//
//   node scripts/bench/script-duration.mjs
/* global performance */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const profile = mkdtempSync(join(tmpdir(), 'gloss-script-duration-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto('data:text/html,<p>hello</p>');
  const get = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  for (const mode of ['CDP evaluation', 'timer task']) {
    const a = await get();
    const wall = await page.evaluate(
      (timer) =>
        new Promise((resolve) => {
          const busy = () => {
            const t = performance.now();
            let x = 0;
            while (performance.now() - t < 100) x += Math.sqrt(x + 1);
            resolve(performance.now() - t);
          };
          if (timer) setTimeout(busy, 0);
          else busy();
        }),
      mode === 'timer task',
    );
    const b = await get();
    const ms = (k) => ((b[k] - a[k]) * 1000).toFixed(1);
    process.stdout.write(
      `${mode}: ${wall.toFixed(1)} ms wall; ScriptDuration +${ms('ScriptDuration')} ms, TaskDuration +${ms('TaskDuration')} ms (thread time)\n`,
    );
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

#!/usr/bin/env node
// Where the time of a cold read goes: the V8 CPU profile of one read of a page (as `npm run bench` times it, in a
// fresh page), summed by function. The pipeline bundle is built unminified so that the names are the source's.
//
//   node scripts/bench/profile.mjs                    the generated 10,000-word article
//   node scripts/bench/profile.mjs --words 100000     another length
//   node scripts/bench/profile.mjs --page FILE --url URL   any saved page under the address given
//   node scripts/bench/profile.mjs --warm             profile a second read in the same page instead
//   node scripts/bench/profile.mjs --save FILE        keep the profile (.cpuprofile, for DevTools)
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../serve.mjs';
import { generateArticle } from './generate.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'gloss-profile-'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const words = Number(option('--words') ?? 10000);
const top = Number(option('--top') ?? 30);

mkdirSync(join(WORK, 'pages'), { recursive: true });
let file = option('--page');
let url = option('--url');
if (!file) {
  const a = generateArticle(words);
  file = join(WORK, 'pages', `article-${words}.html`);
  writeFileSync(file, a.html);
  url = `http://www.northern-courier.example${a.path}`;
}
if (!url) throw new Error('--page needs --url');

const { build } = await import('vite');
await build({
  configFile: resolve(import.meta.dirname, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: WORK, minify: false, lib: { fileName: () => 'pipeline.debug.js' } },
});
// Named, so that the profile's frames say which script they are in.
const bundle = `${readFileSync(join(WORK, 'pipeline.debug.js'), 'utf8')}\n//# sourceURL=pipeline.debug.js`;

const u = new URL(url);
const server = await startServer({ [`${u.hostname}${u.pathname}`]: resolve(file) });
const profile = mkdtempSync(join(tmpdir(), 'gloss-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`],
});
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(bundle);
  const cdp = await context.newCDPSession(page);
  const read = () =>
    page.evaluate('new Promise((resolve) => setTimeout(() => window.glossBench.run().then(resolve), 0))');
  if (flag('--warm')) await read();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const run = await read();
  const { profile: cpu } = await cdp.send('Profiler.stop');
  if (option('--save')) writeFileSync(resolve(option('--save')), JSON.stringify(cpu));

  // Self time by function, from the samples and the time between them.
  const nodes = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < cpu.samples.length; i++) {
    const n = nodes.get(cpu.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url}:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
  }
  // Total time by function, counting each function once per sample however deep it recurses.
  const parent = new Map();
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  for (let i = 0; i < cpu.samples.length; i++) {
    const seen = new Set();
    for (let id = cpu.samples[i]; id != null; id = parent.get(id)) {
      const f = nodes.get(id).callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
    }
  }
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  const t = run.times;
  process.stdout.write(
    `${flag('--warm') ? 'warm' : 'cold'} read of ${url} (${run.words} words, ${run.findings} findings)\n` +
      `stages (ms): ${Object.entries(t)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}\n\nself time\n${rows(self)}\n\ntotal time (lines of the unminified bundle)\n${rows(total)}\n`,
  );
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(WORK, { recursive: true, force: true });
}

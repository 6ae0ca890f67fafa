// Where the main-thread time Gloss adds to a page goes, from Chromium traces; and what a reader feels of it: the
// delay of a click while the page is being read, and the time from clicking a highlight to its card on screen.
// Used by `npm run bench` (scripts/bench/run.mjs); the method is in docs/design/performance.md.
//
// A traced load is a load of its own, never one the headline figures come from: tracing with the sampling
// profiler slows the page's main thread, so the parts are given in the traced load's own milliseconds and as
// shares of its total.
/* global innerHeight, performance, MessageChannel -- named in functions that run in the page */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

const ROOT = resolve(import.meta.dirname, '../..');

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

/** The parts, in the order they are printed. */
export const PARTS = [
  ['start', 'compile and start: the script compiled and its top level run'],
  ['detect', 'detection'],
  ['extract', 'extraction'],
  ['paint', 'painting: offsets to ranges, the highlight registry'],
  ['messaging', 'messages and settings: sending, replies, storage'],
  ['mutations', 'mutation-observer callbacks'],
  ['card', 'the card and the pointer'],
  ['other', 'other code of the content script'],
  ['host', 'in Gloss’s tasks outside its code: bindings, message delivery, microtask turns'],
  ['styleInTask', 'style and layout forced inside Gloss’s tasks'],
  ['gcInTask', 'garbage collection inside Gloss’s tasks'],
  ['rendering', 'frames in the other tasks (style, layout, paint, commit), with minus without: after Gloss’s changes'],
  ['page', 'the rest of the other tasks (parsing, loading, events), with minus without: the two loads’ own spread'],
];

/**
 * The extension built once more with a source map (`npx wxt build` as in the project, minified as shipped, the map
 * kept beside it and not referenced from the script), into `outDir`: traces name the content script's functions by
 * the source file they come from. Returns the unpacked extension's folder.
 */
export function buildTraceable(outDir) {
  // In a process of its own: WXT prints its summary on stdout, which `npm run -s bench -- --json` keeps for the report.
  const script = `import { build } from 'wxt';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, logLevel: 'warn',
  vite: () => ({ build: { sourcemap: 'hidden' } }) });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the build with a source map failed:\n${r.stderr}`);
  return join(outDir, 'chrome-mv3');
}

/** Functions of the minified content script, by their place in it, to the part of Gloss they belong to. */
export function scriptMap(extDir) {
  const map = JSON.parse(readFileSync(join(extDir, 'content-scripts/content.js.map'), 'utf8'));
  const consumer = new SourceMapConsumer(map);
  const sources = new Map(map.sources.map((s, i) => [s, (map.sourcesContent?.[i] ?? '').split('\n')]));
  const cache = new Map();
  return (lineNumber, columnNumber) => {
    const key = `${lineNumber}:${columnNumber}`;
    if (cache.has(key)) return cache.get(key);
    const pos = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    const source = pos.source ?? '';
    const text = sources.get(source)?.[(pos.line ?? 1) - 1] ?? '';
    const file = source.replace(/^(\.\.\/)+/, '').replace(/^\/?work\/main\//, '');
    const name =
      pos.name ??
      /(?:const|let|var)\s+([\w$]+)\s*=/.exec(text)?.[1] ??
      /function\*?\s+([\w$]+)/.exec(text)?.[1] ??
      /([\w$]+)\s*[=:]\s*(async\s*)?(\([^)]*\)|[\w$]+)\s*=>/.exec(text)?.[1] ??
      /^\s*(async\s+)?([\w$]+)\s*\(/.exec(text)?.[2] ??
      '';
    const value = { file, line: pos.line ?? 0, name, part: partOf(file, text) };
    cache.set(key, value);
    return value;
  };
}

/** A source file (and the line its function starts on) to a part; null for code shared by several parts. */
export function partOf(file, text) {
  if (/utils\/detect/.test(file)) return 'detect';
  if (/utils\/extract/.test(file)) return 'extract';
  if (/utils\/(paint|anchor)\./.test(file) || /findings\.forEach|function (show|clear)\b/.test(text)) return 'paint';
  if (/utils\/dom\/mutations|MutationObserver/.test(file + text)) return 'mutations';
  if (/content\/(card|cursor)|components\/|preact|utils\/card-layout|utils\/feedback/.test(file)) return 'card';
  if (/utils\/(messages|settings)|sendMessage|onMessage/.test(file + text)) return 'messaging';
  if (/entrypoints\/content\/index|node_modules\/wxt|@wxt-dev/.test(file)) return 'script';
  return null;
}

// --- recording ---------------------------------------------------------------------------------------------------
/**
 * Loads `url` in a new tab of `context` with a trace running from before the navigation until `after` (the page
 * read and settled) has resolved; returns the trace's events.
 */
export async function tracedLoad(context, url, after) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { events, value: extra } = await traced(cdp, async () => {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    return after(page, cdp);
  });
  await page.close();
  return { events, extra };
}

/** Runs `body` with a trace running: its value and the trace's events. */
export async function traced(cdp, body) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  const value = await body();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return { events, value };
}

// --- reading a trace ---------------------------------------------------------------------------------------------
const isGc = (name) => name === 'MinorGC' || name === 'MajorGC';
const isStyle = (name) => name === 'UpdateLayoutTree' || name === 'Layout';
// A frame's work on the main thread: style, layout, paint and handing the result to the compositor.
const FRAME = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest']);
const frameTime = (task) =>
  outermost(task.children.filter((e) => FRAME.has(e.name))).reduce((a, e) => a + threadTime(e), 0);

/** The renderer main threads' top-level tasks with what nests in them, and the sampled stacks. */
function parse(events) {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k) || e.ph !== 'X') continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const tasks = [];
  for (const [thread, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let top = null;
    for (const e of list) {
      if (!top || e.ts >= top.ts + top.dur) {
        top = {
          thread,
          ts: e.ts,
          dur: e.dur ?? 0,
          tdur: e.tdur ?? e.dur ?? 0,
          name: e.name,
          children: [],
          samples: [],
        };
        tasks.push(top);
      } else top.children.push(e);
    }
  }
  // The sampling profiles, one per thread and profile id.
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile') {
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        start: e.args.data.startTime,
        nodes: new Map(),
        samples: [],
        deltas: [],
      });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      if (!p) continue;
      const d = e.args.data ?? {};
      for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      p.samples.push(...(d.cpuProfile?.samples ?? []));
      p.deltas.push(...(d.timeDeltas ?? []));
    }
  }
  const samples = [];
  for (const p of profiles.values()) {
    if (!mains.has(p.thread)) continue;
    let t = p.start;
    const times = p.deltas.map((d) => (t += d));
    for (let i = 0; i < p.samples.length; i++) {
      const next = times[i + 1];
      samples.push({
        thread: p.thread,
        ts: times[i],
        weight: next != null ? next - times[i] : 0,
        node: p.samples[i],
        p,
      });
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  // Each sample to the task it fell in.
  const sortedTasks = [...tasks].sort((a, b) => a.ts - b.ts);
  let j = 0;
  for (const s of samples) {
    while (j < sortedTasks.length && sortedTasks[j].ts + sortedTasks[j].dur < s.ts) j++;
    for (let k = j; k < sortedTasks.length && sortedTasks[k].ts <= s.ts; k++) {
      const t = sortedTasks[k];
      if (t.thread === s.thread && s.ts <= t.ts + t.dur) {
        t.samples.push(s);
        break;
      }
    }
  }
  return tasks;
}

const within = (s, list) => list.some((e) => s.ts >= e.ts && s.ts <= e.ts + e.dur);
/** Outermost events only, so that nested ones are not counted twice. */
function outermost(list) {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  for (const e of sorted) if (!out.length || e.ts >= out.at(-1).ts + out.at(-1).dur) out.push(e);
  return out;
}
const threadTime = (e) => (e.tdur ?? e.dur ?? 0) / 1000;

/**
 * The parts of one traced load with the extension: its tasks sorted into Gloss's and the rest, Gloss's time
 * split by what its code was doing when sampled. `prefix` is the content script's URL.
 */
export function glossParts(events, prefix, where) {
  const tasks = parse(events);
  const parts = Object.fromEntries(PARTS.map(([k]) => [k, 0]));
  let total = 0;
  let glossTasks = 0;
  let longestGloss = 0;
  let otherStyle = 0;
  let otherTotal = 0;
  let otherFrames = 0;
  let mutationCallbacks = 0;
  const callbacks = {};
  const functions = new Map();
  const leaves = new Map();
  const ours = (e) => typeof e.args?.data?.url === 'string' && e.args.data.url.startsWith(prefix);
  for (const task of tasks) {
    const thread = threadTime(task);
    total += thread;
    // Each sampled stack's part: that of its outermost Gloss frame with one (detection calls helpers that live in
    // extract.ts; extraction's are extraction's), and the innermost Gloss frame, for the list of functions.
    const tagged = task.samples.map((s) => {
      let part = null;
      let script = false;
      let first = null;
      let leaf = null;
      for (let id = s.node; id != null;) {
        const n = s.p.nodes.get(id);
        if (!n) break;
        const f = n.callFrame;
        leaf ??= f.functionName || f.url || '(anonymous)';
        if (f.url && f.url.startsWith(prefix)) {
          const fn = where(f.lineNumber, f.columnNumber);
          first ??= fn;
          script = true;
          if (fn.part && fn.part !== 'script') part = fn.part;
        }
        id = n.parent;
      }
      return { s, script, part, first, leaf };
    });
    const mine = task.children.some(ours) || tagged.some((t) => t.script);
    if (!mine) {
      otherTotal += thread;
      otherStyle += outermost(task.children.filter((e) => isStyle(e.name))).reduce((a, e) => a + threadTime(e), 0);
      otherFrames += frameTime(task);
      continue;
    }
    glossTasks++;
    // Callbacks the browser called into Gloss's code (timers, observers, listeners), by the function called.
    for (const e of task.children) {
      if (e.name !== 'FunctionCall' || !ours(e)) continue;
      const fn = where((e.args.data.lineNumber ?? 1) - 1, (e.args.data.columnNumber ?? 1) - 1);
      const name = `${fn.name || '(anonymous)'} ${fn.file}:${fn.line}`;
      callbacks[name] = (callbacks[name] ?? 0) + 1;
      if (fn.part === 'mutations') mutationCallbacks++;
    }
    longestGloss = Math.max(longestGloss, task.dur / 1000);
    const scale = task.dur ? (task.tdur ?? task.dur) / task.dur : 1;
    const compile = task.children.filter((e) => e.name === 'v8.compile' && ours(e));
    const evaluate = task.children.filter((e) => e.name === 'EvaluateScript' && ours(e));
    const style = outermost(task.children.filter((e) => isStyle(e.name)));
    const gc = outermost(task.children.filter((e) => isGc(e.name)));
    let used = 0;
    const add = (k, ms) => {
      parts[k] += ms;
      used += ms;
    };
    for (const e of outermost(compile)) add('start', threadTime(e));
    for (const e of style) add('styleInTask', threadTime(e));
    for (const e of gc) add('gcInTask', threadTime(e));
    for (const t of tagged) {
      if (!t.script || within(t.s, compile) || within(t.s, style) || within(t.s, gc)) continue;
      const ms = (t.s.weight * scale) / 1000;
      const k = within(t.s, evaluate) ? 'start' : t.part && t.part !== 'script' ? t.part : 'other';
      add(k, ms);
      if (k === 'other') leaves.set(t.leaf, (leaves.get(t.leaf) ?? 0) + ms);
      if (t.first) {
        const name = `${t.first.name || '(anonymous)'} ${t.first.file}:${t.first.line}`;
        functions.set(name, (functions.get(name) ?? 0) + ms);
      }
    }
    // What the samples did not place: the task's own machinery around Gloss's code.
    parts.host += Math.max(0, thread - used);
  }
  return {
    total,
    glossTasks,
    longestGloss,
    parts,
    other: { total: otherTotal, style: otherStyle, frames: otherFrames },
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, ms]) => ({ name, ms })),
    callbacks,
    mutationCallbacks,
    otherLeaves: [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 5),
  };
}

/** The main-thread totals of a traced load without the extension, for the difference. */
export function plainParts(events) {
  const tasks = parse(events);
  let total = 0;
  let style = 0;
  let frames = 0;
  for (const task of tasks) {
    total += threadTime(task);
    frames += frameTime(task);
    style += outermost(task.children.filter((e) => isStyle(e.name))).reduce((a, e) => a + threadTime(e), 0);
  }
  return { total, style, frames };
}

/** One traced load with and one without, as the parts of what the extension added (thread time, ms). */
export function breakdown(withExt, without) {
  const parts = {
    ...withExt.parts,
    rendering: withExt.other.frames - without.frames,
    page: withExt.other.total - withExt.other.frames - (without.total - without.frames),
  };
  return {
    added: withExt.total - without.total,
    withTotal: withExt.total,
    withoutTotal: without.total,
    parts,
    renderingStyle: withExt.other.style - without.style,
    glossTasks: withExt.glossTasks,
    longestGlossTask: withExt.longestGloss,
    functions: withExt.functions,
    otherLeaves: withExt.otherLeaves,
    callbacks: withExt.callbacks,
    mutationCallbacks: withExt.mutationCallbacks,
  };
}

// --- what a reader feels -----------------------------------------------------------------------------------------
/**
 * Added to every page before its own scripts: the delay of each pointerdown (from the input's time stamp to its
 * first handler; what Event Timing calls processingStart − startTime), Event Timing entries of 16 ms or more, and
 * clicks kept from following links (the benchmark clicks where the page may have one).
 */
export const INPUT_PROBE = `(() => {
  const probe = (window.__benchInput = { downs: [], entries: [], block: false });
  addEventListener('pointerdown', (e) => {
    probe.downs.push({ at: e.timeStamp, delay: performance.now() - e.timeStamp, x: e.clientX, y: e.clientY });
  }, true);
  addEventListener('click', (e) => { if (probe.block) e.preventDefault(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        probe.entries.push({ name: e.name, start: e.startTime, delay: e.processingStart - e.startTime,
          duration: e.duration, interactionId: e.interactionId || 0 });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
})();`;

/** Times after the page's load at which a reader clicks, ms. */
export const CLICK_TIMES = [0, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000];

/**
 * Clicks at CLICK_TIMES after the page's load, at a point in its left margin, dispatched with CDP without waiting
 * for each to be handled: the delay each click met before its first handler ran.
 */
export async function clickDelays(page, cdp, sleep) {
  await page.evaluate(() => {
    window.__benchInput.block = true;
  });
  const start = Date.now();
  const sent = [];
  for (const at of CLICK_TIMES) {
    const wait = start + at - Date.now();
    if (wait > 0) await sleep(wait);
    const point = { x: 3, y: 450, button: 'left', clickCount: 1 };
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point }));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point }));
  }
  await Promise.all(sent);
  await sleep(200);
  const probe = await page.evaluate(() => window.__benchInput);
  const delays = probe.downs.map((d) => d.delay);
  return { clicks: CLICK_TIMES.length, delays, worst: Math.max(0, ...delays) };
}

/**
 * Clicks the middle of a painted highlight (found through CSS.highlights in the page's main world) and measures
 * the time from the click's time stamp to the end of the first frame in which the card is on screen, and the
 * Event Timing duration of the interaction when the browser reported it (16 ms or more).
 */
export async function clickHighlight(page, cdp, sleep) {
  const target = await page.evaluate(async () => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-')) continue;
      for (const range of highlight) {
        const el = range.startContainer.parentElement;
        if (!el || !range.toString().trim()) continue;
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const rect = [...range.getClientRects()].find((r) => r.width > 2 && r.height > 2);
        if (!rect || rect.top < 0 || rect.bottom > innerHeight) continue;
        return { name, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
  if (!target) return null;
  await sleep(300);
  // In the page: wait for a card host with content, then for the end of the frame that paints it.
  const painted = page.evaluate(
    () =>
      new Promise((resolve) => {
        const begin = performance.now();
        const visible = () => {
          for (const el of document.querySelectorAll('*')) {
            if (!el.localName.startsWith('gloss-card') || !el.shadowRoot) continue;
            for (const child of el.shadowRoot.querySelectorAll('*')) {
              const box = child.getBoundingClientRect();
              if (box.width > 0 && box.height > 0) return true;
            }
          }
          return false;
        };
        const frame = () => {
          if (visible()) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            requestAnimationFrame(() => channel.port2.postMessage(null));
          } else if (performance.now() - begin > 3000) resolve(null);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  await sleep(50);
  const point = { x: target.x, y: target.y, button: 'left', clickCount: 1 };
  await page.evaluate(() => {
    window.__benchInput.block = false;
    window.__benchInput.downs.length = 0;
  });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point });
  const end = await painted;
  await sleep(300);
  const probe = await page.evaluate(() => window.__benchInput);
  const down = probe.downs[0];
  const interaction = probe.entries.filter((e) => e.interactionId && down && e.start >= down.at - 1);
  return {
    highlight: target.name,
    toCard: end != null && down ? end - down.at : null,
    delay: down?.delay ?? null,
    eventTiming: interaction.length ? Math.max(...interaction.map((e) => e.duration)) : null,
  };
}

export { ROOT };

// The benchmark's attribution of a page's main-thread time to the parts of Gloss (scripts/bench/trace.mjs), on
// small hand-made traces: which task is Gloss's, which part a sampled stack belongs to, what is left to the page.
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Parts {
  total: number;
  glossTasks: number;
  parts: Record<string, number>;
  mutationCallbacks: number;
  other: { total: number; frames: number };
}
interface Trace {
  partOf(file: string, text: string): string | null;
  glossParts(events: unknown[], prefix: string, where: (line: number, column: number) => Place): Parts;
  plainParts(events: unknown[]): { total: number; frames: number };
  breakdown(
    a: Parts,
    b: { total: number; frames: number },
  ): { added: number; parts: Record<string, number>; mutationCallbacks: number };
}
interface Place {
  file: string;
  line: number;
  name: string;
  part: string | null;
}

const load = async () =>
  (await import(pathToFileURL(resolve(__dirname, '../../scripts/bench/trace.mjs')).href)) as Trace;

const EXT = 'chrome-extension://abc/';
const SCRIPT = `${EXT}content-scripts/content.js`;
const PID = 1;
const meta = { ph: 'M', name: 'thread_name', pid: PID, tid: PID, args: { name: 'CrRendererMain' } };
const task = (ts: number, dur: number, children: object[] = []) => [
  { ph: 'X', name: 'RunTask', pid: PID, tid: PID, ts, dur, tdur: dur },
  ...children.map((c) => ({ ph: 'X', pid: PID, tid: PID, ...c })),
];

// Functions of the "minified script", by column: what the source map would say.
const PLACES: Record<number, Place> = {
  1: { file: 'entrypoints/content/index.ts', line: 69, name: 'read', part: 'script' },
  2: { file: 'utils/detect.ts', line: 400, name: 'detectArticle', part: 'detect' },
  3: { file: 'utils/extract.ts', line: 380, name: 'findMainContainer', part: 'extract' },
  4: { file: 'utils/paint.ts', line: 50, name: 'paint', part: 'paint' },
  5: { file: 'entrypoints/content/index.ts', line: 148, name: 'records', part: 'mutations' },
};
const where = (_line: number, column: number) => PLACES[column] ?? { file: '', line: 0, name: '', part: null };

/** A sampling profile: each sample a stack of columns (outermost first; 0 a frame of the page), 100 µs apart. */
let profiles = 0;
function profile(start: number, stacks: number[][]) {
  const id = `0x${++profiles}`;
  const nodes: { id: number; parent?: number; callFrame: object }[] = [
    { id: 1, callFrame: { functionName: '(root)', url: '' } },
  ];
  const ids = new Map<string, number>();
  const samples = stacks.map((stack) => {
    let parent = 1;
    let key = '';
    for (const column of stack) {
      key += `/${column}`;
      let id = ids.get(key);
      if (!id) {
        id = nodes.length + 1;
        ids.set(key, id);
        nodes.push({
          id,
          parent,
          callFrame: {
            functionName: `f${column}`,
            url: column ? SCRIPT : 'http://page/',
            lineNumber: 0,
            columnNumber: column,
          },
        });
      }
      parent = id;
    }
    return parent;
  });
  return [
    { ph: 'P', name: 'Profile', id, pid: PID, tid: PID, args: { data: { startTime: start } } },
    {
      ph: 'P',
      name: 'ProfileChunk',
      id,
      pid: PID,
      tid: PID,
      args: { data: { cpuProfile: { nodes, samples }, timeDeltas: stacks.map((_, i) => (i ? 100 : 0)) } },
    },
  ];
}

describe('the parts of Gloss a source file belongs to', () => {
  test.each([
    ['utils/detect.ts', '', 'detect'],
    ['utils/extract.ts', '', 'extract'],
    ['utils/paint.ts', '', 'paint'],
    ['utils/anchor.ts', '', 'paint'],
    ['entrypoints/content/index.ts', '    function show() {', 'paint'],
    ['entrypoints/content/index.ts', '      observer = new MutationObserver((records) => {', 'mutations'],
    ['utils/dom/mutations.ts', '', 'mutations'],
    ['entrypoints/content/card.tsx', '', 'card'],
    ['node_modules/preact/dist/preact.module.js', '', 'card'],
    ['utils/settings-store.ts', '', 'messaging'],
    ['entrypoints/content/index.ts', '    const send = (m) => browser.runtime.sendMessage(m);', 'messaging'],
    ['entrypoints/content/index.ts', '    async function read() {', 'script'],
    ['node_modules/wxt/dist/utils/content-script-context.mjs', '', 'script'],
  ])('%s %j → %s', async (file, text, part) => {
    expect((await load()).partOf(file, text)).toBe(part);
  });

  test.each([['utils/dom/walk.ts'], ['utils/dom/page-memo.ts'], ['utils/dom/yield.ts'], ['']])(
    'shared code has no part of its own: %s',
    async (file) => {
      expect((await load()).partOf(file, '')).toBeNull();
    },
  );
});

describe('a traced load split into parts', () => {
  test('Gloss’s tasks by their samples; the page’s own tasks and frames left to the page', async () => {
    const t = await load();
    const withGloss = [
      meta,
      // The page's parsing: not Gloss's.
      ...task(0, 5000, [{ name: 'ParseHTML', ts: 0, dur: 4000 }]),
      // The script injected: compile, then its top level.
      ...task(10_000, 3000, [
        { name: 'EvaluateScript', ts: 10_000, dur: 3000, args: { data: { url: SCRIPT } } },
        { name: 'v8.compile', ts: 10_000, dur: 1000, tdur: 1000, args: { data: { url: SCRIPT } } },
      ]),
      // Detection (a helper in extract.ts called by detection counts as detection), then extraction.
      ...task(20_000, 1000),
      // Painting, with style forced inside the task.
      ...task(30_000, 1000, [{ name: 'UpdateLayoutTree', ts: 30_500, dur: 400, tdur: 400 }]),
      // The observer's callback.
      ...task(40_000, 500, [
        { name: 'FunctionCall', ts: 40_000, dur: 500, args: { data: { url: SCRIPT, lineNumber: 1, columnNumber: 6 } } },
      ]),
      // A frame after painting.
      ...task(50_000, 2000, [{ name: 'Paint', ts: 50_000, dur: 1500, tdur: 1500 }]),
      ...profile(20_000, [
        [1, 2],
        [1, 2, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
        [1, 3],
      ]),
      ...profile(30_000, [[1, 4], [1, 4], [1, 4], [0]]),
      ...profile(40_000, [[5], [5]]),
    ];
    const without = [
      meta,
      ...task(0, 5000, [{ name: 'ParseHTML', ts: 0, dur: 4000 }]),
      ...task(50_000, 1500, [{ name: 'Paint', ts: 50_000, dur: 1000, tdur: 1000 }]),
    ];
    const g = t.glossParts(withGloss, EXT, where);
    expect(g.glossTasks).toBe(4);
    expect(g.parts.start).toBeCloseTo(1, 5); // the compile; no samples inside the evaluation
    expect(g.parts.detect).toBeCloseTo(0.2, 5);
    expect(g.parts.extract).toBeCloseTo(0.8, 5);
    expect(g.parts.paint).toBeCloseTo(0.3, 5);
    expect(g.parts.styleInTask).toBeCloseTo(0.4, 5);
    expect(g.parts.mutations).toBeCloseTo(0.1, 5);
    expect(g.mutationCallbacks).toBe(1);
    const b = t.breakdown(g, t.plainParts(without));
    expect(b.parts.rendering).toBeCloseTo(0.5, 5); // 1.5 ms of frames against 1.0
    expect(b.parts.page).toBeCloseTo(0, 5);
    // The parts add up to what the load with Gloss cost over the one without.
    const sum = Object.values(b.parts).reduce((a, x) => a + x, 0);
    expect(sum).toBeCloseTo(b.added, 5);
    expect(b.added).toBeCloseTo(5.5 + 2 - 1.5, 5);
  });

  test('a load in which the extension never ran has no Gloss task and adds only the frames’ spread', async () => {
    const t = await load();
    const events = [meta, ...task(0, 5000), ...profile(0, [[0], [0]])];
    const g = t.glossParts(events, EXT, where);
    expect(g.glossTasks).toBe(0);
    expect(Object.values(g.parts).every((x) => x === 0)).toBe(true);
    expect(t.breakdown(g, t.plainParts(events)).added).toBe(0);
  });
});

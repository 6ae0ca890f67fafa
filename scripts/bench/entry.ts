/**
 * The reading pipeline, stage by stage, as a script for a page's main world: `npm run bench` builds this file into
 * one bundle with the dataset, injects it into pages and times each stage where the content script would run it.
 * The stages are the extension's calls in their order: detect, extract and paint are the content script's; analyse
 * (with the rules' compilation) and match are the background's, timed here too so that every stage is measured
 * in the same place.
 */
import rules from 'virtual:gloss/rules';
import notes from 'virtual:gloss/notes';
import { detectArticle } from '@/utils/detect';
import { extractArticle } from '@/utils/extract';
import { analyzePhrasing, compileRules, matchContext } from '@/utils/pipeline';
import { rangeFor } from '@/utils/anchor';
import { paint, unpaint, type Painted } from '@/utils/paint';
import { defaultSettings } from '@/utils/settings';

export interface StageTimes {
  detect: number;
  extract: number;
  /** Rule compilation, inside the analyse stage; the background pays it once per start, not once per page. */
  compile: number;
  analyse: number;
  match: number;
  /** Offsets back to ranges (anchor) and the highlights registered (paint). */
  paint: number;
  /** From the end of paint to the end of the next frame: style and layout of the highlights. */
  frame: number;
}

export interface BenchRun {
  isArticle: boolean;
  reasons: string[];
  times: Partial<StageTimes>;
  words: number;
  chars: number;
  findings: number;
  painted: number;
  notes: number;
  /** The distinct texts of the painted findings, for highlighting the same phrases with another tool. */
  phrases: string[];
  /** A selector for the element holding the body, for running another tool on the same element. */
  root: string | null;
}

function selectorOf(el: Element | null): string | null {
  if (!el) return null;
  const parts: string[] = [];
  for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
    const parent: Element | null = e.parentElement;
    const index = parent ? [...parent.children].indexOf(e) + 1 : 1;
    parts.unshift(`${e.tagName.toLowerCase()}:nth-child(${index})`);
  }
  return parts.length ? `html > ${parts.join(' > ')}` : 'html';
}

const nextFrame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      // rAF runs before style and layout; a message posted from it arrives after the frame is done.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/** One read of the page as the content script does it, each stage timed; `force` reads a non-article too. */
async function run(options: { force?: boolean; keepPaint?: boolean } = {}): Promise<BenchRun> {
  const settings = defaultSettings();
  const url = location.href;
  const times: Partial<StageTimes> = {};
  let t = performance.now();
  const lap = (stage: keyof StageTimes) => {
    const now = performance.now();
    times[stage] = now - t;
    t = now;
  };

  const detection = detectArticle(document, url);
  lap('detect');
  const base: BenchRun = {
    isArticle: detection.isArticle,
    reasons: detection.reasons,
    times,
    words: 0,
    chars: 0,
    findings: 0,
    painted: 0,
    notes: 0,
    phrases: [],
    root: null,
  };
  if (!detection.isArticle && !options.force) return base;

  const extracted = extractArticle(document, url);
  lap('extract');
  const compiled = compileRules(rules);
  lap('compile');
  const phrasing = analyzePhrasing(extracted.article.text, extracted.article.lang, compiled, settings.sensitivity);
  times.analyse = performance.now() - t + (times.compile ?? 0);
  t = performance.now();
  const shown = phrasing.findings.filter((f) => settings.categories[f.category] !== false);
  const { text, ...meta } = extracted.article;
  const context = matchContext(text, phrasing.sentences, meta, url, shown, notes);
  lap('match');

  const painted: Painted[] = [];
  context.findings.forEach((finding, index) => {
    const range = rangeFor(document, extracted.runs, finding.start, finding.end);
    if (!range) return;
    painted.push({ index, category: finding.category, range });
  });
  paint(painted);
  lap('paint');
  await nextFrame();
  lap('frame');
  if (!options.keepPaint) unpaint();

  return {
    ...base,
    words: text.split(/\s+/).filter(Boolean).length,
    chars: text.length,
    findings: context.findings.length,
    painted: painted.length,
    notes: context.notes.length,
    phrases: [...new Set(painted.map((p) => p.range.toString()))],
    root: selectorOf(extracted.root),
  };
}

/** Loads what the background keeps (the compiled rules and the note index with its claim patterns). */
function warm(): number {
  const sets = compileRules(rules);
  const sample = 'The so-called experts discussed the alleged chemical attack in Idlib.';
  const phrasing = analyzePhrasing(sample, 'en', sets);
  matchContext(sample, phrasing.sentences, { byline: null, originalPublisher: null }, location.href, [], notes);
  return Object.keys(notes.notes).length;
}

declare global {
  interface Window {
    glossBench?: { run: typeof run; warm: typeof warm };
  }
}

window.glossBench = { run, warm };

/** `gloss analyze`: a page or a text through the pipeline, printed as the contract's JSON or as a report. */
import { parseHTML } from 'linkedom';
import type { CompiledDataset } from '@/utils/dataset/compile';
import type { CompiledRuleSet } from '@/utils/analyze/rules';
import { readDocument, readText, type ReadOptions } from '@/utils/pipeline';
import { CATEGORY_LABELS } from '@/utils/categories';
import type { PageResult } from '@/utils/types';
import { formatSize } from './errors';

/**
 * A page's HTML as a DOM document (linkedom: see docs/design/extraction.md for why). linkedom builds the
 * document from what it is given, so a fragment without an <html> element (a JSON line's "html", a saved
 * snippet) is put in one first, as a browser would.
 */
export function parseDocument(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  if (doc.documentElement?.tagName.toUpperCase() === 'HTML') return oneBody(doc);
  const source = html.replace(/^\s*<!doctype[^>]*>/i, '');
  const head = /<\/head\s*>/i.exec(source);
  const wrapped = head
    ? `<!doctype html><html>${source.slice(0, head.index + head[0].length)}<body>${source.slice(head.index + head[0].length)}</body></html>`
    : `<!doctype html><html><head></head><body>${source}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

/**
 * linkedom starts a second <body> where a browser keeps one: after a <style> or a stray <html> that follows the
 * head (IE conditional comments), it opens an empty body and puts the page in another. A browser's document has
 * one body holding it all: the later bodies' content is moved into the first.
 */
function oneBody(doc: Document): Document {
  const first = doc.body;
  if (!first || first.children.length || !doc.documentElement) return doc;
  // linkedom's own queries miss a body inside a second <html>: the tree is walked.
  const stack: Element[] = [doc.documentElement];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== first && el.tagName.toUpperCase() === 'BODY') {
      while (el.firstChild) first.appendChild(el.firstChild);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return doc;
}

export function analyzeHtml(
  html: string,
  url: string | null,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  options: ReadOptions = {},
): PageResult {
  const { extraction, ...result } = readDocument(parseDocument(html), url, rules, data, options);
  void extraction;
  return result;
}

/** A plain text is the article body as it is: offsets index the input. */
export function analyzeTextInput(
  text: string,
  url: string | null,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  options: ReadOptions = {},
): PageResult {
  const article = {
    title: '',
    byline: null,
    publisher: null,
    originalPublisher: null,
    published: null,
    lang: 'en',
    url,
    text,
  };
  const result = readText(article, url, rules, data, options);
  return { ...result, reasons: ['input: plain text, read as the article body', ...result.reasons] };
}

/** Pages larger than this are refused rather than read: real pages are a few megabytes at most. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** Why a page of `size` bytes is too large to read, or null. */
export function tooLarge(size: number): string | null {
  return size > MAX_PAGE_BYTES
    ? `is ${formatSize(size)}; pages larger than ${formatSize(MAX_PAGE_BYTES)} are not read`
    : null;
}

/** Why some bytes cannot be read as a page or a text, or null when they can. */
export function badInput(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'is empty';
  const large = tooLarge(bytes.length);
  if (large) return large;
  if (utf16Bom(bytes)) return null;
  if (bytes.subarray(0, 8000).includes(0)) return 'is a binary file, not HTML or text';
  return null;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/**
 * A page's bytes as text, in the charset the page gives as a browser would find it: a byte order mark, then a
 * `<meta charset>`, a `<meta http-equiv="Content-Type">` or an XML declaration in the first bytes; without one,
 * UTF-8, or windows-1252 when the bytes are not UTF-8. An unknown charset is read as UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const bom = utf16Bom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head)?.[1];
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (the label is a leftover from a saved copy).
  const decoder = declared && !/^utf-?16/i.test(declared) ? decoderFor(declared) : null;
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return declared ? new TextDecoder('utf-8').decode(bytes) : new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The result as the contract gives it. */
export function toJson(result: PageResult) {
  return {
    isArticle: result.isArticle,
    confidence: result.confidence,
    reasons: result.reasons,
    article: result.article,
    findings: result.findings.map((f) => ({
      category: f.category,
      start: f.start,
      end: f.end,
      text: f.text,
      noteId: f.noteId,
      confidence: f.confidence,
      ruleId: f.ruleId,
      explain: f.explain,
    })),
    notes: result.notes,
    outlet: result.outlet,
    outlets: result.outlets,
  };
}

/** The site's published rating in words, or that none is known (for a page read with its address). */
export function ratingLines(result: PageResult): string[] {
  const rating = result.outlet?.rating;
  if (rating) {
    return [
      `Rating:    ${result.outlet!.domain}: ${rating.score.toFixed(2)} on a 0-1 quality scale, higher than ` +
        `${Math.round(rating.percentile)}% of the news sites rated (rated by ${rating.sets.join('; ')})`,
      '           It rates the site as a whole, not this article.',
      `           Source: ${rating.source}`,
    ];
  }
  if (!result.article?.url || result.outlet) return [];
  return [
    'Rating:    no rating known for this site: none of the six rating sets gathered by Lin et al. (2023) rates it',
    '           (no judgement either way; new, small, local and non-news sites are often unrated).',
  ];
}

export function report(result: PageResult): string {
  const lines: string[] = [];
  const a = result.article;
  lines.push(
    result.isArticle
      ? `News article (confidence ${result.confidence})`
      : `Not a news article (confidence ${result.confidence})`,
  );
  for (const r of result.reasons) lines.push(`  ${r}`);
  if (a) {
    lines.push('');
    if (a.title) lines.push(`Title:     ${a.title}`);
    if (a.byline) lines.push(`Byline:    ${a.byline}`);
    if (a.publisher) lines.push(`Publisher: ${a.publisher}`);
    if (a.originalPublisher) lines.push(`Original:  ${a.originalPublisher}`);
    if (a.published) lines.push(`Published: ${a.published}`);
  }
  const notes = new Map(result.notes.map((n) => [n.id, n]));
  for (const o of [result.outlet, ...result.outlets]) {
    if (o?.noteId) lines.push(`Outlet:    ${notes.get(o.noteId)?.title ?? o.noteId} (${o.domain})`);
  }
  lines.push(...ratingLines(result));
  lines.push('', `${result.findings.length} findings`);
  for (const f of result.findings) {
    lines.push(`  [${CATEGORY_LABELS[f.category]}] “${f.text}” (${f.ruleId}, ${Math.round(f.confidence * 100)}%)`);
    const note = notes.get(f.noteId);
    if (note && note.kind !== 'technique') lines.push(`      note: ${note.title}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `gloss analyze`: a page or a text through the pipeline, printed as the contract's JSON or as a report. */
import { parseHTML } from 'linkedom';
import type { CompiledDataset } from '@/utils/dataset/compile';
import type { CompiledRuleSet } from '@/utils/analyze/rules';
import { readDocument, readText, type ReadOptions } from '@/utils/pipeline';
import { CATEGORY_LABELS } from '@/utils/categories';
import type { PageResult } from '@/utils/types';

export function analyzeHtml(
  html: string,
  url: string | null,
  rules: CompiledRuleSet[],
  data: CompiledDataset,
  options: ReadOptions = {},
): PageResult {
  const { document } = parseHTML(html);
  const { extraction, ...result } = readDocument(document as unknown as Document, url, rules, data, options);
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

/** The charset a page declares in its first bytes (BOM, meta charset), else UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
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
    if (o) lines.push(`Outlet:    ${notes.get(o.noteId)?.title ?? o.noteId} (${o.domain})`);
  }
  lines.push('', `${result.findings.length} findings`);
  for (const f of result.findings) {
    lines.push(`  [${CATEGORY_LABELS[f.category]}] “${f.text}” (${f.ruleId}, ${Math.round(f.confidence * 100)}%)`);
    const note = notes.get(f.noteId);
    if (note && note.kind !== 'technique') lines.push(`      note: ${note.title}`);
  }
  return `${lines.join('\n')}\n`;
}

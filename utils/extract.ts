/**
 * Article extraction: finds the block of running prose that is the story, leaves out what surrounds it, and keeps
 * a map from every character of the extracted text back to the DOM text node it came from.
 */
import type { ArticleInfo } from './types';
import { ELEMENT_NODE, SKIPPED_TAGS, TEXT_NODE, linkTextLength, metaContent, tagOf, textOf } from './dom/walk';
import { jsonLdItems, nameOf, type StructuredItem } from './dom/structured';

/** A run of extracted text that maps one to one onto consecutive characters of a text node. */
export interface TextRun {
  node: Text;
  /** Offset in the extracted text. */
  start: number;
  /** Offset in `node.data`. */
  nodeStart: number;
  length: number;
}

export interface Extraction {
  article: ArticleInfo;
  /** The element holding the body. */
  root: Element | null;
  /** The headline element and the body's blocks, in order. */
  blocks: Element[];
  runs: TextRun[];
}

// Containers whose content is not the story, recognised by tag, role, class or id.
const BOILERPLATE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'DIALOG', 'MENU', 'FIGCAPTION']);
const BOILERPLATE_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/;
const BOILERPLATE_NAMES =
  /(^|[-_\s])(comment|comments|share|sharing|social|related|recommend|newsletter|subscribe|subscription|signup|donat|donate|support-us|promo|sidebar|footer|disclaimer|copyright|tags?|taxonomy|breadcrumb|byline|author-bio|entry-meta|meta|ad|ads|advert|advertisement|sponsor|outbrain|taboola|popular|most-read|trending|read-more|more-stories|paywall|cookie|modal|caption|credit|toolbar|pagination|membership|comment-link|author-articles)([-_\s]|$)/i;
// Lines that are boilerplate wherever they sit.
const BOILERPLATE_TEXT =
  /^(copyright|©|\(c\)|all rights reserved|the original source of this article|this article (was )?(first|originally) (appeared|published)|originally published (by|in|on|at)|disclaimer|please support|support (us|our work|the project)|if you (like|enjoyed|value)|become a (member|patron|subscriber)|subscribe|sign up|follow us|share this|comment on|articles by:|related:|read more:|advertisement|for media inquiries)/i;
const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, blockquote, li, pre, dd';

export function isBoilerplateElement(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(tagOf(el))) return true;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.test(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return name.length > 1 && BOILERPLATE_NAMES.test(name);
}

/** Whether an element sits inside boilerplate, looking up to (not including) `stop`. Results are cached. */
function makeExcluded(stop: Element | null) {
  const cache = new Map<Element, boolean>();
  const excluded = (el: Element | null): boolean => {
    if (!el || el === stop || tagOf(el) === 'BODY' || tagOf(el) === 'HTML') return false;
    const hit = cache.get(el);
    if (hit !== undefined) return hit;
    const value = isBoilerplateElement(el) || excluded(el.parentElement);
    cache.set(el, value);
    return value;
  };
  return excluded;
}

interface Candidate {
  el: Element;
  score: number;
  paragraphs: number;
}

/** Scores containers by the prose of their paragraphs and returns the best, with its figures. */
export function mainContainer(doc: Document): Candidate | null {
  const body = doc.body;
  if (!body) return null;
  const excluded = makeExcluded(null);
  const scores = new Map<Element, Candidate>();
  const add = (el: Element | null, score: number) => {
    if (!el) return;
    const c = scores.get(el);
    if (c) {
      c.score += score;
      c.paragraphs++;
    } else scores.set(el, { el, score, paragraphs: 1 });
  };
  for (const p of body.querySelectorAll('p, pre')) {
    if (excluded(p.parentElement) || isBoilerplateElement(p)) continue;
    const text = textOf(p, 4000);
    if (text.length < 25 || BOILERPLATE_TEXT.test(text)) continue;
    const density = linkTextLength(p) / text.length;
    if (density > 0.5) continue;
    // Sentences, not fragments: commas and full stops are what running prose is made of.
    const punctuation = (text.match(/[.,;:!?]/g) ?? []).length;
    const score = Math.min(text.length, 1000) * (1 - density) + punctuation * 10;
    add(p.parentElement, score);
    add(p.parentElement?.parentElement ?? null, score / 3);
  }
  let best: Candidate | null = null;
  for (const c of scores.values()) if (!best || c.score > best.score) best = c;
  return best;
}

function collectBlocks(root: Element): Element[] {
  const excluded = makeExcluded(root);
  const blocks: Element[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    if (excluded(el) || isBoilerplateElement(el)) continue;
    // The innermost block wins: a <p> inside a <blockquote> or <li> is taken on its own.
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const text = textOf(el, 2000);
    if (!text || BOILERPLATE_TEXT.test(text)) continue;
    const tag = tagOf(el);
    if (tag === 'LI' || tag === 'DD') {
      // Lists of links are menus and "related" lists, not prose.
      if (linkTextLength(el) / text.length > 0.5 || text.length < 20) continue;
    } else if (linkTextLength(el) / text.length > 0.8 && text.length < 200) continue;
    blocks.push(el);
  }
  return blocks;
}

/** Appends the collapsed text of `blocks` to one string, recording where each character came from. */
function buildText(blocks: Element[]): { text: string; runs: TextRun[] } {
  const parts: string[] = [];
  const runs: TextRun[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  for (const block of blocks) {
    if (length > 0) push('\n\n');
    const blockStart = length;
    let pendingSpace: { node: Text; offset: number } | null = null;
    const stack: Node[] = [block];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType === TEXT_NODE) {
        const t = node as Text;
        const data = t.data;
        const ws = /\s+/g;
        let last = 0;
        const emit = (from: number, to: number) => {
          if (to <= from) return;
          if (pendingSpace && length > blockStart) {
            runs.push({ node: pendingSpace.node, start: length, nodeStart: pendingSpace.offset, length: 1 });
            push(' ');
          }
          pendingSpace = null;
          runs.push({ node: t, start: length, nodeStart: from, length: to - from });
          push(data.slice(from, to));
        };
        for (let m = ws.exec(data); m; m = ws.exec(data)) {
          emit(last, m.index);
          if (!pendingSpace) pendingSpace = { node: t, offset: m.index };
          last = m.index + m[0].length;
        }
        emit(last, data.length);
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const tag = tagOf(node);
      if (node !== block && SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        pendingSpace = null;
        if (length > blockStart) push('\n');
        continue;
      }
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return { text: parts.join(''), runs };
}

function firstItem(items: StructuredItem[], pattern: RegExp): StructuredItem | undefined {
  return items.find((i) => i.types.some((t) => pattern.test(t)));
}

const SYNDICATION =
  /(?:the original source of this article is|this article (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|at|by)|originally published (?:by|in|on|at)|republished (?:from|with permission (?:from|of))|first published (?:by|in|on|at))[: ]+(?:the )?/i;
// A name: capitalised words, with "of", "the", "and" between them; it ends at a line break.
const NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?: (?:of|the|and|&|[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*)){0,5}/u;

/** The outlet a syndicated piece names as its original publisher, searched in short lines of the page. */
export function originalPublisher(doc: Document, root: Element | null): string | null {
  const scope = root?.closest('article, main') ?? doc.body;
  if (!scope) return null;
  for (const el of scope.querySelectorAll('p, div, span, em, small, footer')) {
    if (el.childElementCount > 6) continue;
    const text = textOf(el, 400, true);
    if (text.length > 400) continue;
    const m = SYNDICATION.exec(text);
    const name = m ? NAME.exec(text.slice(m.index + m[0].length)) : null;
    if (name) return name[0].replace(/[.,;:]+$/, '').trim();
  }
  return null;
}

function headline(doc: Document, root: Element | null, title: string): Element | null {
  const h1s = [...doc.querySelectorAll('h1')];
  const scoped = root
    ? h1s.find((h) => h.compareDocumentPosition(root) & 4 /* root follows */ || h.contains(root))
    : null;
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const byTitle = h1s.find((h) => {
    const t = norm(textOf(h));
    return t.length > 0 && norm(title).includes(t);
  });
  return byTitle ?? scoped ?? null;
}

function cleanTitle(raw: string, site: string | null): string {
  let t = raw.trim();
  if (site) t = t.replace(new RegExp(`\\s*[|\\-–—:]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '');
  return t.trim();
}

export function extractArticle(doc: Document, url: string | null = null): Extraction {
  const items = jsonLdItems(doc);
  const news = firstItem(items, /Article$|BlogPosting$|NewsArticle|Report$/);
  const site = metaContent(doc, 'meta[property="og:site_name"]') ?? nameOf(news?.data.publisher);
  const title =
    cleanTitle(
      metaContent(doc, 'meta[property="og:title"]') ??
        nameOf(news?.data.headline) ??
        textOf(doc.querySelector('h1') ?? doc.createElement('h1')) ??
        doc.title,
      site,
    ) || cleanTitle(doc.title ?? '', site);

  const best = mainContainer(doc);
  const root = best?.el ?? null;
  const blocks = root ? collectBlocks(root) : [];
  const h1 = headline(doc, root, title);
  if (h1 && !blocks.includes(h1) && !(root && root.contains(h1) && blocks.some((b) => h1.contains(b))))
    blocks.unshift(h1);
  const { text, runs } = buildText(blocks);

  const bylineEl = doc.querySelector('[rel="author"], .byline, .author, [itemprop="author"]');
  const byline =
    nameOf(news?.data.author) ??
    metaContent(doc, 'meta[name="author"]') ??
    (bylineEl ? textOf(bylineEl).replace(/^by\s+/i, '') || null : null);
  const published =
    metaContent(doc, 'meta[property="article:published_time"]') ??
    (typeof news?.data.datePublished === 'string' ? news.data.datePublished : null) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    metaContent(doc, 'meta[name="date"], meta[itemprop="datePublished"]');
  const canonical =
    doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ??
    metaContent(doc, 'meta[property="og:url"]') ??
    url;
  return {
    article: {
      title,
      byline,
      publisher: site,
      originalPublisher: originalPublisher(doc, root),
      published,
      lang: doc.documentElement?.getAttribute('lang') || null,
      url: canonical ?? null,
      text,
    },
    root,
    blocks,
    runs,
  };
}

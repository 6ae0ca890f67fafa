/**
 * Article extraction: finds the block of running prose that is the story, leaves out what surrounds it, and keeps
 * a map from every character of the extracted text back to the DOM text node it came from.
 */
import type { ArticleInfo } from './types';
import { ELEMENT_NODE, SKIPPED_TAGS, TEXT_NODE, comesAfter, metaContent, tagOf, textOf } from './dom/walk';
import { jsonLdItems, nameOf, type StructuredItem } from './dom/structured';
import { pageMemo } from './dom/page-memo';

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
  /** Where the body starts in `article.text` (after the headline and its blank line; 0 without a headline). */
  bodyStart: number;
}

// Containers whose content is not the story, recognised by tag, role, class or id.
const BOILERPLATE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'DIALOG', 'MENU', 'FIGCAPTION']);
const BOILERPLATE_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/;
// Words of a class or id that name what is not the story. Names are read word by word ("post-comments" is
// "post" + "comments"), so a story's own container with a class like "tag-elections" or "modal-enabled" beside
// "article" or "entry-content" is still read (see `namesBoilerplate`).
// Compared lower-cased as whole words, in sets rather than case-insensitive alternations: the walk runs on every
// page with prose, and compiling the patterns cost more than looking the words up.
const BOILERPLATE_WORD = new Set(
  (
    'comment comments commenting disqus replies share shares sharing sharebar social socials likes related recommend ' +
    'recommended recommendation recommendations newsletter newsletters subscribe subscription signup donate ' +
    'donation donations promo promos promotion sidebar footer breadcrumb breadcrumbs crumbs outbrain taboola ' +
    'popular mostread mostpopular trending paywall cookie cookies consent gdpr modal popup ad ads advert adverts ' +
    'advertisement advertising sponsor sponsored leaderboard skyscraper rectangle billboard dfp adslot adunit toolbar pagination pager tags tag taxonomy categories byline ' +
    'bylines disclaimer copyright caption captions credit credits meta metadata nav navbar navigation mainnav menu ' +
    'masthead banner author authors bio legal membership hidden hide warning print-only skip popover terms'
  ).split(' '),
);
const BOILERPLATE_PHRASE =
  /(read|see|also)[-_]?(more|also|next)|more[-_]?(stories|from|news|articles)|most[-_]?(read|popular|viewed|shared)|you[-_]?may[-_]?(like|also)|sr[-_]only|screen[-_]reader|visually[-_]hidden/;
// Words that name the story's own container.
const CONTENT_WORD = new Set(
  'article articles content body entry post story main text prose richtext wysiwyg hentry'.split(' '),
);
// Lines that are boilerplate wherever they sit.
// Each is a whole phrase, not the start of a word or of a sentence of the story: "Subscribers will pay more",
// "Copyright holders argued", "If you like to share your songs, …" are the story's.
const BOILERPLATE_TEXT =
  /^(copyright(\s*(©|\(c\)|\d|by\b|of\b|[:.,]|$))|©|\(c\)|all rights reserved|the original source of this article|this article (was )?(first|originally) (appeared|published)|originally published (by|in|on|at)|disclaimer\b|please support|support (us|our work|the project)|if you (like|liked|enjoy|enjoyed|value|appreciate) (this|these|our|what|reading|the work|articles? like)|become a (member|patron|subscriber)|subscribe\b|sign up\b|follow us|share this|comment on (this|the article|the story)|articles by:|related:|read more:|advertisement|for media inquiries)/;
// A line that only announces other stories ("Also interesting:", "Lesen Sie auch", "À lire aussi"), in the
// languages of the pages measured: the words alone or before a colon, never the start of a sentence ("Auch
// interessant ist, dass...").
const SEE_ALSO =
  /^(see also|read also|also read|also interesting|auch interessant|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|à lire aussi|a lire aussi|lire aussi|voir aussi|lea también|lee también|te puede interesar|leggi anche|lees ook|leia também|veja também|czytaj (także|też|również))\s*(:|$)/;
/** Whether a block's first words are boilerplate (the patterns are written lower-case). */
const isBoilerplateText = (head: string) => {
  const h = head.toLowerCase();
  return BOILERPLATE_TEXT.test(h) || SEE_ALSO.test(h.trim());
};
// Elements that start a new block of text; the rest (a, span, b, em, font...) run inside one.
const BLOCK_TAGS = new Set(
  (
    'P DIV SECTION ARTICLE MAIN BLOCKQUOTE PRE LI UL OL DL DD DT TD TH TR TABLE TBODY THEAD H1 H2 H3 H4 H5 H6 ' +
    'HEADER FOOTER NAV ASIDE FORM FIGURE FIGCAPTION CENTER ADDRESS FIELDSET DETAILS SUMMARY HR BODY HGROUP'
  ).split(' '),
);
// Blocks that are a paragraph themselves; text straight inside any other block is a paragraph of that block.
const LEAF_BLOCKS = new Set([
  'P',
  'PRE',
  'BLOCKQUOTE',
  'LI',
  'DD',
  'DT',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
]);
const HEADINGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

function splitWords(token: string): string[] {
  return token.split(/[-_:]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
}

/**
 * Whether class and id name boilerplate: some token does and no token names the story's content. A token with
 * a layout word beside a content word (`sidebar-and-content-body`) names the story's frame; one with a word like
 * "comments" does not (`post-comments`). Returns 'weak' when every boilerplate word is one that layouts also use
 * for the frame of a story (`l-sidebar-fixed`, `article-meta`, `has-banner`).
 */
function namesBoilerplate(name: string): false | 'weak' | 'strong' {
  let bad: false | 'weak' | 'strong' = false;
  let good = false;
  for (const token of name.split(/\s+/)) {
    if (!token) continue;
    // Without a trailing number (`popover2`, `medium-rectangle-1`).
    const words = splitWords(token).map((w) => {
      const c = w.charCodeAt(w.length - 1);
      return (c >= 48 && c <= 57 ? w.replace(/\d+$/, '') : w).toLowerCase();
    });
    const content = words.some((w) => CONTENT_WORD.has(w));
    if (BOILERPLATE_PHRASE.test(token.toLowerCase())) bad = 'strong';
    else if (words.some((w) => BOILERPLATE_WORD.has(w) && !WEAK_WORD.has(w))) bad = 'strong';
    else if (words.some((w) => BOILERPLATE_WORD.has(w))) {
      if (content) good = true;
      else if (!bad) bad = 'weak';
    } else if (content) good = true;
  }
  return good ? false : bad;
}

// Boilerplate words that page layouts also give the story's own frame: a container so named that holds several
// paragraphs is read.
const WEAK_WORD = new Set(
  'sidebar meta metadata modal popup popover banner masthead hidden hide warning legal bio byline bylines caption captions credit credits toolbar print-only skip'.split(
    ' ',
  ),
);

/** Inline elements: never left out for their name, which would cut words out of a sentence. */
const INLINE_TAGS = new Set(
  'A SPAN EM STRONG B I U S SMALL SUP SUB ABBR CITE Q MARK TIME FONT LABEL DFN VAR BDI BDO'.split(' '),
);

export function isBoilerplateElement(el: Element, namesLoosely = false): boolean {
  const tag = tagOf(el);
  if (BOILERPLATE_TAGS.has(tag)) return true;
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.test(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (INLINE_TAGS.has(tag)) return false;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (name.length <= 1) return false;
  const named = namesBoilerplate(name);
  if (!named) return false;
  // A name is a weaker sign than a tag: a wrapper named for a modal or an ad slot that holds the headline or
  // the marked-up body is the page's frame, not boilerplate; so is a layout's "sidebar" or "meta" wrapper that
  // holds paragraphs of prose.
  if (el.querySelector(STORY_INSIDE)) return false;
  const paragraphs = el.getElementsByTagName('p');
  if (paragraphs.length < 3) return true;
  // Read loosely (a page with no prose anywhere else), a container of paragraphs is read whatever its name.
  if (named === 'strong') return !namesLoosely;
  // A layout's frame holds the story's paragraphs; a sidebar of widgets holds a few short ones.
  let long = 0;
  for (const p of paragraphs) if ((p.textContent ?? '').length >= 80 && ++long >= 3) return false;
  return true;
}

const STORY_INSIDE = 'h1, main, [itemprop~="articleBody"]';

/** What `\s` matches in a regular expression, for a character code. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Hangul, CJK and full-width characters. */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/** . , ; : ! ? and their CJK forms 。 、 ， ！ ？ */
function isPunctuation(c: number): boolean {
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 0x3002 ||
    c === 0x3001 ||
    c === 0xff0c ||
    c === 0xff01 ||
    c === 0xff1f
  );
}

interface TextBlock {
  el: Element;
  length: number;
  /**
   * The length in Latin-script terms: a Chinese, Japanese or Korean character carries about as much as a word,
   * so it counts three times, and "a long paragraph" means the same in every script.
   */
  weight: number;
  linkLength: number;
  punctuation: number;
  /** Line breaks straight inside: text set as lines or as paragraphs split by <br><br>. */
  breaks: number;
  /** The first characters, whitespace collapsed. */
  head: string;
}

/**
 * Every block of text under `root` in document order, skipping scripts and boilerplate containers. One walk:
 * text is counted for the nearest block ancestor, and text inside links separately. The walk can stop at a
 * deadline and go on later (`step`), so that a page's content script can walk a very long page in slices.
 */
class BlockWalk {
  readonly order: TextBlock[] = [];
  private readonly byEl = new Map<Element, TextBlock>();
  // Three parallel stacks rather than a tuple per node: the walk visits every node of the page.
  private readonly nodes: Node[];
  private readonly blocks: Element[];
  private readonly links: boolean[] = [false];

  constructor(
    private readonly root: Element,
    private readonly namesLoosely = false,
  ) {
    this.nodes = [root];
    this.blocks = [root];
  }

  /** Walks on until done or, checked every few hundred nodes, until `performance.now()` passes `deadline`. */
  step(deadline = Infinity): boolean {
    const { root, byEl, order, nodes, blocks, links } = this;
    let visited = 0;
    while (nodes.length) {
      if ((++visited & 511) === 0 && deadline !== Infinity && performance.now() >= deadline) return false;
      const node = nodes.pop()!;
      const block = blocks.pop()!;
      const inLink = links.pop()!;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        // One pass over the characters, allocating nothing: the length with white space collapsed, the wide
        // characters and the punctuation. (A page of 100,000 words has tens of thousands of text nodes.)
        let length = 0;
        let wide = 0;
        let punctuation = 0;
        let inSpace = false;
        let visible = false;
        for (let i = 0; i < data.length; i++) {
          const c = data.charCodeAt(i);
          if (isSpace(c)) {
            if (!inSpace) length++;
            inSpace = true;
            continue;
          }
          inSpace = false;
          visible = true;
          length++;
          if (isWide(c)) wide++;
          if (isPunctuation(c)) punctuation++;
        }
        if (!visible) continue;
        let b = byEl.get(block);
        if (!b) {
          b = { el: block, length: 0, weight: 0, linkLength: 0, punctuation: 0, breaks: 0, head: '' };
          byEl.set(block, b);
          order.push(b);
        }
        b.length += length;
        b.weight += length + 2 * wide;
        if (inLink) b.linkLength += length;
        b.punctuation += punctuation;
        if (b.head.length < 200)
          b.head = `${b.head}${data.replace(/\s+/g, ' ')}`.replace(/^ +/, '').replace(/ {2,}/g, ' ');
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const el = node as Element;
      const tag = tagOf(el);
      if (el !== root && (SKIPPED_TAGS.has(tag) || isBoilerplateElement(el, this.namesLoosely))) continue;
      if (tag === 'BR') {
        const b = byEl.get(block);
        if (b) b.breaks++;
        continue;
      }
      const inner = el !== root && BLOCK_TAGS.has(tag) ? el : block;
      // A link that wraps a text of its own (a page left inside an unclosed <a>) is a frame, not a link.
      const link = inLink || (tag === 'A' && !wrapsBlocks(el));
      // Last child first, so that the first is visited first; siblings rather than `childNodes`, which is a
      // live list made for each element.
      for (let kid = el.lastChild; kid; kid = kid.previousSibling) {
        nodes.push(kid);
        blocks.push(inner);
        links.push(link);
      }
    }
    return true;
  }
}

/** Whether a link wraps a text of its own: blocks, and three paragraphs or more among them (not a teaser card). */
function wrapsBlocks(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (BLOCK_TAGS.has(tagOf(c))) return el.getElementsByTagName('p').length >= 3;
  return false;
}

function textBlocks(root: Element, namesLoosely = false): TextBlock[] {
  const walk = new BlockWalk(root, namesLoosely);
  walk.step();
  return walk.order;
}

interface Candidate {
  el: Element;
  score: number;
  paragraphs: number;
  /**
   * When the prose of the container is a list of many short items of one kind, each with a line of its own
   * beside its text (an author and a time, a headline, a reply link): how many. A forum thread, a comment list,
   * a column of teasers. Zero for one block of running prose.
   */
  posts?: number;
  /** The share of the container's text that is inside links (set for the chosen container). */
  linkShare?: number;
}

/** How many paragraphs a block holds: one, or as many as its <br><br> breaks split it into (and its length allows). */
function paragraphsOf(b: TextBlock): number {
  return Math.max(1, Math.min(Math.floor(b.breaks / 2) + 1, Math.floor(b.weight / 150)));
}

/**
 * How much a block reads as running prose: its text, less its links, plus its punctuation. A very long block
 * counts no more than a long paragraph, unless <br> breaks make it several: text set as lines is paragraphs too.
 */
function proseScore(b: TextBlock): number {
  if (b.weight < 25 || isBoilerplateText(b.head)) return 0;
  const density = b.linkLength / b.length;
  if (density > 0.5) return 0;
  return Math.min(b.weight, 1000 * paragraphsOf(b)) * (1 - density) + b.punctuation * 10;
}

interface BodyWalk {
  result: Candidate | null;
  /** The text blocks of the whole body: extraction takes the container's own from them. */
  blocks: TextBlock[];
}

// Detection and extraction both want the main container of the same page: it is worked out once (see page-memo).
function bodyWalk(doc: Document, blocks?: TextBlock[]): BodyWalk {
  return pageMemo(
    'main-container',
    doc,
    () => {
      const all = blocks ?? (doc.body ? textBlocks(doc.body) : []);
      return { result: findMainContainer(doc, all), blocks: all };
    },
    // Held across tasks, the page may have replaced its story (a single-page app's next view): walk it again.
    (walk) => !walk.result || walk.result.el.isConnected,
  );
}

/**
 * Walks the body of a page the caller holds (`holdPage`) for the main container in slices of about `sliceMs`,
 * giving the browser a turn (`pause`) between them, and keeps the result for detection and extraction, which then
 * do not walk it again. A page of ordinary length is walked in one slice; one of 100,000 words would otherwise
 * be a long task of its own.
 */
export async function walkPageInSlices(doc: Document, pause: () => Promise<void>, sliceMs = 20): Promise<void> {
  if (!doc.body) return;
  const walk = new BlockWalk(doc.body);
  let sliced = false;
  while (!walk.step(performance.now() + sliceMs)) {
    sliced = true;
    await pause();
  }
  // Scoring the containers is a pass of its own over the blocks and their ancestors: a turn of its own too.
  if (sliced) await pause();
  bodyWalk(doc, walk.order);
}

/** Scores containers by the prose of their paragraphs and returns the best, with its figures. */
export function mainContainer(doc: Document): Candidate | null {
  return bodyWalk(doc).result;
}

function findMainContainer(doc: Document, blocks: TextBlock[]): Candidate | null {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, Candidate>();
  // All the prose under each element, however deep.
  const totals = new Map<Element, Candidate>();
  const add = (map: Map<Element, Candidate>, el: Element | null, score: number, n: number) => {
    if (!el) return;
    const c = map.get(el);
    if (c) {
      c.score += score;
      c.paragraphs += n;
    } else map.set(el, { el, score, paragraphs: n });
  };
  // Paragraph elements that are prose (their text counts for their container).
  const proseLeaves = new Set<Element>();
  for (const b of blocks) {
    const score = proseScore(b);
    if (score <= 0 || HEADINGS.has(tagOf(b.el)) || tagOf(b.el) === 'H1') continue;
    // A paragraph element counts for its container; text straight inside a container is a paragraph of it.
    const leaf = LEAF_BLOCKS.has(tagOf(b.el));
    if (leaf) proseLeaves.add(b.el);
    const container = leaf ? b.el.parentElement : b.el;
    // Paragraphs split by <br><br> are paragraphs too (as many as the text is long enough for).
    const n = paragraphsOf(b);
    add(scores, container, score, n);
    add(scores, container?.parentElement ?? null, score / 3, n);
    for (let el = container; el && el !== body; el = el.parentElement) add(totals, el, score, n);
  }
  let best: Candidate | null = null;
  for (const c of scores.values()) if (!best || c.score > best.score) best = c;
  if (!best) return null;
  // A story split over sibling containers (sections between ads, one block per group of paragraphs): look a
  // few levels up, through wrappers, for an ancestor holding much more prose of the same kind: paragraphs as
  // long as the story's own, not a column of short teasers.
  let root = best.el;
  let total = totals.get(root) ?? best;
  let child = root;
  let up = root.parentElement;
  for (let level = 0; up && up !== body && level < CLIMB_LEVELS; level++, child = up, up = up.parentElement) {
    const t = totals.get(up);
    if (!t) continue;
    // Prose in siblings of the same kind as the path taken (story-body-1, story-body-2...) is the story's.
    let sameKind = 0;
    const kind = kindOf(child);
    if (kind)
      for (const sib of up.children) if (sib !== child && kindOf(sib) === kind) sameKind += totals.get(sib)?.score ?? 0;
    const factor = sameKind > total.score * 0.1 ? 1.1 : CLIMB;
    if (t.score < total.score * factor) continue;
    // A list of teasers beside the story (a stream of "recommended" stories with their summaries, a column of
    // headlines and times) is not more of it, however long its summaries are: the climb stops there.
    let listed = 0;
    for (const sib of up.children)
      if (sib !== child && holdsPostList(sib, totals, proseLeaves)) listed += totals.get(sib)!.score;
    if (t.score - listed < total.score * factor) break;
    const added = (t.score - total.score) / Math.max(1, t.paragraphs - total.paragraphs);
    if (added < (total.score / total.paragraphs) * 0.5) break;
    root = up;
    total = t;
  }
  let length = 0;
  let linked = 0;
  for (const b of blocks)
    if (b.el === root || root.contains(b.el)) {
      length += b.length;
      linked += b.linkLength;
    }
  return {
    el: root,
    score: total.score,
    paragraphs: total.paragraphs,
    posts: postList(root, total.score, totals, proseLeaves),
    linkShare: length ? linked / length : 0,
  };
}

/** At least this many items of one kind make a list of posts. */
const MIN_POSTS = 8;

/**
 * Whether the prose of `root` is a list of posts rather than one text: most of it (60%) sits in `MIN_POSTS` or
 * more children of one kind, each short (a paragraph or two, a few sentences at most), and most of them carry a
 * line of their own outside their text: an author and a time, a headline, "Reply". Many short texts by different
 * hands, or many teasers, are not one block of running prose, however much of it there is. A story whose
 * paragraphs each sit in a wrapper of their own has no such lines; a story in sections has long sections. The
 * list may sit one level down, in the child holding most of the prose. Returns the number of posts, or 0.
 */
function postList(
  root: Element,
  score: number,
  totals: Map<Element, Candidate>,
  prose: Set<Element>,
  depth = 0,
): number {
  const groups = new Map<string, Candidate[]>();
  let top: Candidate | null = null;
  for (const child of root.children) {
    const t = totals.get(child);
    if (!t) continue;
    if (!top || t.score > top.score) top = t;
    if (prose.has(child)) continue;
    const key = kindOf(child) ?? tagOf(child);
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  let list: Candidate[] = [];
  let listScore = 0;
  for (const g of groups.values()) {
    const s = g.reduce((sum, c) => sum + c.score, 0);
    if (s > listScore) [list, listScore] = [g, s];
  }
  if (list.length >= MIN_POSTS && listScore >= score * 0.6) {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
    const short = median(list.map((c) => c.score)) <= 600 && median(list.map((c) => c.paragraphs)) <= 2;
    if (short) {
      const sample = list.slice(0, 24);
      const headed = sample.filter((c) => hasOwnLine(c.el, totals, prose)).length;
      if (headed >= sample.length * 0.6) return list.length;
    }
  }
  if (depth === 0 && top && top.score >= score * 0.6 && top.el !== root)
    return postList(top.el, top.score, totals, prose, 1);
  return 0;
}

/**
 * Whether a post carries a line beside its text that says who or when: a child that is neither prose nor holds
 * prose, with a link (an author, a headline that leads elsewhere, "Reply") or a time in it. A story's subheading
 * is not such a line: a story in short sections is still one story.
 */
function hasOwnLine(post: Element, totals: Map<Element, Candidate>, prose: Set<Element>): boolean {
  let el = post;
  for (let depth = 0; depth < 4; depth++) {
    // Through wrappers that hold the whole post.
    for (let i = 0; i < 4 && el.children.length === 1; i++) el = el.children[0]!;
    let holder: Element | null = null;
    let holders = 0;
    for (const child of el.children) {
      if (prose.has(child) || totals.has(child)) {
        holders++;
        holder = child;
        continue;
      }
      if (SKIPPED_TAGS.has(tagOf(child))) continue;
      const text = textOf(child, 300);
      if (!text || text.length >= 300) continue;
      if (tagOf(child) === 'TIME' || child.getElementsByTagName('time').length) return true;
      const links = tagOf(child) === 'A' ? [child] : [...child.getElementsByTagName('a')];
      if (links.reduce((n, a) => n + textOf(a, 300).length, 0) >= text.length * 0.3) return true;
    }
    // The line may sit one level in, beside the text in the one wrapper that holds it (a teaser's headline and
    // summary in a body wrapper beside its picture).
    if (holders !== 1 || prose.has(holder!)) return false;
    el = holder!;
  }
  return false;
}

/** Whether an element is, or holds as most of its prose (through wrappers), a list of posts or teasers. */
function holdsPostList(el: Element, totals: Map<Element, Candidate>, prose: Set<Element>): boolean {
  const all = totals.get(el);
  if (!all) return false;
  for (let e = el, i = 0; i < 4; i++) {
    if (postList(e, totals.get(e)!.score, totals, prose) > 0) return true;
    let top: Candidate | null = null;
    for (const c of e.children) {
      const t = totals.get(c);
      if (t && (!top || t.score > top.score)) top = t;
    }
    if (!top || top.score < all.score * 0.6) return false;
    e = top.el;
  }
  return false;
}

/**
 * An element's tag and the stem of its first class: what repeated containers of one layout share. Null for
 * no class or a grid class (row, col-md-8...), which every part of a page shares.
 */
function kindOf(el: Element): string | null {
  const first = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  if (!first || GRID_CLASS.test(first)) return null;
  return `${tagOf(el)}.${first.replace(/[-_]?\d+$/, '')}`;
}

const GRID_CLASS =
  /^(row|col|column|columns|container|grid|wrap|wrapper|clearfix|flex|cell|box|inner|section|span\d*)([-_]|$)/i;

/** How much more prose a parent must hold before the story is taken to continue outside the container. */
const CLIMB = 1.4;
const CLIMB_LEVELS = 6;

const LIST_ITEMS = new Set(['LI', 'DD', 'DT']);
const words = (b: TextBlock) => b.head.trim().split(' ').length;

const SENTENCE_END = /[.!?。！？…]["'”’»)]?$/;

/**
 * A line of two words or more that ends in a colon introduces what follows ("Blind and partially sighted
 * people:" before a list): it is the text's own, not a kicker. A label of one word ("Exclusive:") is not.
 */
function introduces(b: TextBlock): boolean {
  return words(b) >= 2 && /[:：]$/.test(b.head.trim()) && b.linkLength === 0;
}

/** A line of a few words that is not a sentence and not a link: a label, a subheading. */
function isLabel(b: TextBlock): boolean {
  return b.weight < 60 && words(b) <= 6 && !b.linkLength && !SENTENCE_END.test(b.head.trim());
}

/** A block that reads as a sentence: long enough, or ending the way sentences end. */
function isSentence(b: TextBlock): boolean {
  return b.weight >= 80 || (SENTENCE_END.test(b.head.trim()) && words(b) >= 3);
}

/**
 * The text blocks under `root`, taken from the walk of the whole body when there was one: the same blocks with
 * the same figures, as long as `root` is a block itself (text straight inside it is then its own, in both walks).
 */
function blocksUnder(root: Element, pool?: TextBlock[]): TextBlock[] {
  const doc = root.ownerDocument;
  if (!(root === doc.body || BLOCK_TAGS.has(tagOf(root)))) return textBlocks(root);
  return (pool ?? bodyWalk(doc).blocks).filter((b) => b.el === root || root.contains(b.el));
}

/**
 * Teaser cards set inside the story: a box holding a headline that leads to another page (a heading, or a line
 * that is one link) and one paragraph of summary at most, 300 characters (an "inline teaser" pointing to the FAQ,
 * another story's card between paragraphs, an author's box). The headline is a link, or sits in one (an `<a>` or
 * a link component with an `href`). A section of the story under a linked subheading holds more than that; a
 * subheading set straight in the story's container is no box; a headline linking to the page itself is the
 * post's own header.
 */
function teaserCards(root: Element, blocks: TextBlock[]): Element[] {
  const cards: Element[] = [];
  // The page's own path: a link to it is no teaser's.
  const self = pathOf(root.ownerDocument.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? null);
  // Headlines: headings that are, hold or sit in a link, and lines of text that are one link (a card's "hed" set
  // as a <div>), but not the items of a list.
  const heads: [Element, Element][] = [];
  for (const h of root.querySelectorAll('h2, h3, h4, h5, h6')) {
    const link = linkAround(h, root);
    if (link) heads.push([h, link]);
  }
  for (const b of blocks) {
    const tag = tagOf(b.el);
    if (b.length >= 15 && b.linkLength >= b.length * 0.9 && !HEADINGS.has(tag) && !LIST_ITEMS.has(tag) && tag !== 'H1')
      heads.push([b.el, b.el]);
  }
  for (const [h, link] of heads) {
    // A blog's headline is often a link to the post itself: that is the story's header, not a teaser.
    if (self && pathOf(link.getAttribute('href') ?? h.querySelector('[href]')?.getAttribute('href') ?? null) === self)
      continue;
    const heading = textOf(h, 300).length;
    for (let e = link.parentElement, up = 0; e && e !== root && up < 3; e = e.parentElement, up++) {
      const text = textOf(e, 700).length;
      if (text <= heading + 10) continue;
      if (text - heading <= 300 && e.getElementsByTagName('p').length <= 1) cards.push(e);
      break;
    }
  }
  // A teaser longer than a card: a box that opens with a heading, runs its text until it is cut short ("…"),
  // and ends with a link to read the rest on another page, nothing more.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.length >= 200 || !/(…|\.\.\.)$/.test(b.head.trim())) continue;
    for (let e = b.el.parentElement, up = 0; e && e !== root && up < 3; e = e.parentElement, up++) {
      if (!HEADINGS.has(tagOf(e.firstElementChild ?? e))) continue;
      let after = 0;
      for (let j = i + 1; j < blocks.length && e.contains(blocks[j]!.el); j++) after += blocks[j]!.length;
      if (
        after <= 60 &&
        [...e.querySelectorAll('a[href]')].some((a) => (pathOf(a.getAttribute('href')) ?? self) !== self)
      )
        cards.push(e);
      break;
    }
  }
  return cards;
}

/** The path of an address, without its host, query or fragment, and without a final slash. */
function pathOf(href: string | null): string | null {
  if (!href) return null;
  const m = /^(?:[a-z]+:)?(?:\/\/[^/]*)?([^?#]*)/i.exec(href.trim());
  return m?.[1] ? m[1].replace(/\/+$/, '') : null;
}

/** The link a heading is, holds, or sits in (an `<a>` or a link component with an `href`), below `root`. */
function linkAround(h: Element, root: Element): Element | null {
  const own = (e: Element) => {
    const href = e.getAttribute('href');
    return !!href && !href.startsWith('#');
  };
  for (let e: Element | null = h; e && e !== root; e = e.parentElement) if (own(e)) return e;
  const inner = h.querySelector('[href]');
  return inner && own(inner) && textOf(inner, 300).length >= textOf(h, 300).length * 0.8 ? h : null;
}

/** An e-mail address, a handle or an international phone number: how a reader is asked to get in touch. */
const CONTACT = /[\w.+-]+@[\w-]+\.[a-z]{2,}|(^|[\s(])@\w{2,}|\+\d{1,3}[\d ()-]{7,}/i;

const BARE_URL = /^\s*(https?:\/\/|www\.)\S+\s*$/i;

function collectBlocks(root: Element, pool?: TextBlock[]): Element[] {
  const kept: TextBlock[] = [];
  const under = blocksUnder(root, pool);
  const cards = teaserCards(root, under);
  // Where the last short line announcing other stories or the page's own matters ("Auch interessant:",
  // "Related:", "Copyright ...") was, in the blocks kept.
  let announced = -1;
  // A short line kept just before blocks left out as links (a list's or a card's), and how many followed it: a
  // label over a list of other stories ("Related Stories", "DW recommends", "ALSO:") heads nothing once the list
  // is gone. It goes with the list when a box holds both, or when nothing of the story follows; a subheading set
  // in the story's container over a line of links stays with the paragraphs under it.
  let label: TextBlock | null = null;
  let unlisted = 0;
  const unlabel = () => {
    if (label && unlisted >= 2 && kept[kept.length - 1] === label) {
      kept.pop();
      announced = Math.min(announced, kept.length);
    }
    label = null;
  };
  const drop = (b: TextBlock) => {
    const box = label?.el.parentElement;
    if (label && ++unlisted >= 2 && box !== root && box?.contains(b.el)) unlabel();
  };
  // A form set in the story (a reader's contact form, a poll) is not the story: its labels and notes ask, they do
  // not tell. A form around the whole page (ASP.NET's) is around the container, not in it.
  const forms = root.getElementsByTagName('form');
  for (const b of under) {
    const tag = tagOf(b.el);
    if (forms.length && [...forms].some((f) => f.contains(b.el))) continue;
    // The headline is placed by extractArticle.
    // An address alone is no text of the story: structured data set as text (`<div itemprop="image">https://…`),
    // a page's own address kept for its scripts.
    if (tag === 'H1' || BARE_URL.test(b.head)) continue;
    if (isBoilerplateText(b.head)) {
      if (b.length < 60) announced = kept.length;
      drop(b);
      continue;
    }
    const density = b.linkLength / b.length;
    const item = LIST_ITEMS.has(tag);
    // Lists of links are menus and "related" lists, not prose.
    if (
      (cards.length && cards.some((c) => c.contains(b.el))) ||
      (item ? density > 0.5 : density > 0.8 && b.length < 200)
    ) {
      drop(b);
      continue;
    }
    if (item && b.length < 20) continue;
    kept.push(b);
    [label, unlisted] = isLabel(b) ? [b, 0] : [null, 0];
  }
  unlabel();
  // What follows such a line to the end of the story, when it is a heading and a line or two (or one short line),
  // is the tail of the page's promotions (a box for the site's job board after "Auch interessant:" and its
  // links), not the story. Paragraphs of the story after a "Read also" box in its middle are more than that.
  if (announced >= 3 && announced < kept.length) {
    const rest = kept.slice(announced);
    const weight = rest.reduce((n, b) => n + b.weight, 0);
    const headed = HEADINGS.has(tagOf(rest[0]!.el));
    if ((headed && rest.length <= 3 && weight < 500) || (rest.length === 1 && weight < 300)) kept.length = announced;
  }
  // Before the first paragraph, a few words that are not a sentence are a kicker, a label or a gallery counter;
  // after the last one, short lines made of links are taxonomy and "more on this" lines, and so is a long line of
  // links with no punctuation (a post's tags, however many). Neither is the story.
  const prose = (b: TextBlock) => b.weight >= 80 && proseScore(b) > 0 && !HEADINGS.has(tagOf(b.el));
  const first = kept.findIndex(prose);
  let last = -1;
  for (let i = kept.length - 1; i >= 0; i--)
    if (prose(kept[i]!)) {
      last = i;
      break;
    }
  if (first < 0) return kept.map((b) => b.el);
  const out = kept.filter(
    (b, i) =>
      !(i > first && (repeatsAlt(b, root) || creditsPicture(b))) &&
      ((i >= first && i <= last) ||
        (isSentence(b) && (i < first || b.punctuation > 0 || b.linkLength / b.length < 0.5)) ||
        (i < first
          ? HEADINGS.has(tagOf(b.el)) || LIST_ITEMS.has(tagOf(b.el)) || words(b) > 3 || introduces(b)
          : b.linkLength / b.length < 0.3)),
  );
  // A subheading after the story's last paragraph with nothing of the text under it heads what is not the story:
  // a map, a video, a list of links, a box of jobs ("Die Karte zum Abspeichern:", "DEN RICHTIGEN FINDEN").
  // So are the outlet's calls to its readers that close a story ("Got a tip? Email us at tips@…", "Follow me on
  // Twitter @…", "WhatsApp: +44 …"): short lines at the very end giving an address, a handle or a number to reach
  // it, back to the first line that does not.
  const lastKept = kept[last]!;
  for (let b = out[out.length - 1]; b && out.length > 1; b = out[out.length - 1]) {
    const heading = b !== lastKept && HEADINGS.has(tagOf(b.el));
    if (!heading && (b.weight >= 400 || !CONTACT.test(textOf(b.el, 400)))) break;
    out.pop();
  }
  return withLeadCaption(
    root,
    out.map((b) => b.el),
    kept[first]!.el,
  );
}

/**
 * Whether a short block is a picture's caption set as a line of text (not a `figcaption`): it says again what the
 * picture's `alt` says (and a credit at most), and a box below the story's container holds both. Further down the story a caption is
 * left out as a `figcaption` is.
 */
function repeatsAlt(b: TextBlock, root: Element): boolean {
  if (b.weight >= 600) return false;
  let text: string | undefined;
  for (let e: Element | null = b.el, up = 0; e && e !== root && up < 3; e = e.parentElement, up++)
    for (const img of e.getElementsByTagName('img')) {
      const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      if (alt.length < 20) continue;
      text ??= textOf(b.el, 700);
      // The alt, and a credit at most ("(AP Photo)"): a paragraph beginning as a picture's alt does says more.
      if (text.startsWith(alt) && text.length <= alt.length + 40) return true;
    }
  return false;
}

/**
 * Whether a few words that are not a sentence follow a picture straight: its credit or a caption's stub ("Alamy",
 * "Bild: shutterstock", "(AAP)"), the picture being the element before the block or the start of it.
 */
function creditsPicture(b: TextBlock): boolean {
  const tag = tagOf(b.el);
  if (b.weight >= 80 || HEADINGS.has(tag) || LIST_ITEMS.has(tag) || SENTENCE_END.test(b.head.trim())) return false;
  // A subheading set in bold or marked as a heading, or a line introducing what follows, is the story's.
  if (b.el.getAttribute('role') === 'heading') return false;
  const only = b.el.firstElementChild;
  if (
    introduces(b) ||
    (only && !only.nextElementSibling && BOLD.has(tagOf(only)) && textOf(only, 80).length === b.length)
  )
    return false;
  const prev = b.el.previousElementSibling;
  if (prev && (PICTURES.has(tagOf(prev)) || (prev.querySelector('img, picture') && !textOf(prev, 1)))) return true;
  const lead = b.el.firstChild;
  return !!lead && lead.nodeType === ELEMENT_NODE && PICTURES.has(tagOf(lead));
}

const PICTURES = new Set(['IMG', 'PICTURE', 'FIGURE', 'SVG']);
const BOLD = new Set(['B', 'STRONG']);

/**
 * The caption of the story's lead picture, in its place before the first paragraph: the outlet's own words on
 * the picture that opens the story, which readers (and Readability and Mercury) read as its start. Captions
 * further down stay out: read in, they added more boilerplate than story (credits, gallery counters). A caption
 * of three words or fewer that is not a sentence (a keyword and a credit) is left out as a kicker is. A caption
 * inside a link is a teaser's, and one inside a boilerplate container (other than its own figure, often named
 * for the caption) is not the story's.
 */
function withLeadCaption(root: Element, blocks: Element[], first: Element): Element[] {
  let caption: Element | null = null;
  for (const fc of root.getElementsByTagName('figcaption')) {
    // Every caption from here on is after the first paragraph.
    if (!comesAfter(fc, first)) break;
    if (fc.closest('a')) continue;
    let framed = true;
    for (let a = fc.parentElement; a && a !== root && framed; a = a.parentElement)
      if (tagOf(a) !== 'FIGURE' && isBoilerplateElement(a)) framed = false;
    const text = textOf(fc, 300);
    if (framed && (text.split(' ').length > 3 || /[\u3040-\u9fff\uac00-\ud7af]{6}/.test(text))) caption = fc;
  }
  if (!caption) return blocks;
  const at = blocks.findIndex((b) => comesAfter(caption, b));
  return at < 0 ? [...blocks, caption] : [...blocks.slice(0, at), caption, ...blocks.slice(at)];
}

/**
 * Appends the collapsed text of blocks, one at a time, to one string, recording where each character came from.
 * Block by block, so that a long article can be built in slices (`extractArticleInSlices`).
 */
class TextBuilder {
  private readonly parts: string[] = [];
  readonly runs: TextRun[] = [];
  /** Where each block's text starts in the text. */
  readonly starts: number[] = [];
  private length = 0;

  add(block: Element): void {
    const { parts, runs } = this;
    // The length in a local while the block is read (a hot loop), written back at the end.
    let length = this.length;
    const push = (s: string) => {
      parts.push(s);
      length += s.length;
    };
    if (length > 0) push('\n\n');
    const blockStart = length;
    this.starts.push(blockStart);
    let pendingSpace: { node: Text; offset: number } | null = null;
    const stack: Node[] = [block];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType === TEXT_NODE) {
        const t = node as Text;
        const data = t.data;
        const n = data.length;
        let i = 0;
        while (i < n) {
          if (isSpace(data.charCodeAt(i))) {
            // A run of white space becomes one space, mapped to its first character, if text follows in the block.
            if (!pendingSpace) pendingSpace = { node: t, offset: i };
            while (i < n && isSpace(data.charCodeAt(i))) i++;
            continue;
          }
          // A stretch of words joined by single spaces is the same characters in the text: one run.
          const from = i;
          while (i < n) {
            const c = data.charCodeAt(i);
            if (!isSpace(c)) i++;
            else if (c === 32 && i + 1 < n && !isSpace(data.charCodeAt(i + 1))) i++;
            else break;
          }
          if (pendingSpace && length > blockStart) {
            runs.push({ node: pendingSpace.node, start: length, nodeStart: pendingSpace.offset, length: 1 });
            push(' ');
          }
          pendingSpace = null;
          runs.push({ node: t, start: length, nodeStart: from, length: i - from });
          push(data.slice(from, i));
        }
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const el = node as Element;
      const tag = tagOf(el);
      // Blocks inside a block are blocks of their own (or left out); so are scripts and boilerplate.
      if (el !== block && (SKIPPED_TAGS.has(tag) || BLOCK_TAGS.has(tag) || isBoilerplateElement(el))) continue;
      if (tag === 'BR') {
        pendingSpace = null;
        if (length > blockStart && parts[parts.length - 1] !== '\n') push('\n');
        continue;
      }
      for (let kid = el.lastChild; kid; kid = kid.previousSibling) stack.push(kid);
    }
    // A block that ended in line breaks ends where its text does.
    while (parts.length && parts[parts.length - 1] === '\n' && length > blockStart) {
      parts.pop();
      length--;
    }
    this.length = length;
  }

  result(): Built {
    return { text: this.parts.join(''), runs: this.runs, starts: this.starts };
  }
}

interface Built {
  text: string;
  runs: TextRun[];
  starts: number[];
}

function buildText(blocks: Element[]): Built {
  const builder = new TextBuilder();
  for (const block of blocks) builder.add(block);
  return builder.result();
}

function firstItem(items: StructuredItem[], pattern: RegExp): StructuredItem | undefined {
  return items.find((i) => i.types.some((t) => pattern.test(t)));
}

const SYNDICATION =
  /(?:the original source of this article is|this article (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|at|by)|originally published (?:by|in|on|at)|republished (?:from|with permission (?:from|of))|first published (?:by|in|on|at))[: ]+(?:the )?/i;
// A name: capitalised words, with "of", "the", "and" between them; it ends at a line break.
const NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?: (?:of|the|and|&|[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*)){0,5}/u;

const SYNDICATION_HINT = /original|first|republish|\bsource\b/i;

/**
 * The outlet a syndicated piece names as its original publisher, searched in short lines of the page. One walk
 * over the text: only the blocks whose text holds a hint of such a line are read whole.
 */
export function originalPublisher(doc: Document, root: Element | null): string | null {
  const scope = root?.closest('article, main') ?? doc.body;
  if (!scope) return null;
  const seen = new Set<Element>();
  const stack: Node[] = [scope];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (!SYNDICATION_HINT.test((node as Text).data)) continue;
      // The nearest element that holds the whole line: the text's own parent, or the block around it.
      for (let el = node.parentElement; el && el !== scope.parentElement; el = el.parentElement) {
        if (seen.has(el)) break;
        seen.add(el);
        if (el.childElementCount > 6) break;
        const text = textOf(el, 400, true);
        if (text.length > 400) break;
        const m = SYNDICATION.exec(text);
        const name = m ? NAME.exec(text.slice(m.index + m[0].length)) : null;
        if (name) return name[0].replace(/[.,;:]+$/, '').trim();
        if (BLOCK_TAGS.has(tagOf(el))) break;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED_TAGS.has(tagOf(node))) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return null;
}

/** An h1 that is a link to the site's home page: its logo or name, not a headline. */
function isLogo(h: Element): boolean {
  const a = tagOf(h.parentElement ?? h) === 'A' ? h.parentElement! : h.querySelector('a[href]');
  if (!a || textOf(a, 200).length < textOf(h, 200).length * 0.8) return false;
  const href = a.getAttribute('href') ?? '';
  return /^((https?:)?\/\/[^/?#]+)?\/?([?#].*)?$/i.test(href.trim()) && href.trim() !== '';
}

function headline(doc: Document, root: Element | null, title: string): Element | null {
  const h1s = [...doc.querySelectorAll('h1')].filter((h) => !isLogo(h));
  // The h1 nearest the story: the last before its container, or the first inside it or around it (a site's logo
  // is often an h1 too, at the top of the page).
  let scoped: Element | null = null;
  if (root)
    for (const h of h1s) {
      // A label set as an h1 ("Share", "Comments") is no headline.
      if (comesAfter(h, root)) {
        if (!scoped || textOf(h, 100).split(' ').length >= 3) scoped = h;
      } else if (root.contains(h) || h.contains(root)) {
        scoped ??= h;
        break;
      }
    }
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  // The page's title too: Open Graph's may be reworded, while the page's holds the headline as set.
  const whole = `${norm(title)} | ${norm(doc.title ?? '')}`;
  const inTitle = (h: Element) => {
    const t = norm(textOf(h));
    return t.length > 0 && whole.includes(t) ? t.length : 0;
  };
  // The h1 nearest the story when the title holds it; else the longest h1 the title holds (a title holds the
  // site's name too, "Headline | Site", and a logo's h1 is that), unless it is short beside the title and an h1
  // near the story is there.
  if (scoped && inTitle(scoped)) return scoped;
  let byTitle: Element | null = null;
  let longest = 0;
  for (const h of h1s) {
    const n = inTitle(h);
    if (n > longest) [byTitle, longest] = [h, n];
  }
  if (byTitle && scoped && longest < norm(title).length / 3) byTitle = null;
  if (byTitle ?? scoped) return byTitle ?? scoped;
  // No h1 is the story's: an h2 or h3 the title holds, before the story or at its top (older layouts and blog
  // themes set the headline so, under a site's name in the h1 or no h1 at all).
  if (!root) return null;
  const t = norm(title);
  // Menus set their section names as h2s too: every h2 up to the story's top is looked at.
  // The one nearest the story: the same headline may be listed higher up, in a column of the latest stories.
  let found: Element | null = null;
  for (const h of doc.querySelectorAll('h2, h3')) {
    const inside = root.contains(h);
    if (!inside && !comesAfter(h, root)) break;
    const own = norm(textOf(h, 300));
    if (own.length >= Math.max(8, t.length / 2) && t.includes(own)) found = h;
    if (inside && found) break;
  }
  return found;
}

function cleanTitle(raw: string, site: string | null): string {
  let t = raw.trim();
  if (site) t = t.replace(new RegExp(`\\s*[|\\-–—:]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '');
  return t.trim();
}

/** What extraction works out before the text is built: the page's metadata, its container and blocks. */
interface Plan {
  news: StructuredItem | undefined;
  site: string | null;
  title: string;
  root: Element | null;
  blocks: Element[];
  h1: Element | null;
}

/**
 * The lead (standfirst, summary, first paragraph set apart) between the headline and the story's container:
 * sentences that a layout puts in a block of their own under the headline, outside the container that holds
 * the rest of the story. Up to eight blocks back from the container; bylines, dates and labels are not sentences
 * and are passed over, links are not a lead.
 */
/**
 * A heading that is a standfirst: layouts set the summary under the headline as an `h2` (`article-lead`,
 * `itemprop="description"`). It is a sentence, and longer than subheadings and labels are.
 */
function isStandfirst(b: TextBlock): boolean {
  // Many standfirsts end without a full stop ("The Virgin founder believes that we should be concentrating on
  // fixing Earth up"): ten words or more are a sentence's worth; a subheading or a label is shorter.
  return (
    (b.weight >= 80 && (b.weight >= 200 || SENTENCE_END.test(b.head.trim()))) || (b.weight >= 60 && words(b) >= 10)
  );
}

function leadBefore(root: Element, h1: Element): Element[] {
  const all = bodyWalk(root.ownerDocument).blocks;
  let i = all.findIndex((b) => b.el === root || root.contains(b.el));
  const lead: Element[] = [];
  for (let n = 0; --i >= 0 && n < 8; n++) {
    const b = all[i]!;
    if (b.el === h1 || b.el.contains(h1) || h1.contains(b.el)) break;
    const tag = tagOf(b.el);
    if ((HEADINGS.has(tag) && !isStandfirst(b)) || LIST_ITEMS.has(tag) || isBoilerplateText(b.head)) continue;
    const sentence = isSentence(b) || (HEADINGS.has(tag) && isStandfirst(b));
    if (b.weight >= 60 && sentence && b.linkLength / b.length < 0.3 && !BARE_URL.test(b.head)) lead.unshift(b.el);
  }
  return lead;
}

/**
 * Where the story is on a page where no container holds prose, as a reader's "read it anyway" asks for it
 * (detection, which reads the same walk, has already said it is not an article): first the prose of containers
 * whose name says boilerplate but which hold paragraphs (a story inside a "read more" widget's wrapper); failing
 * that, the page's article element or marked-up body, whatever its lines are (a gallery post of short captions).
 */
function looseContainer(doc: Document, body: Element): [Element | null, TextBlock[] | undefined] {
  const loose = textBlocks(body, true);
  const found = findMainContainer(doc, loose);
  if (found) return [found.el, loose];
  return [doc.querySelector('[itemprop~="articleBody"], article, main'), undefined];
}

function plan(doc: Document): Plan {
  const items = jsonLdItems(doc);
  const news = firstItem(items, /Article$|BlogPosting$|NewsArticle|Report$/);
  const site = metaContent(doc, 'meta[property="og:site_name"]') ?? nameOf(news?.data.publisher);
  const title =
    cleanTitle(
      metaContent(doc, 'meta[property="og:title"]') ??
        nameOf(news?.data.headline) ??
        textOf([...doc.querySelectorAll('h1')].find((h) => !isLogo(h)) ?? doc.createElement('h1')) ??
        doc.title,
      site,
    ) || cleanTitle(doc.title ?? '', site);

  let root = mainContainer(doc)?.el ?? null;
  let pool: TextBlock[] | undefined;
  if (!root && doc.body) [root, pool] = looseContainer(doc, doc.body);
  const blocks = root ? collectBlocks(root, pool) : [];
  const h1 = headline(doc, root, title);
  if (h1 && root && comesAfter(h1, root)) blocks.unshift(...leadBefore(root, h1));
  if (h1 && !blocks.includes(h1) && !(root && root.contains(h1) && blocks.some((b) => h1.contains(b))))
    blocks.unshift(h1);
  // The headline said again as a subheading (a gallery's or a print edition's title) is said once.
  const said = h1 ? textOf(h1, 300) : '';
  const unsaid = said ? blocks.filter((b) => b === h1 || !HEADINGS.has(tagOf(b)) || textOf(b, 300) !== said) : blocks;
  return { news, site, title, root, blocks: unsaid, h1 };
}

function finish(doc: Document, url: string | null, p: Plan, built: Built): Extraction {
  const { news, site, title, root, blocks, h1 } = p;
  const { text, runs, starts } = built;
  // The body starts where the block after the headline does (the headline's own text, as built, may differ in
  // length from its text content: a hidden or boilerplate part is left out of it).
  const bodyStart = h1 && blocks[0] === h1 ? (starts[1] ?? text.length) : 0;

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
    bodyStart,
  };
}

export function extractArticle(doc: Document, url: string | null = null): Extraction {
  const p = plan(doc);
  return finish(doc, url, p, buildText(p.blocks));
}

/**
 * `extractArticle`, with the text built in slices of about `sliceMs` and the browser given a turn (`pause`)
 * between them: the same result, for the page's own content script, where a very long article would otherwise be
 * one long task. An article of ordinary length is built in one slice.
 */
export async function extractArticleInSlices(
  doc: Document,
  url: string | null,
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<Extraction> {
  const p = plan(doc);
  const builder = new TextBuilder();
  let deadline = performance.now() + sliceMs;
  for (const block of p.blocks) {
    if (performance.now() >= deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
    builder.add(block);
  }
  return finish(doc, url, p, builder.result());
}

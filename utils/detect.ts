/**
 * Is this page a news article? Evidence from structured data, meta tags, the URL and the shape of the page's
 * prose, each weighed and named in `reasons`. Cheap when the answer is no: what the page declares about itself
 * and its address are read first, and the page's text only when those leave the question open.
 *
 * The weights say how much each piece of evidence means, not how often it fired on some set of pages: a
 * publisher's own "this is a NewsArticle" outweighs everything else; "og:type article" is set by news sites and
 * blogs alike; a page that calls itself a blog post, a product or a listing is not a news story, whatever its
 * prose looks like. Nothing here depends on the page's language.
 */
import type { Detection } from './types';
import { jsonLdItems } from './dom/structured';
import { ELEMENT_NODE, TEXT_NODE, comesAfter, metaContent, tagOf, textOf } from './dom/walk';
import { mainContainer, walkPageInSlices } from './extract';

const NEWS_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|LiveBlogPosting)$/;
const ARTICLE_TYPES = /^(Article|Report)$/;
const BLOG_TYPES = /^(BlogPosting|Blog)$/;
const FORUM_TYPES = /^(DiscussionForumPosting|SocialMediaPosting|QAPage|Question|Comment)$/;
const NOT_ARTICLE_TYPES =
  /^(Product|ProductGroup|Offer|AggregateOffer|CollectionPage|ItemList|SearchResultsPage|FAQPage|ProfilePage|Recipe|Course|SoftwareApplication|MobileApplication|WebApplication|Book|Movie|TVSeries|MusicAlbum|Event|HowTo|TechArticle|APIReference|ScholarlyArticle|Dataset|JobPosting|RealEstateListing|Hotel|Restaurant|LocalBusiness|Store|VideoGame)$/;
// Open Graph types that are something other than a web page or an article.
const OG_OTHER = /^(product|book|profile|music\.|video\.|place|business\.|restaurant\.|game|books\.|fitness\.)/;

/** The threshold of the summed weights at which a page is taken for a news article. */
const THRESHOLD = 1.5;

export interface Evidence {
  weight: number;
  reason: string;
}

function pathOf(url: string): { host: string; path: string; query: string } | null {
  try {
    const u = new URL(url, 'http://unknown.invalid/');
    return { host: u.hostname, path: decodeURI(u.pathname), query: u.search };
  } catch {
    return null;
  }
}

// Words of a URL, compared lower-cased. Plain sets and string tests rather than regular expressions: this runs
// on every page the reader opens, and compiling the case-insensitive alternations these replaced took about half
// of this function's first call (docs/design/performance.md).
const LISTING_SEGMENTS = new Set(
  'tag tags topic topics category categories section sections search author authors archive archives page'.split(' '),
);
const SEARCH_PARAMS = new Set(['q', 's', 'query', 'search']);
const REFERENCE_SEGMENTS =
  'wiki doc docs documentation manual reference api product products shop store forum forums thread threads questions'.split(
    ' ',
  );
const REFERENCE_HOSTS = new Set('docs developer developers wiki shop store forum forums community support'.split(' '));

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether `s` holds a run of at least `n` ASCII digits. */
function hasDigitRun(s: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = isDigit(s.charCodeAt(i)) ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

/** Whether a word holds a letter (any script); ASCII words are answered without the Unicode class. */
let letterPattern: RegExp | undefined;
function hasLetter(word: string): boolean {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
    if (word.charCodeAt(i) > 127) ascii = false;
  }
  return !ascii && (letterPattern ??= /\p{L}/u).test(word);
}

/** The query's parameter names that are followed by "=", lower-cased. */
function parameters(query: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const part of query.slice(1).split('&')) {
    const eq = part.indexOf('=');
    if (eq >= 0) out.push({ name: part.slice(0, eq).toLowerCase(), value: part.slice(eq + 1) });
  }
  return out;
}

/** What a URL says about the page: a dated or slugged story path, or a home, section, tag, search, blog page... */
export function urlEvidence(url: string | null): Evidence | null {
  if (!url) return null;
  const u = pathOf(url);
  if (!u || u.host === 'unknown.invalid') return null;
  const { host, path, query } = u;
  const segments = path.split('/').filter(Boolean);
  const lower = segments.map((s) => s.toLowerCase());
  const last = segments.at(-1) ?? '';
  if (
    lower.some((s) => LISTING_SEGMENTS.has(s)) &&
    // A story under a tag or section path still has a long id or a slug of several words at the end.
    !(hasDigitRun(last, 4) || last.split(/[-_]/).length > 3)
  )
    return { weight: -2, reason: 'url: a tag, section, search or author page' };
  const params = parameters(query);
  if (segments.length <= 1 && params.some((p) => SEARCH_PARAMS.has(p.name)))
    return { weight: -2, reason: 'url: a search page' };
  const lowerPath = path.toLowerCase();
  const firstLabel = host.slice(0, host.indexOf('.'));
  if (
    REFERENCE_SEGMENTS.some((s) => lowerPath.includes(`/${s}/`)) ||
    (host.includes('.') && REFERENCE_HOSTS.has(firstLabel))
  )
    return { weight: -2, reason: 'url: an encyclopedia, documentation, shop or forum path' };
  if (
    lower.includes('blog') ||
    lower.includes('blogs') ||
    host.startsWith('blog.') ||
    host.includes('.blog.') ||
    host.includes('blogspot.') ||
    host.endsWith('wordpress.com') ||
    host.endsWith('.pixnet.net')
  )
    return { weight: -0.5, reason: 'url: a blog' };
  if (segments.length === 0 && !hasDigitRun(query, 6)) return { weight: -2, reason: 'url: a home page' };
  let weight = 0;
  const found: string[] = [];
  if (
    /(^|\/)(19|20)\d\d\/[01]?\d(\/|$)/.test(path) ||
    /(^|[^\d])(19|20)\d\d[-_]?[01]\d[-_]?[0-3]\d([^\d]|$)/.test(path + query)
  ) {
    weight += 1;
    found.push('a dated story path');
  }
  const words = last
    .replace(/\.[a-z]+$/i, '')
    .split(/[-_+]/)
    .filter(hasLetter);
  if (words.length >= 4) {
    weight += 0.5;
    found.push('a story slug');
  }
  if (hasDigitRun(last, 6) || params.some((p) => /^[a-z]+$/.test(p.name) && /^\d{6}/.test(p.value))) {
    weight += 0.5;
    found.push('a story id');
  }
  if (!weight && segments.length === 1 && words.length <= 2) return { weight: -1, reason: 'url: a section page' };
  if (!weight) return null;
  return { weight: Math.min(weight, 1.5), reason: `url: ${found.join(', ')}` };
}

/** What the page declares about itself: structured data, Open Graph, article and news meta. */
function declaredEvidence(doc: Document, url: string | null): Evidence[] {
  const evidence: Evidence[] = [];
  const types = new Set(jsonLdItems(doc).flatMap((i) => i.types));
  const has = (re: RegExp) => [...types].filter((t) => re.test(t));
  const news = has(NEWS_TYPES);
  const article = has(ARTICLE_TYPES);
  if (news.length) evidence.push({ weight: 3, reason: `structured data: a ${news[0]}` });
  else if (has(BLOG_TYPES).length)
    evidence.push({ weight: 0.5, reason: `structured data: a ${has(BLOG_TYPES)[0]} (a post, maybe not news)` });
  else if (has(FORUM_TYPES).length)
    evidence.push({ weight: -2, reason: `structured data: a ${has(FORUM_TYPES)[0]} (forum or social post)` });
  else if (article.length) evidence.push({ weight: 1, reason: `structured data: an ${article[0]}` });
  if (!news.length && !article.length && has(NOT_ARTICLE_TYPES).length)
    evidence.push({ weight: -2, reason: `structured data: a ${has(NOT_ARTICLE_TYPES)[0]}, not an article` });

  const ogType = metaContent(doc, 'meta[property="og:type" i], meta[name="og:type" i]')?.toLowerCase();
  if (ogType === 'article' || ogType === 'news' || ogType === 'newsarticle')
    evidence.push({ weight: 1, reason: `open graph: og:type ${ogType}` });
  else if (ogType && OG_OTHER.test(ogType)) evidence.push({ weight: -1.5, reason: `open graph: og:type ${ogType}` });
  else if (ogType === 'website') evidence.push({ weight: -0.5, reason: 'open graph: og:type website' });

  const meta = new Set<string>();
  for (const m of doc.querySelectorAll('meta[property^="article:" i], meta[name^="article:" i]')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase().slice(8);
    if (/^(published|published_time|section|publisher|author|modified_time|opinion|tag)$/.test(key)) meta.add(key);
  }
  if (meta.size) evidence.push({ weight: 0.5, reason: `meta: article:${[...meta].slice(0, 3).join(', article:')}` });
  if (
    doc.querySelector('meta[name="news_keywords" i], meta[name="syndication-source" i], meta[name="original-source" i]')
  )
    evidence.push({ weight: 1, reason: 'meta: news metadata (news_keywords or syndication source)' });

  const u = urlEvidence(url ?? canonicalOf(doc));
  if (u) evidence.push(u);
  return evidence;
}

function canonicalOf(doc: Document): string | null {
  return (
    doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ??
    metaContent(doc, 'meta[property="og:url" i]') ??
    null
  );
}

/** The shape of the page: one dominant block of running prose, or many teasers, or many posts. */
function domEvidence(doc: Document): Evidence[] {
  const evidence: Evidence[] = [];
  const main = mainContainer(doc);
  const prose = main?.score ?? 0;
  const paragraphs = main?.paragraphs ?? 0;
  const posts = main?.posts ?? 0;
  if (posts)
    evidence.push({ weight: -1.5, reason: `dom: a list of ${posts} short posts or teasers, not one block of prose` });
  else if (prose >= 1500 && paragraphs >= 3)
    evidence.push({ weight: 1.25, reason: `dom: one block of running prose (${paragraphs} paragraphs)` });
  else if (prose >= 600 && paragraphs >= 2)
    evidence.push({ weight: 0.75, reason: `dom: a short block of running prose (${paragraphs} paragraphs)` });
  else if (prose < 500 || paragraphs < 2) evidence.push({ weight: -2, reason: 'dom: no block of running prose' });
  // Code listings make a page documentation or a tutorial; news stories hardly ever carry them.
  const code = main ? main.el.getElementsByTagName('pre').length : 0;
  if (code >= 3) evidence.push({ weight: -1.5, reason: `dom: ${code} code listings (documentation or a tutorial)` });
  // Teaser cards beside the main block: a front page has more of them than the block has paragraphs. A story
  // with a rail of related stories has fewer, and story pages carry such rails: they say nothing either way.
  const cards = doc.getElementsByTagName('article').length;
  const outside = cards - (main ? main.el.getElementsByTagName('article').length : 0);
  if (outside >= 6 && outside >= paragraphs) evidence.push({ weight: -1.5, reason: `dom: ${cards} teaser cards` });
  if (doc.querySelector('[itemprop~="articleBody"]'))
    evidence.push({ weight: 0.5, reason: 'dom: a marked-up article body' });
  const head = main && !posts ? headlineOf(doc, main.el) : null;
  if (head) evidence.push({ weight: 0.25, reason: 'dom: a headline over the prose, as in the page title' });
  if (doc.querySelector('time[datetime], [itemprop~="datePublished"], [class*="dateline" i]'))
    evidence.push({ weight: 0.25, reason: 'dom: a dated element' });
  else if (head && main && dateBy(head, main.el))
    evidence.push({ weight: 0.25, reason: 'dom: a date by the headline' });
  if (doc.querySelector('[rel~="author"], .byline, [itemprop~="author"], meta[name="author" i]'))
    evidence.push({ weight: 0.25, reason: 'dom: a byline' });
  return evidence;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();

/**
 * The story's headline: an `h1` (or an `h2`, when no `h1` is one) that comes before the prose or opens it, and
 * whose words are in the page's title (news pages title themselves "Headline | Outlet", sometimes shortened or
 * reworded a little: three words in four are enough). Null when there is none.
 */
function headlineOf(doc: Document, main: Element): Element | null {
  const title = norm(doc.title ?? '');
  if (!title) return null;
  const titleWords = new Set(title.split(' '));
  // The title holds the headline, or most of its words (titles shorten headlines, or reword them a little).
  const inTitle = (t: string) => {
    if (title.includes(t)) return true;
    const words = t.split(' ');
    return words.length >= 3 && words.filter((w) => titleWords.has(w)).length >= words.length * 0.75;
  };
  for (const tag of ['h1', 'h2']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < hs.length && i < 5; i++) {
      const h = hs[i]!;
      const t = norm(textOf(h, 300));
      if (t.length >= 8 && inTitle(t) && (main.contains(h) || comesAfter(h, main))) return h;
    }
  }
  return null;
}

/**
 * Whether a date is written by the headline: in the first 400 characters of the block around it, looking up to
 * three levels out (a headline's own wrapper, its header, the header's frame), but not into a block that holds
 * the prose as well, unless the headline sits inside the prose's container itself.
 */
function dateBy(head: Element, main: Element): boolean {
  let el = head.parentElement;
  for (let level = 0; el && level < 3; level++, el = el.parentElement) {
    if (DATE.test(textOf(el, 400))) return true;
    if (el.contains(main) || main.contains(el)) break;
  }
  return false;
}

// A date as pages write one: 2026-03-12, 12.03.2026, 2026年3月12日, March 12, 2026, 12 March 2026. The text it is
// looked for in runs blocks together ("HeadlineMarch 12"), so a month name needs no word boundary before it.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  '(?:^|[^\\d])(?:(?:19|20)\\d\\d\\s?[-/.年]\\s?[01]?\\d\\s?[-/.月]\\s?[0-3]?\\d|[0-3]?\\d[./][01]?\\d[./](?:19|20)\\d\\d)' +
    `|${MONTH}\\s+[0-3]?\\d(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d|[0-3]?\\d\\.?\\s+${MONTH}\\s+(?:19|20)\\d\\d`,
  'i',
);

// Block elements whose own text may be a paragraph: prose is set in <div>s, table cells and <br>-split lines too.
const TEXT_BOXES = ['div', 'td', 'section', 'article', 'font'];
// Their children that start a block of their own (text inside these is not the box's own).
const BLOCKISH =
  /^(DIV|P|UL|OL|TABLE|SECTION|ARTICLE|H[1-6]|BLOCKQUOTE|PRE|FORM|NAV|HEADER|FOOTER|ASIDE|FIGURE|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|BUTTON)$/;

/**
 * How many paragraphs of some length the page has (two are enough to go on), counted without building
 * anything: `<p>` elements first, then the own text of `<div>`s and table cells (their text nodes and inline
 * children, not the blocks inside them and not links: a menu is not a paragraph), where a <br><br> break starts
 * a new paragraph.
 */
export function quickParagraphs(doc: Document): number {
  let n = 0;
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length && n < 2; i++) if ((ps[i]!.textContent?.length ?? 0) >= 80) n++;
  for (const tag of TEXT_BOXES) {
    const boxes = doc.getElementsByTagName(tag);
    for (let i = 0; i < boxes.length && n < 2; i++) {
      // The length of the current run of the box's own text, and the <br>s in a row after it.
      let run = 0;
      let breaks = 0;
      for (let c = boxes[i]!.firstChild; c && n < 2; c = c.nextSibling) {
        let ends = false;
        if (c.nodeType === TEXT_NODE) {
          const length = (c as Text).data.trim().length;
          if (length) {
            run += length;
            breaks = 0;
          }
        } else if (c.nodeType !== ELEMENT_NODE) continue;
        else if (tagOf(c) === 'BR') ends = ++breaks >= 2;
        else if (BLOCKISH.test(tagOf(c))) ends = true;
        else if (tagOf(c) !== 'A') {
          run += c.textContent?.length ?? 0;
          breaks = 0;
        }
        if (ends) {
          if (run >= 80) n++;
          run = breaks = 0;
        }
      }
      if (run >= 80) n++;
    }
  }
  return n;
}

/** What the page declares, and a verdict when that settles it without reading the page's prose. */
function firstLook(doc: Document, url: string | null): { evidence: Evidence[]; verdict: Detection | null } {
  const evidence = declaredEvidence(doc, url);
  const declared = total(evidence);
  // The page itself says it is not a story (a product, a listing, a tag page, a blog...): no need to read it.
  if (declared <= -1.5) return { evidence, verdict: decide(evidence, declared) };
  // Nothing declared and hardly a paragraph on the page: a web app, a search page, a form.
  if (declared <= 0 && quickParagraphs(doc) < 2) {
    evidence.push({ weight: -2, reason: 'dom: fewer than two paragraphs' });
    return { evidence, verdict: decide(evidence, total(evidence)) };
  }
  return { evidence, verdict: null };
}

function total(evidence: Evidence[]): number {
  return evidence.reduce((s, e) => s + e.weight, 0);
}

function readProse(doc: Document, evidence: Evidence[]): Detection {
  evidence.push(...domEvidence(doc));
  return decide(evidence, total(evidence));
}

export function detectArticle(doc: Document, url: string | null = null): Detection {
  const look = firstLook(doc, url);
  return look.verdict ?? readProse(doc, look.evidence);
}

/**
 * `detectArticle`, with the walk over a long page's prose in slices and the browser given a turn (`pause`) between
 * them (`walkPageInSlices`): the same verdict, for the page's own content script. The caller holds the page
 * (`holdPage`), so that the walk is kept for detection and extraction. A page whose declarations settle it is
 * not walked at all, as in `detectArticle`.
 */
export async function detectArticleInSlices(
  doc: Document,
  url: string | null,
  pause: () => Promise<void>,
): Promise<Detection> {
  const look = firstLook(doc, url);
  if (look.verdict) return look.verdict;
  await walkPageInSlices(doc, pause);
  return readProse(doc, look.evidence);
}

function decide(evidence: Evidence[], score: number): Detection {
  const confidence = 1 / (1 + Math.exp(-(score - THRESHOLD) * 1.5));
  return {
    isArticle: score >= THRESHOLD,
    confidence: Math.round(confidence * 1000) / 1000,
    reasons: evidence.map((e) => `${e.weight > 0 ? '+' : ''}${e.weight} ${e.reason}`),
  };
}

/**
 * Is this page a news article? Evidence from structured data, meta tags, the URL and the shape of the page's
 * prose, each weighed and named in `reasons`: in the page as ids and values (`Evidence`), put into words where they
 * are shown (utils/detect-reasons.ts, which the content script does not carry). Cheap when the answer is no: what the page declares about itself
 * and its address are read first, and the page's text only when those leave the question open.
 *
 * Each piece of evidence is a named feature; its weight is a row of a small logistic model fitted on labelled
 * pages (utils/detect-weights.ts says which pages and how), and the page is taken for news when the bias and the
 * weights of the evidence found sum to 0 or more. Nothing here depends on the page's language.
 */
import type { Detection, PageDetection } from './types';
import { DETECTION_BIAS, DETECTION_WEIGHTS, type Feature } from './detect-weights';
import { evidenceText, withReasons } from './detect-reasons';
import { jsonLdItems } from './dom/structured';
import { ELEMENT_NODE, TEXT_NODE, comesAfter, metaContent, tagOf, textOf } from './dom/walk';
import { mainContainer, walkPageInSlices } from './extract';

const NEWS_TYPES =
  /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|LiveBlogPosting)$/;
const ARTICLE_TYPES = /^(Article|Report)$/;
const BLOG_TYPES = /^(BlogPosting|Blog)$/;
// Not `Comment`: a story's page marks up its comments too.
const FORUM_TYPES = /^(DiscussionForumPosting|SocialMediaPosting|QAPage|Question)$/;
const NOT_ARTICLE_TYPES =
  /^(Product|ProductGroup|Offer|AggregateOffer|CollectionPage|ItemList|SearchResultsPage|FAQPage|ProfilePage|Recipe|Course|SoftwareApplication|MobileApplication|WebApplication|Book|Movie|TVSeries|MusicAlbum|Event|HowTo|TechArticle|APIReference|ScholarlyArticle|Dataset|JobPosting|RealEstateListing|Hotel|Restaurant|LocalBusiness|Store|VideoGame)$/;
// Open Graph types that are something other than a web page or an article.
const OG_OTHER = /^(product|book|profile|music\.|video\.|place|business\.|restaurant\.|game|books\.|fitness\.)/;

/** Evidence of the page itself (not the reader's settings): a feature, a row of the weight table. */
type PageEvidence = [feature: Feature, ...values: (string | number)[]];

/** How the page came to be read. */
export interface DetectOptions {
  /**
   * The page changed its address and content without loading (a single-page app's navigation): its title and
   * the meta tags that name another address may be left from the page before, and are not taken at their word.
   */
  navigated?: boolean;
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
// Paths and host names of reference and shop pages, by what they are (the kind is told to the reader).
const REFERENCE_SEGMENTS: [Feature, string[]][] = [
  ['url_wiki', ['wiki', 'encyclopedia']],
  ['url_docs', 'doc docs documentation manual reference api guide tutorial tutorials'.split(' ')],
  ['url_shop', 'product products shop store item dp'.split(' ')],
  // Mailing-list archives (Mailman's pipermail, MHonArc's) are read as forums: many messages by many hands.
  ['url_forum', 'forum forums thread threads questions showthread viewtopic pipermail mailman mhonarc'.split(' ')],
  ['url_press', 'press pressreleases press-releases press-release newsroom media-releases'.split(' ')],
];
const REFERENCE_HOSTS: Record<string, Feature> = {
  docs: 'url_docs',
  developer: 'url_docs',
  developers: 'url_docs',
  wiki: 'url_wiki',
  shop: 'url_shop',
  store: 'url_shop',
  forum: 'url_forum',
  forums: 'url_forum',
  community: 'url_forum',
  lists: 'url_forum',
  support: 'url_docs',
};

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
export function urlFeatures(url: string | null): PageEvidence[] {
  if (!url) return [];
  const u = pathOf(url);
  if (!u || u.host === 'unknown.invalid') return [];
  const { host, path, query } = u;
  const segments = path.split('/').filter(Boolean);
  const lower = segments.map((s) => s.toLowerCase());
  const last = segments.at(-1) ?? '';
  if (
    lower.some((s) => LISTING_SEGMENTS.has(s)) &&
    // A story under a tag or section path still has a long id or a slug of several words at the end.
    !(hasDigitRun(last, 4) || last.split(/[-_]/).length > 3)
  )
    return [['url_listing']];
  const params = parameters(query);
  if (segments.length <= 1 && params.some((p) => SEARCH_PARAMS.has(p.name))) return [['url_search']];
  const firstLabel = host.slice(0, host.indexOf('.'));
  for (const [feature, words] of REFERENCE_SEGMENTS)
    if (lower.some((s, i) => words.includes(s) && (i < lower.length - 1 || path.endsWith('/'))))
      return [[feature, 'path']];
  const byHost = host.includes('.') ? REFERENCE_HOSTS[firstLabel] : undefined;
  if (byHost) return [[byHost, 'host']];
  if (
    lower.includes('blog') ||
    lower.includes('blogs') ||
    host.startsWith('blog.') ||
    host.includes('.blog.') ||
    host.endsWith('.blog') ||
    host.includes('blogspot.') ||
    host.endsWith('wordpress.com') ||
    host.endsWith('.pixnet.net')
  )
    return [['url_blog']];
  if (segments.length === 0 && !hasDigitRun(query, 6)) return [['url_home']];
  const found: PageEvidence[] = [];
  if (
    /(^|\/)(19|20)\d\d\/[01]?\d(\/|$)/.test(path) ||
    /(^|[^\d])(19|20)\d\d[-_]?[01]\d[-_]?[0-3]\d([^\d]|$)/.test(path + query)
  )
    found.push(['url_dated']);
  const words = last
    .replace(/\.[a-z]+$/i, '')
    .split(/[-_+]/)
    .filter(hasLetter);
  if (words.length >= 4) found.push(['url_slug']);
  if (hasDigitRun(last, 6) || params.some((p) => /^[a-z]+$/.test(p.name) && /^\d{6}/.test(p.value)))
    found.push(['url_id']);
  if (!found.length && segments.length === 1 && words.length <= 2) return [['url_section']];
  return found;
}

/** The URL's evidence as one line: its summed weight and its reasons (for tests and the CLI's report). */
export function urlEvidence(url: string | null): { weight: number; reason: string } | null {
  const found = urlFeatures(url);
  if (!found.length) return null;
  return {
    weight: total(found),
    reason: `url: ${found.map((e) => evidenceText(e).slice(5)).join(', ')}`,
  };
}

/** What the page declares about itself: structured data, Open Graph, article and news meta. */
function declaredEvidence(doc: Document, url: string | null, options: DetectOptions = {}): PageEvidence[] {
  const evidence: PageEvidence[] = [];
  const canonical = canonicalOf(doc);
  // After a navigation in the page, meta tags that name another address are the page before's: not read.
  const stale = !!options.navigated && !!url && !!canonical && pathOf(canonical)?.path !== pathOf(url)?.path;
  const types = new Set(jsonLdItems(doc).flatMap((i) => i.types));
  const has = (re: RegExp) => [...types].filter((t) => re.test(t));
  const news = has(NEWS_TYPES);
  const article = has(ARTICLE_TYPES);
  if (news.length) {
    evidence.push(['ld_news', news[0]!]);
    if (jsonLdItems(doc).some((i) => i.types.some((t) => NEWS_TYPES.test(t)) && byNewsroom(i.data)))
      evidence.push(['ld_news_org']);
  } else if (has(BLOG_TYPES).length) evidence.push(['ld_blog', has(BLOG_TYPES)[0]!]);
  else if (has(FORUM_TYPES).length) evidence.push(['ld_forum', has(FORUM_TYPES)[0]!]);
  else if (article.length) evidence.push(['ld_article', article[0]!]);
  if (!news.length && !article.length && has(NOT_ARTICLE_TYPES).length)
    evidence.push(['ld_other', has(NOT_ARTICLE_TYPES)[0]!]);

  // What the site is (a newsroom's, a blog's) holds for every page of it, a navigation's included.
  const site = [...siteEvidence(doc), ...siteMarks(doc)];
  if (stale) {
    evidence.push(...site, ...urlFeatures(url));
    return evidence;
  }
  const ogType = metaContent(doc, 'meta[property="og:type" i], meta[name="og:type" i]')?.toLowerCase();
  if (ogType === 'article' || ogType === 'news' || ogType === 'newsarticle') evidence.push(['og_article', ogType]);
  else if (ogType && OG_OTHER.test(ogType)) evidence.push(['og_other', ogType]);
  else if (ogType === 'website') evidence.push(['og_website']);

  const meta = new Set<string>();
  for (const m of doc.querySelectorAll('meta[property^="article:" i], meta[name^="article:" i]')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase().slice(8);
    if (/^(published|published_time|section|publisher|author|modified_time|opinion|tag)$/.test(key)) meta.add(key);
  }
  if (meta.size) evidence.push(['meta_article', ...[...meta].slice(0, 3)]);
  if (
    doc.querySelector('meta[name="news_keywords" i], meta[name="syndication-source" i], meta[name="original-source" i]')
  )
    evidence.push(['meta_news']);
  evidence.push(...site);
  evidence.push(...urlFeatures(url ?? canonical));
  return evidence;
}

/** Whether a story's structured data names a news organisation as its publisher. */
function byNewsroom(data: Record<string, unknown>): boolean {
  const publisher = data.publisher;
  const types = (Array.isArray(publisher) ? publisher : [publisher]).flatMap((p) =>
    p && typeof p === 'object' ? [(p as Record<string, unknown>)['@type']].flat() : [],
  );
  return types.some((t) => t === 'NewsMediaOrganization');
}

// Generators of blog engines and site builders for one person's site. Not content systems newsrooms run on too
// (Drupal, Joomla, Arc): those say nothing either way.
const BLOG_ENGINE =
  /^(wordpress|blogger|ghost|jekyll|hugo|hexo|gatsby|typepad|movable ?type|tumblr|squarespace|wix|jimdo|weebly|pelican|eleventy|textpattern|serendipity|dotclear|b2evolution|write\.as|micro\.blog)\b/i;

/**
 * What the page's head says about the site it is on, in one pass over its meta and link tags: a version for
 * Google's AMP cache and Facebook's Instant Articles (`fb:pages`), which publishers of news keep; a generator
 * that is a blog engine; a site name that says "blog".
 */
function siteEvidence(doc: Document): PageEvidence[] {
  const found: PageEvidence[] = [];
  let amp = false;
  let fbPages = false;
  let engine = '';
  let blogName = '';
  for (const el of doc.querySelectorAll(
    'link[rel~="amphtml" i], meta[property="fb:pages" i], meta[name="generator" i], meta[property="og:site_name" i]',
  )) {
    if (tagOf(el) === 'LINK') amp = true;
    else {
      const content = el.getAttribute('content')?.trim() ?? '';
      const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
      if (key === 'fb:pages' && content) fbPages = true;
      else if (key === 'generator' && !engine) engine = BLOG_ENGINE.exec(content)?.[0] ?? '';
      else if (key === 'og:site_name' && /blog/i.test(content)) blogName = content.slice(0, 40);
    }
  }
  if (amp) found.push(['meta_amp']);
  if (fbPages) found.push(['meta_fb_pages']);
  if (engine) found.push(['meta_blog_engine', engine]);
  if (blogName) found.push(['meta_blog_site', blogName]);
  return found;
}

function canonicalOf(doc: Document): string | null {
  return (
    doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ??
    metaContent(doc, 'meta[property="og:url" i]') ??
    null
  );
}

/** The shape of the page: one dominant block of running prose, or many teasers, or many posts. */
function domEvidence(doc: Document, options: DetectOptions = {}): PageEvidence[] {
  const evidence: PageEvidence[] = [];
  const main = mainContainer(doc);
  const prose = main?.score ?? 0;
  const paragraphs = main?.paragraphs ?? 0;
  const posts = main?.posts ?? 0;
  if (posts) evidence.push(['dom_posts', posts]);
  else if (prose >= 1500 && paragraphs >= 3) evidence.push(['dom_prose', paragraphs]);
  else if (prose >= 600 && paragraphs >= 2) evidence.push(['dom_prose_short', paragraphs]);
  else if (prose < 500 || paragraphs < 2) evidence.push(['dom_no_prose']);
  if (main && !posts && paragraphs >= 50) evidence.push(['dom_prose_long', paragraphs]);
  // Code listings make a page documentation or a tutorial; news stories hardly ever carry them.
  const code = main ? main.el.getElementsByTagName('pre').length : 0;
  if (code >= 3) evidence.push(['dom_code', code]);
  if (main && !posts) {
    // A text in many sections, or one whose prose is much linked, is a reference or a guide more often than news.
    const headings = main.el.querySelectorAll('h2, h3').length;
    if (headings >= 4 && headings * 3 >= paragraphs) evidence.push(['dom_sections', headings, paragraphs]);
    if ((main.linkShare ?? 0) >= 0.12) evidence.push(['dom_linked', main.linkShare!]);
  }
  // Teaser cards beside the main block: a front page has more of them than the block has paragraphs. A story
  // with a rail of related stories has fewer, and story pages carry such rails: they say nothing either way.
  const cards = doc.getElementsByTagName('article').length;
  const outside = cards - (main ? main.el.getElementsByTagName('article').length : 0);
  const story = prose >= 1500 && paragraphs >= 3 && !posts;
  if (outside >= 6 && outside >= (story ? 2 * paragraphs : paragraphs)) evidence.push(['dom_cards', cards]);
  if (doc.querySelector('[itemprop~="articleBody"]')) evidence.push(['dom_article_body']);
  const head = main && !posts ? headlineOf(doc, main.el, !!options.navigated) : null;
  // After a navigation in the page the title was not compared: the reason says so.
  if (head) evidence.push(options.navigated ? ['dom_headline', 1] : ['dom_headline']);
  if (doc.querySelector('time[datetime], [itemprop~="datePublished"], [class*="dateline" i]'))
    evidence.push(['dom_dated']);
  else if (head && main && dateBy(head, main.el)) evidence.push(['dom_date_by_headline']);
  if (doc.querySelector('[rel~="author"], .byline, [itemprop~="author"], meta[name="author" i]'))
    evidence.push(['dom_byline']);
  // A price marked as one: a shop's page, whatever its description reads like.
  if (doc.querySelector('[itemprop~="price" i], [class*="price" i]')) evidence.push(['dom_price']);
  const dateline = main && !posts ? datelineOf(main.el) : null;
  if (dateline) evidence.push(['dom_dateline', dateline]);
  const stories = storyLinks(doc);
  if (stories >= 10) evidence.push(['dom_story_links', stories]);
  // Controls for choosing and buying (a size, a quantity), many of them: a shop or a form, not a story.
  const controls = doc.querySelectorAll('select, input:not([type="hidden" i]):not([type="search" i])').length;
  if (controls >= 6) evidence.push(['dom_controls', controls]);
  return evidence;
}

// Marks a site leaves in the page, looked for in one pass: a blog's own comment form and reply links (WordPress,
// Blogger and their like; news sites run their comments through a service of their own), a blog's sidebar (its
// archive by month, a tag cloud, a calendar, the latest comments), and the recommendation and audience tools sold
// to publishers (Outbrain and Taboola rails, Parse.ly and Sailthru tags, Chartbeat).
const BLOG_COMMENTS = '#respond, #commentform, .comment-respond, .comment-reply-link, .bypostauthor, #comment-editor';
const BLOG_SIDEBAR =
  '.widget_archive, .widget_calendar, .widget_recent_comments, .widget_categories, .widget_tag_cloud, .tagcloud, .BlogArchive, .blogroll';
const NEWSROOM_TOOLS =
  '[id*="outbrain" i], [class*="outbrain" i], [id*="taboola" i], [class*="taboola" i], meta[name^="parsely" i], meta[name^="sailthru" i], script[src*="chartbeat" i]';

function siteMarks(doc: Document): PageEvidence[] {
  let comments = false;
  let sidebar = false;
  let tool = '';
  for (const el of doc.querySelectorAll(`${BLOG_COMMENTS}, ${BLOG_SIDEBAR}, ${NEWSROOM_TOOLS}`)) {
    if (!comments && el.matches(BLOG_COMMENTS)) comments = true;
    else if (!sidebar && el.matches(BLOG_SIDEBAR)) sidebar = true;
    else if (!tool && el.matches(NEWSROOM_TOOLS))
      tool = /outbrain|taboola|parsely|sailthru|chartbeat/i.exec(
        `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('name') ?? ''} ${el.getAttribute('src') ?? ''}`,
      )![0];
    if (comments && sidebar && tool) break;
  }
  const found: PageEvidence[] = [];
  if (comments) found.push(['site_blog_comments']);
  if (sidebar) found.push(['site_blog_sidebar']);
  if (tool) found.push(['site_newsroom_tools', tool]);
  return found;
}

/**
 * The dateline a report opens with, when its first paragraph has one: a place in capitals, a news agency in
 * brackets, or both, then a dash ("WASHINGTON —", "NEW ORLEANS -", "HANOI, Vietnam (AP) —", "Berlin (dpa) -",
 * "دمشق، سوريا (CNN) --"). Null when there is none.
 */
function datelineOf(main: Element): string | null {
  const ps = main.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 4; i++) {
    const text = textOf(ps[i]!, 120).replace(/\s+/g, ' ').trim();
    if (text.length < 40) continue;
    return DATELINE.exec(text)?.[0].trim() ?? null;
  }
  return null;
}

const DATELINE =
  /^(?:\p{Lu}[\p{Lu}\p{M}'’.-]+(?:,? \p{Lu}[\p{L}\p{M}'’.-]*){0,3}(?: ?\([^()]{2,25}\))?|(?:[^\s()]+,? ){0,3}\([^()]{2,25}\)) ?(?:—|–|--?) /u;

/**
 * How many links of the page lead to other pages of the same site whose address is a story's: a dated path or a
 * long number, the way news sites address their stories. A news site's page links to many of them; a personal
 * site, a shop or documentation hardly ever. Counted up to 30.
 */
function storyLinks(doc: Document): number {
  const links = doc.getElementsByTagName('a');
  const seen = new Set<string>();
  for (let i = 0; i < links.length && seen.size < 30; i++) {
    const href = links[i]!.getAttribute('href');
    if (!href || href.length < 12 || href.startsWith('#') || seen.has(href)) continue;
    // Paths only, or addresses on the page's own host: a link elsewhere says nothing about this site.
    if (/^[a-z]+:/i.test(href) && !sameSite(href, doc)) continue;
    if (STORY_PATH.test(href)) seen.add(href);
  }
  return seen.size;
}

const STORY_PATH = /\/(19|20)\d\d\/[01]?\d\/|\/(19|20)\d\d[-_]?[01]\d[-_]?[0-3]\d[^\d]|[-_/]\d{6,}(\.html?|\/)?$/;

function sameSite(href: string, doc: Document): boolean {
  const host = doc.location?.hostname || pathOf(canonicalOf(doc) ?? '')?.host;
  if (!host || host === 'unknown.invalid') return true;
  const site = host.replace(/^www\./, '');
  return href.includes(`//${site}/`) || href.includes(`.${site}/`) || href.includes(`//www.${site}/`);
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
function headlineOf(doc: Document, main: Element, anyTitle = false): Element | null {
  const title = norm(doc.title ?? '');
  if (anyTitle) {
    // After a navigation in the page the title may be the page before's: the headline is the story's own h1.
    const h = main.closest('article')?.querySelector('h1') ?? main.querySelector('h1');
    if (h && norm(textOf(h, 300)).length >= 8 && (main.contains(h) || comesAfter(h, main))) return h;
  }
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
    // 400 characters of text, white space collapsed (indented markup can spend the limit on white space alone).
    if (DATE.test(textOf(el, 2000).slice(0, 400))) return true;
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
function firstLook(
  doc: Document,
  url: string | null,
  options: DetectOptions,
): { evidence: PageEvidence[]; verdict: PageDetection | null } {
  const evidence = declaredEvidence(doc, url, options);
  const declared = DETECTION_BIAS + total(evidence);
  // What the page declares outweighs all that its prose could add (a product, a listing, a tag page...): no need
  // to read it. The bound is exact: the verdict is the one reading the page would give.
  if (declared + MAX_DOM < 0) return { evidence, verdict: decide(evidence) };
  // Hardly a paragraph on the page: a web app, a search page, a form.
  if (quickParagraphs(doc) < 2) {
    evidence.push(['dom_few_paragraphs']);
    return { evidence, verdict: decide(evidence) };
  }
  return { evidence, verdict: null };
}

/**
 * The most that the page's prose can add to the score: every positive DOM weight, counting once the features of
 * which a page has one at most (one kind of prose block; a dated element or, only without one, a date by the
 * headline).
 */
const EXCLUSIVE: Feature[][] = [
  ['dom_posts', 'dom_prose', 'dom_prose_short', 'dom_no_prose'],
  ['dom_dated', 'dom_date_by_headline'],
];
// The DOM features are read off the weight table's rows rather than `DOM_FEATURES`, so that the content script
// does not carry the list of feature names a second time.
const MAX_DOM =
  (Object.keys(DETECTION_WEIGHTS) as Feature[])
    .filter((f) => f.startsWith('dom_') && !EXCLUSIVE.flat().includes(f))
    .reduce((s, f) => s + Math.max(0, DETECTION_WEIGHTS[f]), 0) +
  EXCLUSIVE.reduce((s, group) => s + Math.max(0, ...group.map((f) => DETECTION_WEIGHTS[f])), 0);

function total(evidence: PageEvidence[]): number {
  return evidence.reduce((s, [feature]) => s + DETECTION_WEIGHTS[feature], 0);
}

function readProse(doc: Document, evidence: PageEvidence[], options: DetectOptions): PageDetection {
  evidence.push(...domEvidence(doc, options));
  return decide(evidence);
}

/** Whether the page is a news article, how sure, what it is read as and why, in words (the CLI's and tests' path). */
export function detectArticle(doc: Document, url: string | null = null, options: DetectOptions = {}): Detection {
  const look = firstLook(doc, url, options);
  return withReasons(look.verdict ?? readProse(doc, look.evidence, options));
}

/**
 * Every feature of a page, read whatever the declared ones say (no early verdict): the rows the weights are
 * fitted on (scripts/eval-articles.ts writes them, scripts/fit-detect-weights.py fits them).
 */
export function detectionFeatures(doc: Document, url: string | null = null): Feature[] {
  const evidence = declaredEvidence(doc, url);
  if (quickParagraphs(doc) < 2) evidence.push(['dom_few_paragraphs']);
  else evidence.push(...domEvidence(doc));
  return evidence.map(([feature]) => feature);
}

/**
 * `detectArticle`, with the walk over a long page's prose in slices and the browser given a turn (`pause`) between
 * them (`walkPageInSlices`): the same verdict, for the page's own content script, which reports the evidence as
 * ids and values (`withReasons` puts them into words). The caller holds the page (`holdPage`), so that the walk is
 * kept for detection and extraction. A page whose declarations settle it is not walked at all, as in
 * `detectArticle`.
 */
export async function detectArticleInSlices(
  doc: Document,
  url: string | null,
  pause: () => Promise<void>,
  options: DetectOptions = {},
): Promise<PageDetection> {
  const look = firstLook(doc, url, options);
  if (look.verdict) return look.verdict;
  await walkPageInSlices(doc, pause);
  return readProse(doc, look.evidence, options);
}

function decide(evidence: PageEvidence[]): PageDetection {
  const score = DETECTION_BIAS + total(evidence);
  const confidence = 1 / (1 + Math.exp(-score));
  return { isArticle: score >= 0, confidence: Math.round(confidence * 1000) / 1000, evidence };
}

/**
 * Detection's evidence in words: the reasons the popup and `gloss analyze` show ("+1.05 dom: one block of running
 * prose (12 paragraphs)") and what kind of page it is read as. The content script reports its evidence as ids and
 * values (`Evidence`, utils/types.ts) and never imports this module: the texts are made where they are shown (the
 * background for the popup, the pipeline for the command line), from this one table.
 */
import type { Detection, Evidence, EvidenceId, PageDetection, PageKind } from './types';
import { DETECTION_WEIGHTS, type Feature } from './detect-weights';

type Values = (string | number)[];

// The kinds of address that `url_*` features name, before "path" or "host".
const REFERENCE_NAMES = {
  url_wiki: 'an encyclopedia',
  url_docs: 'a documentation',
  url_shop: 'a shop',
  url_forum: 'a forum or mailing-list',
  url_press: 'a press release',
};

/** A reference or shop address: its values are where it was seen, `path` or `host`. */
const reference =
  (feature: keyof typeof REFERENCE_NAMES) =>
  ([where]: Values) =>
    `url: ${REFERENCE_NAMES[feature]} ${where}`;

/** The text of each piece of evidence, from the values the page reported with it. */
export const EVIDENCE_TEXTS: Record<EvidenceId, (values: Values) => string> = {
  // What the page declares: structured data (the schema.org type found), Open Graph, meta tags.
  ld_news: ([type]) => `structured data: a ${type}`,
  ld_news_org: () => 'structured data: published by a NewsMediaOrganization',
  ld_blog: ([type]) => `structured data: a ${type} (a post, maybe not news)`,
  ld_forum: ([type]) => `structured data: a ${type} (forum or social post)`,
  ld_article: ([type]) => `structured data: an ${type}`,
  ld_other: ([type]) => `structured data: a ${type}, not an article`,
  og_article: ([type]) => `open graph: og:type ${type}`,
  og_other: ([type]) => `open graph: og:type ${type}`,
  og_website: () => 'open graph: og:type website',
  // The values are the first three `article:` keys found, without their prefix.
  meta_article: (keys) => `meta: article:${keys.join(', article:')}`,
  meta_news: () => 'meta: news metadata (news_keywords or syndication source)',
  meta_amp: () => 'meta: an AMP version of the page, as news publishers keep',
  meta_fb_pages: () => "meta: fb:pages (a publisher's Instant Articles)",
  meta_blog_engine: ([engine]) => `meta: made with ${engine}, a blog engine`,
  meta_blog_site: ([name]) => `meta: the site calls itself a blog ("${name}")`,
  site_blog_comments: () => "site: a blog's own comment form",
  site_blog_sidebar: () => "site: a blog's sidebar (archive, tag cloud, calendar)",
  site_newsroom_tools: ([tool]) =>
    `site: a publisher's recommendation or audience tool (${String(tool).toLowerCase()})`,
  // The address.
  url_listing: () => 'url: a tag, section, search or author page',
  url_search: () => 'url: a search page',
  url_wiki: reference('url_wiki'),
  url_docs: reference('url_docs'),
  url_shop: reference('url_shop'),
  url_forum: reference('url_forum'),
  url_press: reference('url_press'),
  url_blog: () => 'url: a blog',
  url_home: () => 'url: a home page',
  url_section: () => 'url: a section page',
  url_dated: () => 'url: a dated story path',
  url_slug: () => 'url: a story slug',
  url_id: () => 'url: a story id',
  // The page's prose and markup.
  dom_few_paragraphs: () => 'dom: fewer than two paragraphs',
  dom_posts: ([posts]) => `dom: a list of ${posts} short posts or teasers, not one block of prose`,
  dom_prose: ([paragraphs]) => `dom: one block of running prose (${paragraphs} paragraphs)`,
  dom_prose_short: ([paragraphs]) => `dom: a short block of running prose (${paragraphs} paragraphs)`,
  dom_no_prose: () => 'dom: no block of running prose',
  dom_prose_long: ([paragraphs]) => `dom: a long text (${paragraphs} paragraphs, more than most stories)`,
  dom_code: ([listings]) => `dom: ${listings} code listings (documentation or a tutorial)`,
  dom_sections: ([headings, paragraphs]) => `dom: ${headings} subheadings over ${paragraphs} paragraphs`,
  // The value is the share of the prose's characters in links, 0 to 1.
  dom_linked: ([share]) => `dom: ${Math.round(Number(share) * 100)}% of the prose is links`,
  dom_cards: ([cards]) => `dom: ${cards} teaser cards`,
  dom_article_body: () => 'dom: a marked-up article body',
  // A value of 1: found after a navigation in the page, where the title was not compared.
  dom_headline: ([navigated]) =>
    navigated
      ? 'dom: a headline over the prose (the title, maybe left from the page before, not compared)'
      : 'dom: a headline over the prose, as in the page title',
  dom_dated: () => 'dom: a dated element',
  dom_date_by_headline: () => 'dom: a date by the headline',
  dom_byline: () => 'dom: a byline',
  dom_price: () => 'dom: a price',
  dom_dateline: ([dateline]) => `dom: a dateline ("${dateline}")`,
  dom_story_links: ([links]) => `dom: links to ${links} other stories (dated or numbered)`,
  dom_controls: ([controls]) => `dom: ${controls} form controls`,
  // The reader's settings.
  settings_always_on: () => 'settings: always on for this site',
};

/** The weight of a piece of evidence: its row of the weight table, or none for what the reader's settings add. */
export function weightOf(id: EvidenceId): number | undefined {
  return id === 'settings_always_on' ? undefined : DETECTION_WEIGHTS[id];
}

/** What a piece of evidence says, without its weight ("dom: a byline"). */
export function evidenceText([id, ...values]: Evidence): string {
  // An id this build does not know (a content script left from an older version) is shown as it is.
  return EVIDENCE_TEXTS[id]?.(values) ?? id;
}

/** A reason as the popup and the command line show it: the weight, then the text ("+0.56 dom: a byline"). */
export function reasonOf(evidence: Evidence): string {
  const weight = weightOf(evidence[0]);
  if (weight === undefined) return evidenceText(evidence);
  return `${weight > 0 ? '+' : ''}${Math.round(weight * 100) / 100} ${evidenceText(evidence)}`;
}

const KIND_OF: Partial<Record<Feature, PageKind>> = {
  ld_blog: 'blog',
  url_blog: 'blog',
  meta_blog_site: 'blog',
  site_blog_comments: 'blog',
  site_blog_sidebar: 'blog',
  url_wiki: 'encyclopedia',
  url_docs: 'documentation',
  dom_code: 'documentation',
  ld_forum: 'forum',
  url_forum: 'forum',
  dom_posts: 'forum',
  url_shop: 'shop',
  url_press: 'text',
  ld_other: 'page',
  og_other: 'page',
  url_listing: 'page',
  url_search: 'page',
  url_home: 'page',
  url_section: 'page',
  dom_cards: 'page',
  dom_no_prose: 'page',
  dom_few_paragraphs: 'page',
  dom_controls: 'page',
  dom_price: 'shop',
};

const kindOfId = (id: EvidenceId) => (id === 'settings_always_on' ? undefined : KIND_OF[id]);

/**
 * What kind of page it is read as, for the reader: news, or what else it looks like (a blog post, documentation,
 * an encyclopedia entry, a forum, a shop, a page of another kind) or a single text that is not news.
 */
export function kindOf(evidence: Evidence[], isArticle: boolean): PageKind {
  if (isArticle) return 'news';
  // What the page's address says comes first, then any other kind named, then a page of another kind.
  for (const [id] of evidence) {
    const k = id.startsWith('url_') ? kindOfId(id) : undefined;
    if (k) return k;
  }
  for (const [id] of evidence) {
    const k = kindOfId(id);
    if (k && k !== 'page') return k;
  }
  if (evidence.some(([id]) => kindOfId(id) === 'page')) return 'page';
  return 'text';
}

/**
 * Detection as the popup and the command line show it: the page's verdict, the kind of page, and its evidence in
 * words. Where the reader's "always on" made the page read, the kind is still what detection read the page as.
 */
export function withReasons(detection: PageDetection): Detection {
  const { isArticle, confidence, evidence } = detection;
  const alwaysOn = evidence.some(([id]) => id === 'settings_always_on');
  return {
    isArticle,
    confidence,
    kind: kindOf(evidence, isArticle && !alwaysOn),
    reasons: evidence.map(reasonOf),
  };
}

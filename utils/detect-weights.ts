/**
 * The weights of article detection (utils/detect.ts): one row per named feature, summed with the bias; a page
 * is taken for a news article when the sum is 0 or more, and the sum's logistic is the confidence.
 *
 * Fitted by scripts/fit-detect-weights.py (a logistic regression with the earlier hand weights as its prior)
 * on the 152 tune-split pages of readability-pages, zyte-articles and pages-more/detect, listed with
 * their labels in sha256 3e76ae0e3c9d8b39 (first 16 hex digits of the sorted "id<TAB>label" lines).
 * sigma 1.0, bias moved by 0.25; out-of-fold on the tune pages: news 86/89, not-article read as news 3/38, other-article 8/25.
 * Do not edit by hand: fit again.
 */
export const FEATURES = [
  'ld_news',
  'ld_blog',
  'ld_forum',
  'ld_article',
  'ld_other',
  'og_article',
  'og_other',
  'og_website',
  'meta_article',
  'meta_news',
  'url_listing',
  'url_search',
  'url_wiki',
  'url_docs',
  'url_shop',
  'url_forum',
  'url_blog',
  'url_home',
  'url_section',
  'url_dated',
  'url_slug',
  'url_id',
  'dom_few_paragraphs',
  'dom_posts',
  'dom_prose',
  'dom_prose_short',
  'dom_no_prose',
  'dom_prose_long',
  'dom_code',
  'dom_sections',
  'dom_linked',
  'dom_cards',
  'dom_article_body',
  'dom_headline',
  'dom_dated',
  'dom_date_by_headline',
  'dom_byline',
  'dom_controls',
  'dom_story_links',
  'dom_price',
] as const;

export type Feature = (typeof FEATURES)[number];

/** The features read from the page's text and markup rather than from what it declares. */
export const DOM_FEATURES = FEATURES.filter((f) => f.startsWith('dom_'));

export const DETECTION_BIAS = -1.89;

export const DETECTION_WEIGHTS: Record<Feature, number> = {
  ld_news: 4.58,
  ld_blog: -0.17,
  ld_forum: -2.87,
  ld_article: 0.72,
  ld_other: -3.03,
  og_article: 1.79,
  og_other: -2.25,
  og_website: -1.09,
  meta_article: -0.04,
  meta_news: 1.7,
  url_listing: -3.05,
  url_search: -3.0,
  url_wiki: -3.02,
  url_docs: -3.0,
  url_shop: -3.0,
  url_forum: -3.0,
  url_blog: -1.56,
  url_home: -3.07,
  url_section: -2.12,
  url_dated: 0.08,
  url_slug: -0.25,
  url_id: 1.34,
  dom_few_paragraphs: -2.54,
  dom_posts: -2.32,
  dom_prose: 1.27,
  dom_prose_short: 0.85,
  dom_no_prose: -2.4,
  dom_prose_long: -0.95,
  dom_code: -3.16,
  dom_sections: -0.2,
  dom_linked: -0.3,
  dom_cards: -0.96,
  dom_article_body: 0.5,
  dom_headline: 0.92,
  dom_dated: 1.23,
  dom_date_by_headline: 1.39,
  dom_byline: 0.42,
  dom_controls: 0.13,
  dom_story_links: 0.88,
  dom_price: -1.21,
};

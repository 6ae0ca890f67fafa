/**
 * The weights of article detection (utils/detect.ts): one row per named feature, summed with the bias; a page
 * is taken for a news article when the sum is 0 or more, and the sum's logistic is the confidence.
 *
 * Fitted by scripts/fit-detect-weights.py (a logistic regression with the earlier hand weights as its prior)
 * on the 117 tune-split pages of readability-pages and pages-more/detect, listed with
 * their labels in sha256 dcd3e5a4edd50afe (first 16 hex digits of the sorted "id<TAB>label" lines).
 * sigma 1.0, bias moved by 0.25; out-of-fold on the tune pages: news 52/54, not-article read as news 1/38, other-article 9/25.
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
  'url_press',
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

export const DETECTION_BIAS = -2.47;

export const DETECTION_WEIGHTS: Record<Feature, number> = {
  ld_news: 4.55,
  ld_blog: -2.2,
  ld_forum: -3.13,
  ld_article: 0.84,
  ld_other: -3.06,
  og_article: 1.28,
  og_other: -2.25,
  og_website: -1.03,
  meta_article: 0.1,
  meta_news: 1.75,
  url_listing: -3.03,
  url_search: -3.0,
  url_wiki: -3.02,
  url_docs: -3.0,
  url_shop: -3.0,
  url_forum: -3.0,
  url_press: -2.25,
  url_blog: -1.71,
  url_home: -3.1,
  url_section: -1.99,
  url_dated: 0.4,
  url_slug: -0.32,
  url_id: 1.37,
  dom_few_paragraphs: -2.5,
  dom_posts: -2.28,
  dom_prose: 1.28,
  dom_prose_short: 0.98,
  dom_no_prose: -3.19,
  dom_prose_long: -1.4,
  dom_code: -2.71,
  dom_sections: -0.17,
  dom_linked: -0.08,
  dom_cards: -1.16,
  dom_article_body: 0.37,
  dom_headline: 1.08,
  dom_dated: 1.11,
  dom_date_by_headline: 0.82,
  dom_byline: 0.35,
  dom_controls: 0.31,
  dom_story_links: 0.89,
  dom_price: -1.17,
};

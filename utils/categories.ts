/** Finding categories: stable ids that highlights, the CLI's JSON and the dataset all use. */
export const CATEGORIES = [
  'loaded-language',
  'labeling',
  'scare-quotes',
  'doubt',
  'vague-attribution',
  'unsupported-certainty',
  'exaggeration',
  'fear-appeal',
  'speculation',
  'unsupported-claim',
  'claim-context',
  'term-context',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Categories that judge the writer's phrasing, as opposed to pointing at a context note. */
// Pure: a bundle that does not use the list (the content script) leaves the call out.
export const PHRASING_CATEGORIES: readonly Category[] = /* @__PURE__ */ CATEGORIES.filter(
  (c) => c !== 'claim-context' && c !== 'term-context',
);

export const CATEGORY_LABELS: Record<Category, string> = {
  'loaded-language': 'Loaded language',
  labeling: 'Labelling',
  'scare-quotes': 'Scare quotes',
  doubt: 'Doubt-casting',
  'vague-attribution': 'Vague attribution',
  'unsupported-certainty': 'Certainty without evidence',
  exaggeration: 'Exaggeration',
  'fear-appeal': 'Appeal to fear',
  speculation: 'Speculation as fact',
  'unsupported-claim': 'Unsupported claim',
  'claim-context': 'Claim with context',
  'term-context': 'Term with context',
};

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** The highlight name registered with the CSS Custom Highlight API for a category. */
export function highlightName(category: Category): string {
  return `gloss-${category}`;
}

/**
 * Serves the dataset to the bundles as virtual modules, validated when the build starts:
 * `virtual:gloss/rules` (small, for the content script), `virtual:gloss/notes` (the note index, for the
 * background and the CLI) and `virtual:gloss/ratings` (the published outlet ratings, for the background and the
 * CLI only: about 440 KB that no page and no settings page loads). A broken entry stops the build with its file,
 * entry and field.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadDataset } from './load';

const RULES = 'virtual:gloss/rules';
const NOTES = 'virtual:gloss/notes';
const RATINGS = 'virtual:gloss/ratings';

export function glossDataset(root = resolve(import.meta.dirname ?? '.', '../../dataset')): Plugin {
  let cache: ReturnType<typeof loadDataset> | undefined;
  const data = () => (cache ??= loadDataset(root));
  return {
    name: 'gloss-dataset',
    buildStart() {
      cache = undefined;
      data();
      this.addWatchFile(root);
    },
    resolveId(id) {
      return id === RULES || id === NOTES || id === RATINGS ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${RULES}`) {
        // The example sentences are for tests; pages do not pay for them.
        const rules = data().rules.map((set) => ({
          ...set,
          rules: set.rules.map(({ examples, ...rule }) => (void examples, rule)),
        }));
        return `export default ${JSON.stringify(rules)};`;
      }
      if (id === `\0${NOTES}`) {
        const { ratings, ...notes } = data().notes;
        void ratings;
        return `export default ${JSON.stringify(notes)};`;
      }
      // A string parsed once is quicker to load than the same data as an object literal.
      if (id === `\0${RATINGS}`)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(data().notes.ratings ?? null))});`;
      return undefined;
    },
  };
}

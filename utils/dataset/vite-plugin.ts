/**
 * Serves the dataset to the bundles as two virtual modules, validated when the build starts:
 * `virtual:gloss/rules` (small, for the content script) and `virtual:gloss/notes` (the note index, for the
 * background and the CLI). A broken entry stops the build with its file, entry and field.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadDataset } from './load';

const RULES = 'virtual:gloss/rules';
const NOTES = 'virtual:gloss/notes';

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
      return id === RULES || id === NOTES ? `\0${id}` : undefined;
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
      if (id === `\0${NOTES}`) return `export default ${JSON.stringify(data().notes)};`;
      return undefined;
    },
  };
}

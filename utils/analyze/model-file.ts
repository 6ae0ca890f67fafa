/**
 * The phrasing model as the background and the CLI load it: the file's text, bundled by Vite when it exists, and
 * read once. A missing file gives `undefined`, which `loadPhrasingModel` turns into "the model file is missing"
 * (the rules then run alone); a cut or foreign file is refused there with its reason. The content script never
 * imports this module.
 */
import { loadPhrasingModel, type LoadedModel } from './model';

const files = import.meta.glob<string>('../../dataset/models/phrasing.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

let loaded: LoadedModel | undefined;

/** The bundled model, parsed on first use (once per service-worker start). */
export function bundledPhrasingModel(): LoadedModel {
  return (loaded ??= loadPhrasingModel(Object.values(files)[0]));
}

/**
 * The check-worthiness model as the background and the CLI load it: the file's text, bundled by Vite when it
 * exists, parsed and checked once. A missing, cut or foreign file gives the reason the unsupported-claim stage
 * is off (the phrasing rules still run). The content script never imports this module.
 */
import { claimsModel, type ClaimsModel } from './stage';

const files = import.meta.glob<string>('../../dataset/models/checkworthy.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

let loaded: ClaimsModel | undefined;

/** Parses the model file's text; a file that is not JSON is refused with a reason. */
export function parseClaimsModel(text: string | undefined): ClaimsModel {
  if (text === undefined) return claimsModel(undefined);
  try {
    return claimsModel(JSON.parse(text));
  } catch {
    return 'unsupported claims: the check-worthiness model is truncated or damaged';
  }
}

/** The bundled model, parsed on first use (once per service-worker start). */
export function bundledClaimsModel(): ClaimsModel {
  return (loaded ??= parseClaimsModel(Object.values(files)[0]));
}

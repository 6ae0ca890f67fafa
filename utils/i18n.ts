/** UI strings, through `browser.i18n` (public/_locales/<lang>/messages.json) so Gloss can be translated. */
import { browser } from 'wxt/browser';
import { CATEGORY_LABELS, type Category } from './categories';

export function t(key: string, substitutions?: string | string[]): string {
  try {
    const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
    const message = getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // Outside the extension (a unit test) there is no i18n: the key stands in.
  }
  return key;
}

export function categoryLabel(category: Category): string {
  const key = `category_${category.replace(/-/g, '_')}`;
  const message = t(key);
  return message === key ? CATEGORY_LABELS[category] : message;
}

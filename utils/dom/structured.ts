/** JSON-LD and microdata: the structured data a page declares about itself. */
import { pageMemo } from './page-memo';

export interface StructuredItem {
  types: string[];
  data: Record<string, unknown>;
}

function typesOf(value: unknown): string[] {
  const t = (value as { '@type'?: unknown })?.['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, ''));
}

/**
 * JSON as pages write it: wrapped in CDATA or comment markers, with raw line breaks inside strings or a trailing
 * comma. Undefined when it still does not parse.
 */
export function parseLenient(raw: string): unknown {
  let text = raw.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    text = text
      .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)/, '')
      .replace(/(?:\/\/\s*)?(?:\]\]>|-->)\s*$/, '')
      // Raw control characters (line breaks inside strings) are not allowed in JSON.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .trim();
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
}

/** Every object with an @type in the page's JSON-LD, through arrays and @graph. Broken blocks are skipped. */
export function jsonLdItems(doc: Document): StructuredItem[] {
  return pageMemo('structured-data', doc, () => readItems(doc));
}

function readItems(doc: Document): StructuredItem[] {
  const items: StructuredItem[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const parsed = parseLenient(script.textContent ?? '');
    if (parsed === undefined) continue;
    const stack: unknown[] = [parsed];
    let guard = 0;
    while (stack.length && guard++ < 500) {
      const value = stack.pop();
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === 'object') {
        const obj = value as Record<string, unknown>;
        const types = typesOf(obj);
        if (types.length) items.push({ types, data: obj });
        if (obj['@graph']) stack.push(obj['@graph']);
        if (obj.mainEntity) stack.push(obj.mainEntity);
      }
    }
  }
  for (const el of doc.querySelectorAll('[itemscope][itemtype]')) {
    const types = (el.getAttribute('itemtype') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((x) => x.replace(/^.*[/#]/, ''));
    if (!types.length) continue;
    const data: Record<string, unknown> = {};
    for (const prop of el.querySelectorAll('[itemprop]')) {
      const name = prop.getAttribute('itemprop');
      if (!name || name in data) continue;
      data[name] = prop.getAttribute('content') ?? prop.getAttribute('datetime') ?? prop.textContent?.trim() ?? '';
    }
    items.push({ types, data });
  }
  return items;
}

export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as { name?: unknown }).name);
  return null;
}

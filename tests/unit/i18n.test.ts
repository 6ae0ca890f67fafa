/** Every UI string goes through browser.i18n: each key the code asks for is in the English messages file. */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import messages from '../../public/_locales/en/messages.json';
import { categoryLabel, t } from '@/utils/i18n';
import { CATEGORIES } from '@/utils/categories';
import { ROOT } from './helpers';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('UI strings', () => {
  const sources = ['components', 'entrypoints', 'utils'].flatMap((d) => files(resolve(ROOT, d)));
  const keys = new Set<string>();
  for (const file of sources) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*`([A-Za-z0-9_]+)_\$\{/g)) keys.add(`${m[1]}_*`);
  }

  test('every key asked for exists', () => {
    const known = Object.keys(messages);
    for (const key of keys) {
      if (key.endsWith('_*'))
        expect(
          known.some((k) => k.startsWith(key.slice(0, -1))),
          key,
        ).toBe(true);
      else expect(known, key).toContain(key);
    }
    expect(keys.size).toBeGreaterThan(40);
  });

  test('the manifest’s strings and every category have a message', () => {
    for (const key of ['extName', 'extDescription', 'commandToggle', 'commandNext', 'commandPrevious'])
      expect(Object.keys(messages)).toContain(key);
    for (const c of CATEGORIES) expect(categoryLabel(c)).not.toMatch(/^category_/);
  });

  test('placeholders are filled', () => {
    expect(t('card_position', ['3', '20'])).toBe('3 of 20');
    expect(t('note_reviewed', '2026-12-01')).toBe('Last reviewed 2026-12-01');
  });
});

/**
 * The lint rules that keep page and dataset strings from ever becoming HTML or code do fire: ESLint's own API
 * runs the project's config over small samples placed where extension code lives.
 */
import { describe, expect, test } from 'vitest';
import { ESLint } from 'eslint';
import { ROOT } from './helpers';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, filePath = 'utils/lint-sample.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('no HTML from strings, no code from strings', () => {
  test.each([
    ['innerHTML', 'export const f = (el: Element, s: string) => { el.innerHTML = s; };', 'no-restricted-properties'],
    ['outerHTML', 'export const f = (el: Element, s: string) => { el.outerHTML = s; };', 'no-restricted-properties'],
    [
      'insertAdjacentHTML',
      "export const f = (el: Element, s: string) => el.insertAdjacentHTML('beforeend', s);",
      'no-restricted-properties',
    ],
    ['document.write', 'export const f = (s: string) => document.write(s);', 'no-restricted-properties'],
    ['eval', 'export const f = (s: string) => eval(s);', 'no-eval'],
    ['new Function', "export const f = (s: string) => new Function('x', s);", 'no-new-func'],
    ['setTimeout with a string', "export const f = () => setTimeout('run()', 10);", 'no-implied-eval'],
  ])('%s is an error', async (_name, code, rule) => {
    expect(await ruleIds(code)).toContain(rule);
  });

  test('dangerouslySetInnerHTML in a component is an error', async () => {
    const code =
      'export const Note = ({ body }: { body: string }) => <p dangerouslySetInnerHTML={{ __html: body }} />;';
    expect(await ruleIds(code, 'components/LintSample.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'entrypoints/content/lint-sample.tsx')).toContain('no-restricted-syntax');
  });

  test('the same rules hold in the content script, the background and the popup', async () => {
    for (const file of ['entrypoints/content/lint-sample.ts', 'entrypoints/lint-sample.ts', 'cli/lint-sample.ts'])
      expect(await ruleIds('export const f = (el: Element, s: string) => { el.innerHTML = s; };', file)).toContain(
        'no-restricted-properties',
      );
  });

  test('text and nodes are fine', async () => {
    const code = [
      'export function f(el: Element, s: string) {',
      "  const p = document.createElement('p');",
      '  p.textContent = s;',
      '  el.append(p);',
      '}',
    ].join('\n');
    expect(await ruleIds(code)).toEqual([]);
  });
});

describe('no remote code', () => {
  test.each([
    ['a remote import', "export const load = () => import('https://cdn.example/x.js');"],
    ['a computed import', 'export const load = (u: string) => import(u);'],
    ['importScripts', "declare const importScripts: (u: string) => void; importScripts('https://cdn.example/x.js');"],
  ])('%s in extension code is an error', async (_name, code) => {
    expect(await ruleIds(code, 'entrypoints/lint-sample.ts')).toContain('no-restricted-syntax');
  });

  test('a bundled import is fine', async () => {
    expect(await ruleIds("export const load = () => import('./categories');")).toEqual([]);
  });
});

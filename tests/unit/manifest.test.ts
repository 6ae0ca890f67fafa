/**
 * The built manifests ask for exactly the permissions the README justifies and nothing that would let Gloss
 * load or run code from elsewhere; the built content script and background contain no network API at all.
 * (Built by `npm test` before the unit tests; `npm run build && npm run build:firefox` when run alone.)
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './helpers';

const BUILDS = { chrome: resolve(ROOT, '.output/chrome-mv3'), firefox: resolve(ROOT, '.output/firefox-mv2') };

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | Record<string, string>;
  content_scripts?: { matches: string[]; js?: string[]; css?: string[]; all_frames?: boolean; world?: string }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  [key: string]: unknown;
}

/** The permissions the README's "Permissions" section names and justifies, one bullet each. */
function documentedPermissions(): { permissions: string[]; matches: string[] } {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Permissions'));
  const body = section.slice(0, section.indexOf('\n### ', 5));
  const permissions = [...body.matchAll(/^- `([a-zA-Z.]+)`:/gm)].map((m) => m[1]!);
  const matches = [...body.matchAll(/\(`(<all_urls>|[a-z*]+:\/\/[^`]+)`\)/g)].map((m) => m[1]!);
  return { permissions, matches };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the README names and justifies the permissions', () => {
  const { permissions, matches } = documentedPermissions();
  expect(permissions).toEqual(['storage']);
  expect(matches).toEqual(['<all_urls>']);
});

for (const [name, dir] of Object.entries(BUILDS)) {
  describe.skipIf(!existsSync(join(dir, 'manifest.json')))(`the ${name} build`, () => {
    const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

    test('asks for exactly the permissions the README justifies', () => {
      const m = manifest();
      expect([...(m.permissions ?? [])].sort()).toEqual([...documentedPermissions().permissions].sort());
      expect(m.optional_permissions ?? []).toEqual([]);
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.optional_host_permissions ?? []).toEqual([]);
    });

    test('one content script, on the pages the README says, in its own world, top frames only', () => {
      const m = manifest();
      expect(m.content_scripts).toHaveLength(1);
      const cs = m.content_scripts![0]!;
      expect(cs.matches).toEqual(documentedPermissions().matches);
      expect(cs.all_frames ?? false).toBe(false);
      expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
      for (const file of [...(cs.js ?? []), ...(cs.css ?? [])]) expect(existsSync(join(dir, file)), file).toBe(true);
    });

    test('nothing that would load remote code or open Gloss to pages and other extensions', () => {
      const m = manifest();
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources ?? []).toEqual([]);
      expect(m.update_url).toBeUndefined();
      const csp = m.content_security_policy;
      const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
      for (const policy of policies) {
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      }
      const background = m.background ?? {};
      for (const file of [background.service_worker, ...(background.scripts ?? []), background.page].filter(Boolean))
        expect(existsSync(join(dir, file!)), file).toBe(true);
    });

    test('the content script and the background contain no network API and no eval', () => {
      const m = manifest();
      const code = [
        ...(m.content_scripts ?? []).flatMap((c) => c.js ?? []),
        m.background?.service_worker,
        ...(m.background?.scripts ?? []),
      ].filter((f): f is string => !!f);
      expect(code.length).toBeGreaterThan(0);
      for (const file of code) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(text, file).not.toMatch(
          /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection|importScripts|\beval\(|new Function\(/,
        );
      }
    });

    /** The built content scripts and background scripts, each joined into one text. */
    const bundles = () => {
      const m = manifest();
      const read = (files: (string | undefined)[]) =>
        files
          .filter((f): f is string => !!f)
          .map((f) => readFileSync(join(dir, f), 'utf8'))
          .join('\n');
      return {
        content: read((m.content_scripts ?? []).flatMap((c) => c.js ?? [])),
        background: read([m.background?.service_worker, ...(m.background?.scripts ?? [])]),
      };
    };

    test('the rules and the notes stay in the background, out of the script every page loads', () => {
      const { content, background } = bundles();
      // A rule's id and a note's id: present where the work is done, absent from every page.
      for (const marker of ['doubt.supposedly', 'claim/mh17-downing-2014', 'outlet/global-research']) {
        expect(background, marker).toContain(marker);
        expect(content, marker).not.toContain(marker);
      }
      expect(content).not.toContain('Intl.Segmenter');
      // The content script uses the browser's own namespace (wxt.config.ts); the background keeps the polyfill.
      const polyfill = 'The message port closed before a response was received.';
      expect(content).not.toContain(polyfill);
      if (name === 'chrome') expect(background).toContain(polyfill);
    });

    test("detection's reasons are worded in the background: the content script carries ids and values", () => {
      const { content, background } = bundles();
      // Texts from utils/detect-reasons.ts: the page's evidence, and the reader's own "always on".
      for (const text of ['short posts or teasers, not one block of prose', 'settings: always on for this site']) {
        expect(background, text).toContain(text);
        expect(content, text).not.toContain(text);
      }
      expect(content).toContain('settings_always_on');
    });

    test('the content script is within its budget: 30 KB gzipped (level 9, 1,024 bytes to the KB)', () => {
      for (const file of (manifest().content_scripts ?? []).flatMap((c) => c.js ?? [])) {
        const gzipped = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
        expect(gzipped, file).toBeLessThanOrEqual(30 * 1024);
      }
    });

    test('the outlet ratings are in the background only: not in the pages, not in the popup or settings', () => {
      const m = manifest();
      const background = new Set(
        [m.background?.service_worker, ...(m.background?.scripts ?? [])]
          .filter((f): f is string => !!f)
          .map((f) => join(dir, f)),
      );
      // Two rated domains as the ratings file writes them: in the background's bundle, in no other script.
      const markers = ['0585news.com', '100percentfedupnews.us'];
      const holders = files(dir).filter(
        (f) => f.endsWith('.js') && markers.some((k) => readFileSync(f, 'utf8').includes(k)),
      );
      expect(holders.length).toBeGreaterThan(0);
      for (const file of holders) expect(background.has(file), file).toBe(true);
    });

    test('every script in the package is a file in the package', () => {
      for (const file of files(dir).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
          expect(m[1], file).not.toMatch(/^(https?:)?\/\//);
        for (const m of html.matchAll(/<link[^>]*\shref="([^"]+)"/g)) expect(m[1], file).not.toMatch(/^(https?:)?\/\//);
      }
    });
  });
}

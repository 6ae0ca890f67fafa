/**
 * The README's pictures show what the build shows: scripts/screenshots.mjs makes every one of them again from the
 * current build (the main picture, and the card, popup and settings in light and dark), and each is compared with
 * the one the README shows, pixel by pixel in Chromium. A picture that differs in more than a sliver of its pixels
 * (text rendering varies a little from run to run) fails the test with the command that makes them again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './paths';

const OUT = resolve(ROOT, '.tmp/readme-pictures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The share of pixels that may differ (by more than a little in any channel) before a picture is stale. */
const TOLERANCE = 0.01;

/** The pictures the README shows from docs/, and where the script writes each again. */
function pictures(): { shown: string; made: string }[] {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[[^\]]*\]\((docs\/[^)\s]+\.png)\)/g)].map((m) => ({
    shown: m[1]!,
    made: resolve(OUT, m[1]!.split('/').at(-1)!),
  }));
}

/** The share of pixels that differ between two PNGs (1 when their sizes differ), measured in a page. */
async function difference(browser: Browser, a: string, b: string): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([first, second]) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((done, fail) => {
            const img = new Image();
            img.onload = () => done(img);
            img.onerror = () => fail(new Error('not an image'));
            img.src = src;
          });
        const [x, y] = await Promise.all([load(first!), load(second!)]);
        if (x.naturalWidth !== y.naturalWidth || x.naturalHeight !== y.naturalHeight) return 1;
        const pixels = (img: HTMLImageElement) => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        const p = pixels(x);
        const q = pixels(y);
        let differ = 0;
        for (let i = 0; i < p.length; i += 4) {
          if (
            Math.abs(p[i]! - q[i]!) > 24 ||
            Math.abs(p[i + 1]! - q[i + 1]!) > 24 ||
            Math.abs(p[i + 2]! - q[i + 2]!) > 24
          )
            differ++;
        }
        return differ / (p.length / 4);
      },
      [a, b].map((file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`),
    );
  } finally {
    await page.close();
  }
}

describe('the README pictures', () => {
  const built = existsSync(resolve(ROOT, '.output/chrome-mv3/manifest.json'));
  let browser: Browser;
  beforeAll(async () => {
    if (!built) return;
    await promisify(execFile)('node', [resolve(ROOT, 'scripts/screenshots.mjs'), '--out', OUT], {
      cwd: ROOT,
      timeout: 120_000,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  }, 150_000);
  afterAll(async () => browser?.close());

  test.skipIf(!built)('show what the build shows (node scripts/screenshots.mjs makes them again)', async () => {
    const list = pictures();
    expect(list.map((p) => p.shown)).toContain('docs/screenshot.png');
    const stale: string[] = [];
    for (const { shown, made } of list) {
      expect(existsSync(made), `scripts/screenshots.mjs made no ${made}`).toBe(true);
      const share = await difference(browser, resolve(ROOT, shown), made);
      if (share > TOLERANCE) stale.push(`${shown}: ${(share * 100).toFixed(1)}% of its pixels differ from ${made}`);
    }
    expect(stale, 'run `npm run build && node scripts/screenshots.mjs` and commit the pictures').toEqual([]);
  });
});

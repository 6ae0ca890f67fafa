import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv2');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/pages');
export const DEMO = resolve(ROOT, 'demo/article.html');

/** The shared folder beside the checkout (seed article, corpora), when it is there. */
export const SHARED = process.env.GLOSS_SHARED ?? resolve(ROOT, '../shared');
export const SEED_HTML = resolve(SHARED, 'seed/article.html');
export const HAS_SEED = existsSync(SEED_HTML);
export const SEED_HOST = 'www.globalresearch.ca';
export const SEED_PATH = '/video-syrian-army-advancing-on-al-qaeda-militant-stronghold-of-lataminah/';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The fixture news article made long (about 50,000 characters: 300 more paragraphs of plain reporting and one at
 * the end with loaded words), written to a temporary file: the background reads such a text in slices and sends
 * the page its first slice before the rest.
 */
export function longArticlePage(): string {
  const html = readFileSync(resolve(FIXTURES, 'news-article.html'), 'utf8');
  const filler = Array.from(
    { length: 300 },
    (_, i) =>
      `    <p>The committee met again on day ${i + 1} to review the figures for the quarter, and members asked the finance office for a breakdown of overtime costs by department.</p>`,
  );
  const last = '    <p>The mayor’s promises about the harbour were bald-faced lies, the records show.</p>';
  const file = join(mkdtempSync(join(tmpdir(), 'gloss-long-')), 'long-article.html');
  writeFileSync(file, html.replace('  </article>', `${[...filler, last].join('\n')}\n  </article>`));
  return file;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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

import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { textChange } from '@/utils/dom/mutations';

/** Runs `change` on a fresh page and returns what the observer saw, as `textChange` counts it. */
async function seen(html: string, change: (doc: Document) => void, ignore?: (node: Node) => boolean) {
  const { window } = new JSDOM(`<body>${html}</body>`);
  const doc = window.document;
  const records: MutationRecord[] = [];
  const observer = new window.MutationObserver((r) => records.push(...r));
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  change(doc);
  await new Promise((r) => setTimeout(r, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return textChange(records, ignore);
}

const paragraph = 'The council voted on Tuesday to close the library for two years while it is rebuilt.';

describe('textChange: what counts as the story changing', () => {
  test.each<[string, string, (doc: Document) => void]>([
    [
      'a paragraph added',
      '<article><p>One.</p></article>',
      (doc) => {
        const p = doc.createElement('p');
        p.textContent = paragraph;
        doc.querySelector('article')!.append(p);
      },
    ],
    ['a paragraph removed', `<article><p>${paragraph}</p></article>`, (doc) => doc.querySelector('p')!.remove()],
    [
      'a block of text arriving late',
      '<main></main>',
      (doc) => {
        doc.querySelector('main')!.innerHTML = `<div><p>${paragraph}</p><p>${paragraph}</p></div>`;
      },
    ],
    [
      'text edited in place',
      `<p>${paragraph}</p>`,
      (doc) => {
        doc.querySelector('p')!.firstChild!.textContent = `${paragraph} ${paragraph}`;
      },
    ],
  ])('%s', async (_name, html, change) => {
    expect(await seen(html, change)).toBeGreaterThanOrEqual(paragraph.length - 5);
  });
});

describe('textChange: what does not', () => {
  test.each<[string, string, (doc: Document) => void]>([
    [
      'an ad’s iframe',
      '<article><p>One.</p></article>',
      (doc) => doc.querySelector('article')!.append(doc.createElement('iframe')),
    ],
    [
      'a script and a style',
      '<article></article>',
      (doc) => {
        const s = doc.createElement('script');
        s.textContent = 'window.ads = window.ads || []; window.ads.push({ slot: "top", sizes: [[300, 250]] });';
        const st = doc.createElement('style');
        st.textContent = '.ad { display: block; width: 300px; height: 250px; }';
        doc.querySelector('article')!.append(s, st);
      },
    ],
    [
      'a wrapper holding only a script',
      '<article></article>',
      (doc) => {
        doc.querySelector('article')!.innerHTML =
          '<div class="ad"><script>var slot = "right-rail-300x250";</script></div>';
      },
    ],
    ['a lazy image', '<article></article>', (doc) => doc.querySelector('article')!.append(doc.createElement('img'))],
    [
      'a ticking clock',
      '<p><span>12:01</span></p>',
      (doc) => {
        doc.querySelector('span')!.firstChild!.textContent = '12:02';
      },
    ],
    [
      'attributes and classes',
      '<p class="a">Text</p>',
      (doc) => {
        doc.querySelector('p')!.className = 'b';
        doc.querySelector('p')!.setAttribute('data-x', '1');
      },
    ],
    [
      'Gloss’s own card',
      '<article></article>',
      (doc) => {
        const card = doc.createElement('gloss-card');
        card.textContent = paragraph;
        doc.body.append(card);
      },
    ],
  ])('%s', async (_name, html, change) => {
    expect(await seen(html, change)).toBeLessThan(10);
  });

  test('a node the caller names as its own is not counted', async () => {
    const mine = (node: Node) => node instanceof Object && (node as Element).id === 'mine';
    const n = await seen(
      '<div></div>',
      (doc) => {
        const d = doc.createElement('div');
        d.id = 'mine';
        d.textContent = paragraph;
        doc.body.append(d);
      },
      mine,
    );
    expect(n).toBe(0);
  });

  test('a huge subtree is counted up to the cap, not read whole', async () => {
    const n = await seen('<main></main>', (doc) => {
      doc.querySelector('main')!.innerHTML = `<p>${'word '.repeat(5000)}</p>`;
    });
    expect(n).toBe(4096);
  });
});

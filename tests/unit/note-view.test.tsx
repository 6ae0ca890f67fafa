// @vitest-environment jsdom
/** A note shows its summary first; the full text is one action away; its sources sit behind their count. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NoteView } from '@/components/NoteView';
import type { Note } from '@/utils/types';

const base: Note = {
  id: 'claim/example',
  kind: 'claim',
  title: 'An example',
  summary: 'Investigators found one thing. The government denies it.',
  body: 'First paragraph of the full text.\n\nSecond paragraph.',
  sources: [
    { title: 'The report', publisher: 'OPCW', date: '2017-06-29', url: 'https://www.opcw.org/report' },
    { title: 'A wire report', publisher: 'Reuters', date: '2017-06', url: 'https://www.reuters.com/x' },
  ],
  reviewed: '2026-12-07',
  lang: 'en',
  provenance: { author: 'Gloss contributors', license: 'CC-BY-4.0' },
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('NoteView', () => {
  test('the summary first, the full text after "Read more", and back', () => {
    act(() => render(<NoteView note={base} />, root));
    const texts = [...root.querySelectorAll('p, button, summary')].map((e) => e.className);
    expect(texts.indexOf('note-summary')).toBeLessThan(texts.indexOf('note-more'));
    expect(root.querySelector('.note-summary')?.textContent).toBe(base.summary);
    expect(root.querySelector('.note-body')).toBeNull();
    const more = root.querySelector<HTMLButtonElement>('.note-more')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => more.click());
    expect([...root.querySelectorAll('.note-body')].map((p) => p.textContent)).toEqual([
      'First paragraph of the full text.',
      'Second paragraph.',
    ]);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector(`#${more.getAttribute('aria-controls')}`)).not.toBeNull();
    act(() => more.click());
    expect(root.querySelector('.note-body')).toBeNull();
  });

  test('the sources behind their count, one action away, each with publisher and date', () => {
    act(() => render(<NoteView note={base} />, root));
    const toggle = root.querySelector<HTMLButtonElement>('button.note-sources-label')!;
    expect(toggle.textContent).toMatch(/2/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.note-sources')).toBeNull();
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = root.querySelector(`#${toggle.getAttribute('aria-controls')}`)!;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'The report — OPCW, 2017-06-29',
      'A wire report — Reuters, 2017-06',
    ]);
  });

  test('a living page without a date of its own says when it was read', async () => {
    const { browser } = await import('wxt/browser');
    const i18n = browser.i18n as unknown as { getMessage: unknown };
    const original = i18n.getMessage;
    i18n.getMessage = (key: string, sub?: string | string[]) =>
      key === 'note_consulted' ? `consulted ${String(sub)}` : '';
    try {
      const sources = [
        ...base.sources,
        { title: 'An encyclopedia entry', publisher: 'Wikipedia', accessed: '2026-12-07', url: 'https://w.example/x' },
        {
          title: 'Dated and read',
          publisher: 'AP',
          date: '2020-01',
          accessed: '2026-12-07',
          url: 'https://a.example/',
        },
      ];
      act(() => render(<NoteView note={{ ...base, sources }} />, root));
      act(() => root.querySelector<HTMLButtonElement>('button.note-sources-label')!.click());
      expect([...root.querySelectorAll('.note-sources li')].map((li) => li.textContent)).toEqual([
        'The report — OPCW, 2017-06-29',
        'A wire report — Reuters, 2017-06',
        'An encyclopedia entry — Wikipedia, consulted 2026-12-07',
        'Dated and read — AP, 2020-01',
      ]);
    } finally {
      i18n.getMessage = original;
    }
  });

  test('a note without a summary (an imported review) shows its text and no button', () => {
    act(() => render(<NoteView note={{ ...base, summary: undefined }} />, root));
    expect(root.querySelector('.note-more')).toBeNull();
    expect(root.querySelectorAll('.note-body')).toHaveLength(2);
  });
});

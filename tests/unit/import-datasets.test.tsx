// @vitest-environment jsdom
/** The options page's imported fact-checks: list, import a file, remove one, all through typed messages. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { browser } from 'wxt/browser';
import { Datasets } from '@/components/options/Datasets';
import type { ImportSummary, ImportsReply, OptionsToBackground } from '@/utils/messages';
import { ReviewCollector } from '@/utils/dataset/claimreview';

const summary: ImportSummary = {
  id: 'import-1',
  name: 'checks.json',
  importedFrom: 'checks.json',
  license: 'CC-BY-4.0',
  created: '2026-12-01',
  importedAt: '2026-12-01T10:00:00.000Z',
  count: 1234,
  publishers: ['Example Fact Check <b>bold</b>'],
};

let root: HTMLElement;
let sent: OptionsToBackground[];
let imports: ImportSummary[];
/** Streamed imports the background holds: a collector each, as the background's own. */
let sessions: Map<string, ReviewCollector>;
let failBatch: boolean;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sent = [];
  imports = [summary];
  sessions = new Map();
  failBatch = false;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: OptionsToBackground) => {
    sent.push(message);
    if (message.type === 'gloss:imports-begin') {
      sessions.set('s1', new ReviewCollector({ importedFrom: message.fileName }));
      return { ok: true, imports, session: 's1' } satisfies ImportsReply;
    }
    if (message.type === 'gloss:imports-batch') {
      if (failBatch) return { ok: false, error: 'the import was interrupted', imports: [] } satisfies ImportsReply;
      sessions.get(message.session)!.add(message.entries);
      return { ok: true, imports: [], progress: sessions.get(message.session)!.counts } satisfies ImportsReply;
    }
    if (message.type === 'gloss:imports-abort') sessions.delete(message.session);
    if (message.type === 'gloss:imports-commit') {
      const { dataset, skipped } = sessions.get(message.session)!.result();
      sessions.delete(message.session);
      imports = [...imports, { ...summary, id: 'import-2', name: dataset.name, count: dataset.notes.length }];
      return {
        ok: true,
        imports,
        added: { id: 'import-2', count: dataset.notes.length, skipped, skippedCount: skipped.length },
      } satisfies ImportsReply;
    }
    if (message.type === 'gloss:imports-remove') imports = imports.filter((i) => i.id !== message.id);
    if (message.type === 'gloss:imports-add') {
      if (message.text === 'nope') return { ok: false, error: 'not JSON, JSON-LD or JSON Lines', imports };
      imports = [...imports, { ...summary, id: 'import-2', name: message.fileName, count: 2 }];
      return {
        ok: true,
        imports,
        added: { id: 'import-2', count: 2, skipped: [{ at: '#3', reason: 'no claimReviewed' }], skippedCount: 1 },
      } satisfies ImportsReply;
    }
    return { ok: true, imports } satisfies ImportsReply;
  }) as never);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

/** Turns until `done` holds (the file is read in several asynchronous steps), or a bound is reached. */
async function until(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) await flush();
}

async function pick(name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
  await flush();
}

describe('Datasets', () => {
  test('lists imports with provenance, licence and count; imported text stays text', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    expect(sent[0]).toEqual({ type: 'gloss:imports-list' });
    const row = root.querySelector('tbody tr')!;
    expect(row.textContent).toContain('checks.json');
    expect(row.textContent).toContain('CC-BY-4.0');
    expect(row.textContent).toContain((1234).toLocaleString());
    expect(row.textContent).toContain('Example Fact Check <b>bold</b>');
    expect(row.querySelector('b')).toBeNull();
  });

  test('a DataFeed streams in, in batches, and the page shows what was imported and what was skipped', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    const review = (n: number, claim?: string) => ({
      '@type': 'ClaimReview',
      url: `https://factcheck.example/${n}`,
      claimReviewed: claim,
      author: { name: 'Example Fact Check' },
    });
    const items = Array.from({ length: 1200 }, (_, i) => ({
      '@type': 'DataFeedItem',
      item: [review(i, i === 2 ? undefined : `Claim ${i} about ferry fares.`)],
    }));
    await pick('feed.json', JSON.stringify({ '@type': 'DataFeed', dataFeedElement: items }));
    await until(() => /Imported \d+ claims? from/.test(root.textContent ?? ''));
    const types = sent.map((m) => m.type);
    expect(types).toContain('gloss:imports-begin');
    expect(types.filter((t) => t === 'gloss:imports-batch').length).toBeGreaterThanOrEqual(3);
    expect(types).not.toContain('gloss:imports-add');
    expect(types.at(-1)).toBe('gloss:imports-commit');
    const batches = sent.filter((m) => m.type === 'gloss:imports-batch');
    expect(batches.reduce((n, m) => n + m.entries.length, 0)).toBe(1200);
    expect(root.textContent).toContain('Imported 1199 claims from feed.json.');
    expect(root.textContent).toContain('no claimReviewed');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  test('a file gloss import wrote goes in one message', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    const text = '{"format":"gloss-imported-notes","version":1,"notes":[]}';
    await pick('new.json', text);
    await until(() => /Imported \d+ claims? from/.test(root.textContent ?? ''));
    expect(sent.find((m) => m.type === 'gloss:imports-add')).toMatchObject({ fileName: 'new.json', text });
    expect(root.textContent).toContain('Imported 2 claims from new.json.');
    expect(root.textContent).toContain('#3: no claimReviewed');
  });

  test('a file that is not JSON says why, stores nothing and keeps the list as it was', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    await pick('bad.json', 'nope');
    await until(() => sent.some((m) => m.type === 'gloss:imports-abort'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('not JSON');
    expect(sent.map((m) => m.type)).not.toContain('gloss:imports-commit');
    expect(sent.map((m) => m.type)).toContain('gloss:imports-abort');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  test('an import the background loses halfway is dropped, not half-stored', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    failBatch = true;
    const reviews = Array.from({ length: 800 }, (_, i) => ({ '@type': 'ClaimReview', claimReviewed: `Claim ${i}.` }));
    await pick('big.json', JSON.stringify(reviews));
    await until(() => sent.some((m) => m.type === 'gloss:imports-abort'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('interrupted');
    expect(sent.map((m) => m.type)).not.toContain('gloss:imports-commit');
    expect(sent.at(-1)).toEqual({ type: 'gloss:imports-abort', session: 's1' });
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  test('remove asks the background and updates the list', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    await act(async () => root.querySelector<HTMLButtonElement>('tbody button')!.click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'gloss:imports-remove', id: 'import-1' });
    expect(root.textContent).toContain('No fact-checks imported yet.');
  });
});

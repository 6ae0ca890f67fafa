// @vitest-environment jsdom
/** The options page's imported fact-checks: list, import a file, remove one, all through typed messages. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { browser } from 'wxt/browser';
import { Datasets } from '@/components/options/Datasets';
import type { ImportSummary, ImportsReply, OptionsToBackground } from '@/utils/messages';

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

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sent = [];
  imports = [summary];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: OptionsToBackground) => {
    sent.push(message);
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

  test('importing a file sends it with its name and shows what was skipped', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    await pick('new.json', '[{"claimReviewed":"x"}]');
    const add = sent.find((m) => m.type === 'gloss:imports-add');
    expect(add).toMatchObject({ fileName: 'new.json', text: '[{"claimReviewed":"x"}]' });
    expect(root.textContent).toContain('Imported 2 claims from new.json.');
    expect(root.textContent).toContain('#3: no claimReviewed');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  test('a failed import says why and keeps the list as it was', async () => {
    await act(async () => render(<Datasets />, root));
    await flush();
    await pick('bad.json', 'nope');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('not JSON');
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

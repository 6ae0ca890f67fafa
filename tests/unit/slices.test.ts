/** A long article read in slices by the background: where the text is cut, and the same reading as in one piece. */
import { describe, expect, test } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { breakAfter, readForTab, readForTabInSlices, sliceText, warmUp } from '@/utils/pipeline';
import { HAS_SEED, SEED_HTML, SEED_URL, dataset, html, rules } from './helpers';

describe('where a long text is cut', () => {
  test.each([
    ['at the next paragraph', 'One two.\n\nThree four.\n\nFive.', 3, 'Three four.\n\nFive.'],
    ['at once at the start of a paragraph', 'One two.\n\nThree four.', 10, 'Three four.'],
    ['not before a paragraph that reopens a quotation', 'One.\n\n“Two, he said.\n\n“Three.”\n\nFour.', 1, 'Four.'],
    ['not before a paragraph opening with a straight quote', 'One.\n\n"Two.\n\n"Three."\n\nFour.', 1, 'Four.'],
    [
      'at a sentence where a paragraph has no break',
      'One two three. Four five six. Seven.',
      5,
      'Four five six. Seven.',
    ],
    ['at a space where there is no sentence either', 'one two three four five six', 5, 'three four five six'],
  ])('%s', (_, text, from, rest) => {
    expect(text.slice(breakAfter(text, from, 100))).toBe(rest);
  });

  test('the start and the end stay where they are', () => {
    expect(breakAfter('abc', 0)).toBe(0);
    expect(breakAfter('abc', 3)).toBe(3);
    expect(breakAfter('abc', 9)).toBe(3);
  });

  test('a text up to four slices is one slice', () => {
    const text = 'A sentence here.\n\n'.repeat(20);
    expect(sliceText(text, text.length / 4)).toEqual([{ start: 0, end: text.length }]);
  });

  test.each([
    ['paragraphs', 'A sentence of some words here, and more.\n\n'.repeat(500)],
    ['one paragraph of sentences', 'A sentence of some words here, and more. '.repeat(500)],
    ['one paragraph without a full stop', 'words and words and more words '.repeat(500)],
    ['quotations running over every paragraph', '“A quoted paragraph of words.\n\n'.repeat(300) + 'The end.'],
  ])('slices of %s cover the text in order, none empty', (_, text) => {
    const slices = sliceText(text, 1000);
    expect(slices[0]!.start).toBe(0);
    expect(slices.at(-1)!.end).toBe(text.length);
    for (let i = 0; i < slices.length; i++) {
      expect(slices[i]!.end).toBeGreaterThan(slices[i]!.start);
      if (i) expect(slices[i]!.start).toBe(slices[i - 1]!.end);
    }
    if (!text.startsWith('“')) expect(slices.length).toBeGreaterThan(5);
  });
});

describe.skipIf(!HAS_SEED)('the seed article read in slices', () => {
  const article = extractArticle(html(SEED_HTML), SEED_URL).article;

  test('an article of ordinary length is read as readForTab reads it', async () => {
    let pauses = 0;
    const read = { article, url: SEED_URL };
    const sliced = await readForTabInSlices(read, rules, dataset.notes, undefined, undefined, undefined, {
      pause: async () => void pauses++,
    });
    expect(sliced).toEqual(readForTab(read, rules, dataset.notes));
    expect(pauses).toBe(0);
  });

  test('three copies in slices of 600 characters: the same findings, notes and sentences as in one piece', async () => {
    const text = [article.text, article.text, article.text].join('\n\n');
    const read = { article: { ...article, text }, url: SEED_URL, hidden: ['doubt' as const] };
    const slices = sliceText(text, 600);
    expect(slices.length).toBeGreaterThan(8);
    let pauses = 0;
    const sliced = await readForTabInSlices(read, rules, dataset.notes, undefined, undefined, undefined, {
      size: 600,
      pause: async () => void pauses++,
    });
    const whole = readForTab(read, rules, dataset.notes);
    expect(pauses).toBe(slices.length - 1);
    expect(sliced.findings.length).toBeGreaterThan(20);
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.notes.map((n) => n.id)).toEqual(whole.notes.map((n) => n.id));
    expect(sliced.outlet).toEqual(whole.outlet);
  });

  test("the first slice's findings are given before the rest, as the whole reading has them there", async () => {
    const text = [article.text, article.text, article.text].join('\n\n');
    const read = { article: { ...article, text }, url: SEED_URL };
    const firsts: Awaited<ReturnType<typeof readForTabInSlices>>['findings'][] = [];
    const sliced = await readForTabInSlices(read, rules, dataset.notes, undefined, undefined, undefined, {
      size: 600,
      pause: async () => undefined,
      first: (partial) => firsts.push(partial.findings),
    });
    expect(firsts).toHaveLength(1);
    const top = sliceText(text, 600)[0]!;
    const key = (f: { category: string; start: number; end: number }) => `${f.category}:${f.start}-${f.end}`;
    const final = new Set(sliced.findings.map(key));
    expect(firsts[0]!.length).toBeGreaterThan(0);
    for (const f of firsts[0]!) {
      expect(f.start).toBeLessThan(top.end);
      expect(final.has(key(f))).toBe(true);
      expect(f.explain).not.toMatch(/Used \d+ times/);
    }
    expect(firsts[0]).toHaveLength(sliced.findings.filter((f) => f.start < top.end).length);
  });

  test('an article of one slice gives no first slice', async () => {
    let calls = 0;
    await readForTabInSlices({ article, url: SEED_URL }, rules, dataset.notes, undefined, undefined, undefined, {
      first: () => calls++,
    });
    expect(calls).toBe(0);
  });
});

describe("a worker's first article, warmed in steps", () => {
  test('every stage is run once, each in a task of its own', async () => {
    let pauses = 0;
    const steps = await warmUp(dataset.rules, dataset.notes, undefined, undefined, async () => void pauses++);
    expect(steps.map((s) => s.step)).toEqual([
      'compile the rules',
      'sentences',
      'quotations',
      'voices',
      'rule gates',
      'rules',
      'phrasing model',
      'unsupported claims',
      'claim notes',
      'term notes',
    ]);
    expect(pauses).toBe(steps.length);
    expect(steps.every((s) => s.ms >= 0)).toBe(true);
  });

  test('rule sets that cannot be compiled do not stop it', async () => {
    const broken = [{ lang: 'en', rules: [{ id: 'x', pattern: '(' }] }] as unknown as typeof dataset.rules;
    await expect(warmUp(broken, dataset.notes, undefined, undefined, async () => undefined)).resolves.toHaveLength(10);
  });
});

describe.skipIf(!HAS_SEED)('slices sized by how fast the reading goes', () => {
  const article = extractArticle(html(SEED_HTML), SEED_URL).article;
  const text = Array.from({ length: 40 }, () => article.text).join('\n\n');
  const read = { article: { ...article, text }, url: SEED_URL };
  // A clock that moves `step` ms between any two looks: every slice seems to take `step` ms.
  const clock = (step: number) => {
    let t = 0;
    return () => (t += step);
  };
  const pausesWith = async (step: number) => {
    let pauses = 0;
    await readForTabInSlices(read, rules, dataset.notes, undefined, undefined, undefined, {
      pause: async () => void pauses++,
      now: clock(step),
    });
    return pauses;
  };

  test('slow slices stay at the first size; fast ones grow, to 30,000 characters at most', async () => {
    const slow = await pausesWith(200);
    const fast = await pausesWith(1);
    expect(text.length).toBeGreaterThan(100_000);
    expect(slow).toBeGreaterThanOrEqual(Math.floor(text.length / 4_500));
    expect(fast).toBeLessThan(slow / 3);
    expect(fast).toBeGreaterThanOrEqual(Math.floor(text.length / 45_000));
  });
});

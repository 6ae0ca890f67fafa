import { describe, expect, test } from 'vitest';
import { analyzeInChunks, chunkBounds } from '@/entrypoints/content/chunked';
import { analyzePhrasing } from '@/utils/pipeline';
import { rules } from './helpers';

const paragraph =
  'Fresh speculation has been circulating in the media that troops will be sent. The attack was supposedly conducted by the army, according to some unknown military sources. There is no doubt that the “moderate” rebels lost ground.';

describe('analysis in pieces', () => {
  const text = Array.from({ length: 60 }, (_, i) => `${i}. ${paragraph}`).join('\n\n');

  test('cuts at paragraph breaks', () => {
    const bounds = chunkBounds(text, 2000);
    expect(bounds[0]).toBe(0);
    expect(bounds.at(-1)).toBe(text.length);
    for (const b of bounds.slice(1, -1)) expect(text.slice(b - 2, b)).toBe('\n\n');
  });

  test('gives the same findings and sentences as one pass, yielding between pieces', async () => {
    let pauses = 0;
    const chunked = await analyzeInChunks(text, 'en', rules, 'thorough', async () => void pauses++, 2000);
    const whole = analyzePhrasing(text, 'en', rules, 'thorough');
    expect(pauses).toBeGreaterThan(3);
    expect(chunked.sentences).toEqual(whole.sentences);
    expect(chunked.findings).toEqual(whole.findings);
  });

  test('a short text is one pass', async () => {
    let pauses = 0;
    await analyzeInChunks(paragraph, 'en', rules, undefined, async () => void pauses++);
    expect(pauses).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { CARD_MAX_HEIGHT, placeCard, type Box } from '@/utils/card-layout';

const box = (top: number, left: number, height = 20, width = 80): Box => ({
  top,
  bottom: top + height,
  left,
  right: left + width,
});

/** The card's box as placed, with its height being the smaller of its natural height and its room. */
function placed(anchor: Box, vw: number, vh: number, height: number) {
  const p = placeCard(anchor, { width: vw, height: vh }, { height });
  const h = Math.min(height, p.maxHeight);
  const top = p.top ?? vh - p.bottom! - h;
  return { ...p, box: { top, bottom: top + h, left: p.left, right: p.left + p.width } };
}

function overlaps(a: Box, b: Box): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

describe('placeCard', () => {
  // [what, highlight, viewport width, height, the card's natural height, expected side]
  const cases: [string, Box, number, number, number, 'below' | 'above'][] = [
    ['room below on a desktop window', box(200, 300), 1280, 900, 420, 'below'],
    ['a highlight near the bottom: above', box(760, 300), 1280, 900, 420, 'above'],
    ['a tall card, more room above', box(600, 300), 1280, 900, 700, 'above'],
    ['a tall card, more room below', box(250, 300), 1280, 900, 700, 'below'],
    ['a phone, highlight in the middle, long card', box(310, 40), 360, 640, 900, 'below'],
    ['a phone, highlight low', box(520, 40), 360, 640, 300, 'above'],
    ['a phone, highlight high', box(40, 200), 360, 640, 300, 'below'],
    ['fits exactly below', box(100, 10), 800, 600, 600 - 120 - 16, 'below'],
    ['highlight scrolled above the viewport', box(-200, 10), 800, 600, 400, 'below'],
    ['highlight scrolled below the viewport', box(900, 10), 800, 600, 400, 'above'],
  ];

  test.each(cases)('%s', (_, anchor, vw, vh, height, side) => {
    const p = placed(anchor, vw, vh, height);
    expect(p.side).toBe(side);
    // Never over the words it explains.
    expect(overlaps(p.box, anchor)).toBe(false);
    // Inside the viewport, with its margin.
    expect(p.box.top).toBeGreaterThanOrEqual(8);
    expect(p.box.bottom).toBeLessThanOrEqual(vh - 8);
    expect(p.box.left).toBeGreaterThanOrEqual(8);
    expect(p.box.right).toBeLessThanOrEqual(vw - 8);
    expect(p.maxHeight).toBeLessThanOrEqual(CARD_MAX_HEIGHT);
  });

  test('fits a 360 px window: the card is the window less its margins', () => {
    const p = placeCard(box(300, 250), { width: 360, height: 640 }, { height: 300 });
    expect(p.width).toBe(344);
    expect(p.left).toBe(8);
  });

  test('a highlight at the right edge pulls the card left, never off screen', () => {
    const p = placeCard(box(100, 1250, 20, 25), { width: 1280, height: 900 }, { height: 300 });
    expect(p.left).toBe(1280 - 380 - 8);
  });

  test('a card that fits below keeps its natural height and starts just under the highlight', () => {
    const p = placeCard(box(100, 100), { width: 1280, height: 900 }, { height: 300 });
    expect(p).toMatchObject({ side: 'below', top: 128 });
    expect(p.maxHeight).toBeGreaterThanOrEqual(300);
  });

  test('placed above, the card is held by its bottom edge just over the highlight', () => {
    const p = placeCard(box(700, 100), { width: 1280, height: 900 }, { height: 500 });
    expect(p).toMatchObject({ side: 'above', bottom: 900 - 700 + 8, maxHeight: CARD_MAX_HEIGHT });
  });

  test('a long card on a short window is held to the larger room', () => {
    const p = placeCard(box(340, 100), { width: 1280, height: 640 }, { height: 2000 });
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(340 - 16);
  });
});

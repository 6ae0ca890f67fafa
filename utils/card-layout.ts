/**
 * Where the note card goes, as a pure function of the highlight's box, the viewport and the card's natural size:
 * below the highlight when it fits there, above it when it fits there instead, otherwise on the side with more
 * room, its height held to that room so that it never covers the words it explains. Kept inside the viewport.
 * Placed above, the card is anchored by its bottom edge, so a card that grows (the reader opens "Read more")
 * grows away from the highlight.
 */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CardPlacement {
  side: 'below' | 'above';
  /** Distance from the viewport's top to the card's top (placed below). */
  top?: number;
  /** Distance from the viewport's bottom to the card's bottom (placed above). */
  bottom?: number;
  left: number;
  width: number;
  /** The most the card may grow to on its side. */
  maxHeight: number;
}

export const CARD_MARGIN = 8;
/** The widest the card gets; narrower windows get their width less the margins (a 360 px phone gets 344 px). */
export const CARD_WIDTH = 380;
/** The card's ceiling even on a tall window: long content scrolls inside it. */
export const CARD_MAX_HEIGHT = 600;

export function placeCard(
  anchor: Box,
  viewport: { width: number; height: number },
  natural: { height: number; width?: number },
  margin = CARD_MARGIN,
): CardPlacement {
  const { width: vw, height: vh } = viewport;
  const width = Math.max(0, Math.min(natural.width ?? CARD_WIDTH, vw - 2 * margin));
  const left = Math.round(Math.max(margin, Math.min(anchor.left, vw - width - margin)));
  // The room on each side of the highlight, inside the viewport; a highlight scrolled out of view leaves the
  // whole viewport on the side away from it.
  const below = Math.max(0, vh - Math.max(anchor.bottom, 0) - 2 * margin);
  const above = Math.max(0, Math.min(anchor.top, vh) - 2 * margin);
  const height = Math.min(natural.height, CARD_MAX_HEIGHT);
  const side = height <= below || (height > above && below >= above) ? 'below' : 'above';
  if (side === 'below') {
    return {
      side,
      top: Math.round(Math.max(anchor.bottom, 0) + margin),
      left,
      width,
      maxHeight: Math.floor(Math.min(below, CARD_MAX_HEIGHT)),
    };
  }
  return {
    side,
    bottom: Math.round(vh - Math.min(anchor.top, vh) + margin),
    left,
    width,
    maxHeight: Math.floor(Math.min(above, CARD_MAX_HEIGHT)),
  };
}

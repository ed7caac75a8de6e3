/**
 * Where the warning card goes: pure rectangle arithmetic, tested in Node.
 *
 * The card never covers what the person needs (`hard`: the editor's text, the site's send and cancel
 * controls, the other fields of the same form, other cards) and, if it can, not the rest of the
 * editor's box either (`soft`). It always stays inside the viewport. Spots are tried in the order a
 * reader expects (above the editor, below it, beside it, then the viewport's corners); the first
 * that covers nothing wins, else the one that covers least, hard boxes weighing far more.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Spot {
  left: number;
  top: number;
}

export interface PlaceInput {
  /** The editor's box (the card is placed in relation to it). */
  editor: Box;
  viewport: Size;
  /** What the card must not cover. */
  hard: Box[];
  /** What the card should not cover if there is any other room. */
  soft: Box[];
}

export interface Placement extends Spot {
  /** How much it covers: 0 when it covers nothing; hard overlaps count 1,000 times more. */
  cost: number;
}

/** Space kept between the card and the viewport's edges. */
export const EDGE = 4;
/** Space between the card and what it sits next to. */
export const GAP = 6;

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

export function boxAt(spot: Spot, size: Size): Box {
  return { left: spot.left, top: spot.top, right: spot.left + size.width, bottom: spot.top + size.height };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}

/** The spots worth trying for a card of `size`, each already moved inside the viewport. */
export function spots(input: PlaceInput, size: Size): Spot[] {
  const { editor: r, viewport: vp } = input;
  const all = [...input.hard, ...input.soft, r];
  const sameColumn = all.filter((b) => b.right > r.left && b.left < r.right);
  const sameRow = all.filter((b) => b.bottom > r.top && b.top < r.bottom);
  const lowest = Math.max(r.bottom, ...sameColumn.filter((b) => b.top >= r.top).map((b) => b.bottom));
  const highest = Math.min(r.top, ...sameColumn.filter((b) => b.bottom <= r.bottom).map((b) => b.top));
  const rightmost = Math.max(r.right, ...sameRow.map((b) => b.right));
  const leftmost = Math.min(r.left, ...sameRow.map((b) => b.left));
  const raw: Spot[] = [
    { top: r.top - GAP - size.height, left: r.left },
    { top: r.bottom + GAP, left: r.left },
    { top: lowest + GAP, left: r.left },
    { top: highest - GAP - size.height, left: r.left },
    { top: r.top, left: rightmost + GAP },
    { top: r.top, left: leftmost - GAP - size.width },
    { top: r.bottom - size.height, left: rightmost + GAP },
    { top: r.top - GAP - size.height, left: r.right - size.width },
    { top: lowest + GAP, left: r.right - size.width },
    { top: vp.height - EDGE - size.height, left: vp.width - EDGE - size.width },
    { top: EDGE, left: vp.width - EDGE - size.width },
    { top: vp.height - EDGE - size.height, left: EDGE },
    { top: EDGE, left: EDGE },
  ];
  return raw.map((s) => ({
    top: clamp(s.top, EDGE, vp.height - EDGE - size.height),
    left: clamp(s.left, EDGE, vp.width - EDGE - size.width),
  }));
}

export function cost(spot: Spot, size: Size, input: Pick<PlaceInput, 'hard' | 'soft'>): number {
  const card = boxAt(spot, size);
  let c = 0;
  for (const b of input.hard) c += 1000 * overlapArea(card, b);
  for (const b of input.soft) c += overlapArea(card, b);
  return c;
}

/** The first spot that covers nothing, else the one that covers least. */
export function place(input: PlaceInput, size: Size): Placement {
  let best: Placement | undefined;
  for (const s of spots(input, size)) {
    const c = cost(s, size, input);
    if (c === 0) return { ...s, cost: 0 };
    if (!best || c < best.cost) best = { ...s, cost: c };
  }
  return best!;
}

/** The part of `a` inside `b`, or undefined when they do not meet. */
export function intersect(a: Box, b: Box): Box | undefined {
  const out = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return out.right > out.left && out.bottom > out.top ? out : undefined;
}

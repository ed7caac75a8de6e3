/** lib/runtime/placement.ts: where the card goes, as rectangle arithmetic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxAt, cost, EDGE, overlapArea, place, type Box } from '../../../lib/runtime/placement';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const viewport = { width: 1280, height: 800 };
const card = { width: 400, height: 200 };

describe('where the card goes', () => {
  it('above the editor when there is room', () => {
    const editor = box(300, 400, 600, 80);
    const p = place({ editor, viewport, hard: [editor], soft: [] }, card);
    expect(p).toEqual({ left: 300, top: 400 - 6 - 200, cost: 0 });
  });

  it('below the editor and its send button when the top of the window is too close', () => {
    const editor = box(300, 60, 600, 80);
    const send = box(320, 146, 80, 32);
    const p = place({ editor, viewport, hard: [editor, send], soft: [] }, card);
    expect(p.cost).toBe(0);
    expect(p.top).toBeGreaterThanOrEqual(178);
  });

  it('beside a form that fills the height of the window, never over its fields', () => {
    const fields = [box(300, 20, 500, 40), box(300, 80, 500, 40), box(300, 140, 500, 40), box(300, 200, 500, 500), box(300, 720, 240, 40), box(560, 720, 240, 40)];
    const p = place({ editor: fields[1], viewport, hard: fields, soft: [] }, card);
    expect(p.cost).toBe(0);
    expect(p.left).toBeGreaterThanOrEqual(806);
  });

  it('the least covering spot when nothing is clear, hard boxes weighing more than soft ones', () => {
    const tiny = { width: 420, height: 300 };
    const editor = box(4, 4, 412, 292);
    const text = box(4, 4, 412, 40);
    const p = place({ editor, viewport: tiny, hard: [text], soft: [editor] }, { width: 412, height: 34 });
    expect(overlapArea(boxAt(p, { width: 412, height: 34 }), text)).toBe(0);
    expect(p.cost).toBeGreaterThan(0);
  });

  it('is always inside the viewport, whatever is on the page', () => {
    const rect = fc.record({ left: fc.integer({ min: -2000, max: 3000 }), top: fc.integer({ min: -2000, max: 3000 }), w: fc.integer({ min: 1, max: 2000 }), h: fc.integer({ min: 1, max: 3000 }) }).map((r) => box(r.left, r.top, r.w, r.h));
    fc.assert(
      fc.property(
        rect,
        fc.array(rect, { maxLength: 12 }),
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 1400 }),
        fc.integer({ min: 100, max: 420 }),
        fc.integer({ min: 20, max: 600 }),
        (editor, others, vw, vh, w, h) => {
          const size = { width: Math.min(w, vw - 2 * EDGE), height: Math.min(h, vh - 2 * EDGE) };
          const p = place({ editor, viewport: { width: vw, height: vh }, hard: others, soft: [editor] }, size);
          expect(p.left).toBeGreaterThanOrEqual(EDGE);
          expect(p.top).toBeGreaterThanOrEqual(EDGE);
          expect(p.left + size.width).toBeLessThanOrEqual(vw - EDGE);
          expect(p.top + size.height).toBeLessThanOrEqual(vh - EDGE);
          expect(p.cost).toBe(cost(p, size, { hard: others, soft: [editor] }));
        },
      ),
      { numRuns: 500 },
    );
  });
});

/**
 * Typing overhead: from a key going down to the frame in which the typed character is painted, on
 * the same practice page with and without the extension, keys alternating between the two browsers
 * so that load on the machine falls on both alike. Measured in the page: a page script notes the
 * keydown and, from the next animation frame, the moment after that frame is painted (a message
 * posted from requestAnimationFrame runs once the frame's style, layout and paint are done).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { openEditor, PAGES, sleep, stats, type Browser } from './launch';

export const KEYS_PER_PAGE = 240;
const NAME = 'Jack Smith was brilliant in my class today, ';
const FILLER = 'The class worked hard on fractions and then wrote stories about a day at the seaside. ';
const TYPED = 'so proud of everyone and their hard work this term ';

export function post(length: number): string {
  let text = NAME;
  while (text.length < length) text += FILLER;
  return text.slice(0, length);
}

/** Page script: note each keydown and the end of the frame that follows it. */
export async function notePaints(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __typedAt: number[]; __painted: number[] };
    w.__typedAt = [];
    w.__painted = [];
    addEventListener(
      'keydown',
      () => {
        const i = w.__typedAt.push(performance.now()) - 1;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (w.__painted[i] = performance.now());
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
}

async function ready(page: Page, name: string, length: number): Promise<void> {
  await openEditor(page, name);
  await page.keyboard.insertText(post(length));
  await sleep(800); // checked, card shown, worker warm
  await page.evaluate(() => {
    const w = window as unknown as { __typedAt: number[]; __painted: number[] };
    w.__typedAt = [];
    w.__painted = [];
  });
}

function samples(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __typedAt: number[]; __painted: number[] };
    return w.__typedAt.map((k, i) => (w.__painted[i] ?? NaN) - k).filter((x) => Number.isFinite(x));
  });
}

export interface TypingFigures {
  perPage: Record<string, Record<string, { with: ReturnType<typeof stats>; without: ReturnType<typeof stats> }>>;
  all: Record<string, { with: ReturnType<typeof stats>; without: ReturnType<typeof stats>; p50Ratio: number; p95Ratio: number }>;
}

export async function typingOverhead(withExt: Browser, without: Browser, lengths: Record<string, number>): Promise<TypingFigures> {
  const perPage: TypingFigures['perPage'] = {};
  const pooled: Record<string, { with: number[]; without: number[] }> = {};
  for (const name of PAGES) {
    perPage[name] = {};
    for (const [label, length] of Object.entries(lengths)) {
      const a = await withExt.context.newPage();
      const b = await without.context.newPage();
      await ready(a, name, length);
      await ready(b, name, length);
      for (let i = 0; i < KEYS_PER_PAGE; i++) {
        const key = TYPED[i % TYPED.length];
        // Alternate which browser goes first, so neither always types into a just-busy machine.
        for (const page of i % 2 ? [a, b] : [b, a]) {
          await page.keyboard.type(key);
          await sleep(35);
        }
      }
      await sleep(200);
      const w = await samples(a);
      const wo = await samples(b);
      perPage[name][label] = { with: stats(w), without: stats(wo) };
      pooled[label] ??= { with: [], without: [] };
      pooled[label].with.push(...w);
      pooled[label].without.push(...wo);
      await a.close();
      await b.close();
    }
  }
  const all: TypingFigures['all'] = {};
  for (const [label, p] of Object.entries(pooled)) {
    const w = stats(p.with);
    const wo = stats(p.without);
    all[label] = { with: w, without: wo, p50Ratio: Math.round((w.p50 / wo.p50) * 100) / 100, p95Ratio: Math.round((w.p95 / wo.p95) * 100) / 100 };
  }
  return { perPage, all };
}

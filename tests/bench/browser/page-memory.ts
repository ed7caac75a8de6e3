/**
 * A page's memory and its listeners and observers, before and after 500 route changes and 200
 * editors mounted and unmounted (half textareas, half contenteditables, each given a pupil's name so
 * a card is drawn), with and without the extension (the same-run baseline: the practice page's own
 * growth). Heap after a full collection; listeners from Chromium's DOM counters; the extension's live
 * observers from the bench build's probe (lib/runtime/bench-probe.ts).
 */
import type { CDPSession, Page } from '@playwright/test';
import { openPracticePage } from '../../e2e/fixtures/site-pages';
import { round, sleep, type Browser } from './launch';

export const ROUTE_CHANGES = 500;
export const EDITORS = 200;
const URL = 'https://www.facebook.com/';

interface Snapshot {
  heapBytes: number;
  listeners: number;
  nodes: number;
  observers?: number;
}

async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  await sleep(300);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const observers = await page.evaluate(async () => {
    performance.clearMarks('second-look:bench-counts');
    dispatchEvent(new CustomEvent('second-look-bench:count'));
    await new Promise((r) => setTimeout(r, 50));
    const mark = performance.getEntriesByName('second-look:bench-counts')[0] as PerformanceMark | undefined;
    return (mark?.detail as { observers?: number } | undefined)?.observers;
  });
  return { heapBytes: usedSize, listeners: counters.jsEventListeners, nodes: counters.nodes, observers };
}

/** Route changes the way a single-page app makes them (history.pushState), then back home. */
function changeRoutes(page: Page): Promise<void> {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      history.pushState({}, '', `/bench-route/${i}`);
      if (i % 10 === 9) await new Promise((r) => requestAnimationFrame(r));
    }
    history.pushState({}, '', '/');
  }, ROUTE_CHANGES);
}

/**
 * Editors mounted, focused, given a name (the extension checks it and draws a card) and unmounted.
 * Says how many got a card, and the extension's live observers while the last one was mounted (so a
 * count back at its start means they were torn down, not never made).
 */
function cycleEditors(page: Page, count: number): Promise<{ withCard: number; observersMounted?: number }> {
  return page.evaluate(async (n) => {
    let withCard = 0;
    let observersMounted: number | undefined;
    for (let i = 0; i < n; i++) {
      const since = performance.now();
      const textarea = i % 2 === 0;
      const el = textarea ? document.createElement('textarea') : document.createElement('div');
      if (!textarea) el.setAttribute('contenteditable', 'true');
      el.setAttribute('aria-label', 'Write a comment');
      el.style.cssText = 'position:fixed;left:40px;top:300px;width:400px;height:80px;';
      document.body.append(el);
      el.focus();
      if (textarea) (el as HTMLTextAreaElement).value = 'Well done Jack Smith';
      else el.textContent = 'Well done Jack Smith';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'h' }));
      await new Promise((r) => setTimeout(r, 40));
      if (performance.getEntriesByName('second-look:card-painted').some((e) => e.startTime >= since)) withCard++;
      if (i === n - 1) {
        performance.clearMarks('second-look:bench-counts');
        dispatchEvent(new CustomEvent('second-look-bench:count'));
        const mark = performance.getEntriesByName('second-look:bench-counts')[0] as PerformanceMark | undefined;
        observersMounted = (mark?.detail as { observers?: number } | undefined)?.observers;
      }
      el.blur();
      el.remove();
      await new Promise((r) => requestAnimationFrame(r));
      if (i % 20 === 19) performance.clearMarks('second-look:card-painted');
    }
    return { withCard, observersMounted };
  }, count);
}

export interface MemoryFigures {
  with: { before: Snapshot; after: Snapshot };
  without: { before: Snapshot; after: Snapshot };
  heapGrowthMb: number;
  baselineGrowthMb: number;
  listenersDelta: number;
  baselineListenersDelta: number;
  observersDelta: number | null;
  /** Of the editors mounted, how many the extension drew a card for (with it), and its observers with one mounted. */
  cycled: { withCard: number; observersMounted?: number };
}

async function run(browser: Browser): Promise<{ before: Snapshot; after: Snapshot; cycled: { withCard: number; observersMounted?: number } }> {
  const page = await browser.context.newPage();
  await openPracticePage(page, URL);
  const cdp = await browser.context.newCDPSession(page);
  // Warm up: the first editor and route change create what lives as long as the page.
  await changeRoutes(page);
  await cycleEditors(page, 6);
  const before = await snapshot(page, cdp);
  await changeRoutes(page);
  const cycled = await cycleEditors(page, EDITORS);
  const after = await snapshot(page, cdp);
  await page.close();
  return { before, after, cycled };
}

export async function pageMemory(withExt: Browser, without: Browser): Promise<MemoryFigures> {
  const w = await run(withExt);
  const wo = await run(without);
  const mb = (b: number) => round(b / 2 ** 20, 2);
  return {
    with: { before: w.before, after: w.after },
    without: { before: wo.before, after: wo.after },
    cycled: w.cycled,
    heapGrowthMb: mb(w.after.heapBytes - w.before.heapBytes),
    baselineGrowthMb: mb(wo.after.heapBytes - wo.before.heapBytes),
    listenersDelta: w.after.listeners - w.before.listeners,
    baselineListenersDelta: wo.after.listeners - wo.before.listeners,
    observersDelta: w.after.observers !== undefined && w.before.observers !== undefined ? w.after.observers - w.before.observers : null,
  };
}

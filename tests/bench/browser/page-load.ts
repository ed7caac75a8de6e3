/**
 * Page load: the main-thread time the content script takes while a practice page loads (V8's
 * sampling profiler, samples with the extension's code on the stack), its longest unbroken stretch,
 * and the page's long tasks (> 50 ms) with and without the extension. The profiler is started on the
 * page's own origin and the page reloaded, so the renderer that loads it is the one being profiled.
 */
import type { Page } from '@playwright/test';
import { extensionMs, startProfile, stopProfile } from './cpu-profile';
import { PAGES, round, sleep, surface, type Browser } from './launch';
import { openPracticePage } from '../../e2e/fixtures/site-pages';

export const LOADS_PER_PAGE = 8;

async function noteLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
}

async function load(browser: Browser, url: string): Promise<{ ms: number; longestMs: number; longTasks: number[] }> {
  const page = await browser.context.newPage();
  await noteLongTasks(page);
  await openPracticePage(page, url);
  const cdp = await browser.context.newCDPSession(page);
  await startProfile(cdp);
  await page.reload();
  await page.waitForFunction(() => window.__fixture?.ready === true);
  await sleep(1000);
  const profile = await stopProfile(cdp);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await page.close();
  const { total, longestRun } = extensionMs(profile);
  return { ms: total, longestMs: longestRun, longTasks };
}

export interface PageLoadFigures {
  perPage: Record<string, { extensionMs: number; longestExtensionMs: number; longTasksWith: number; longTasksWithout: number; longestTaskWithMs: number; longestTaskWithoutMs: number }>;
  worstExtensionMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function pageLoad(withExt: Browser, without: Browser): Promise<PageLoadFigures> {
  const perPage: PageLoadFigures['perPage'] = {};
  for (const name of PAGES) {
    const url = surface(name).url;
    const w: Awaited<ReturnType<typeof load>>[] = [];
    const wo: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < LOADS_PER_PAGE; i++) {
      w.push(await load(withExt, url));
      wo.push(await load(without, url));
    }
    perPage[name] = {
      extensionMs: round(median(w.map((x) => x.ms))),
      longestExtensionMs: round(Math.max(...w.map((x) => x.longestMs))),
      longTasksWith: Math.max(...w.map((x) => x.longTasks.length)),
      longTasksWithout: Math.max(...wo.map((x) => x.longTasks.length)),
      longestTaskWithMs: round(Math.max(0, ...w.flatMap((x) => x.longTasks))),
      longestTaskWithoutMs: round(Math.max(0, ...wo.flatMap((x) => x.longTasks))),
    };
  }
  return { perPage, worstExtensionMs: Math.max(...Object.values(perPage).map((p) => p.extensionMs)) };
}

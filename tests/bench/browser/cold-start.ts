/**
 * Cold start: the service worker is stopped (as Chrome does after 30 s idle), then a pupil's name
 * arrives in one input (typed fast, pasted or completed): from that input to the painted card. The
 * same with the worker running is the same-run baseline. Also the worker's heap with that roster.
 */
import type { Page } from '@playwright/test';
import { openEditor, round, sleep, stats, surface, workerCdp, type Browser } from './launch';

export const COLD_STARTS = 15;
const PAGE = 'facebook comment';

async function clearAndSettle(page: Page): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await sleep(250);
}

/** Put the name in with one input event and wait for the card painted after it. */
async function nameToCard(page: Page): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.insertText('Jack Smith');
  const painted = await page.waitForFunction(
    (after) => {
      const input = (window as unknown as { __inputAt?: number }).__inputAt ?? 0;
      const paint = performance.getEntriesByName('second-look:card-painted').find((e) => e.startTime >= Math.max(after, input));
      return paint && input >= after ? paint.startTime - input : undefined;
    },
    t0,
    { timeout: 10_000, polling: 5 },
  );
  return (await painted.jsonValue()) as number;
}

export interface ColdStartFigures {
  cold: ReturnType<typeof stats>;
  warm: ReturnType<typeof stats>;
  workerHeapMb: number;
}

export async function coldStart(browser: Browser): Promise<ColdStartFigures> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => addEventListener('beforeinput', () => ((window as unknown as { __inputAt: number }).__inputAt = performance.now()), { capture: true }));
  await openEditor(page, PAGE);
  await page.keyboard.insertText('Good morning to ');
  await sleep(500);
  const cdp = await browser.context.newCDPSession(page);
  let version = '';
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const v = e.versions.find((x) => x.scriptURL.startsWith('chrome-extension://'));
    if (v) ({ versionId: version, runningStatus: status } = v);
  });
  await cdp.send('ServiceWorker.enable');
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    await clearAndSettle(page);
    warm.push(await nameToCard(page));
  }
  // The worker's heap with this roster, after a collection, while it is warm.
  const w = await workerCdp(browser);
  await w.send('HeapProfiler.collectGarbage');
  const { usedSize } = await w.send<{ usedSize: number }>('Runtime.getHeapUsage');
  w.close();
  for (let i = 0; i < COLD_STARTS; i++) {
    await clearAndSettle(page);
    await cdp.send('ServiceWorker.stopWorker', { versionId: version });
    for (let j = 0; j < 100 && status !== 'stopped'; j++) await sleep(20);
    await sleep(100);
    cold.push(await nameToCard(page));
    await clearAndSettle(page);
    warm.push(await nameToCard(page));
  }
  await page.locator(surface(PAGE).editor).first().blur();
  await page.close();
  return { cold: stats(cold), warm: stats(warm), workerHeapMb: round(usedSize / 2 ** 20, 1) };
}

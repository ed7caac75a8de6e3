/**
 * Long posts: per-keystroke CPU time on the page's main thread (the extension's code only) and in
 * the worker, with a 500- and a 10,000-character post in the box. Both from V8's sampling profiler
 * over the same keystrokes; the check's round trip (sent to answer back, in the page) as well.
 */
import { extensionMs, busyMs, startProfile, stopProfile } from './cpu-profile';
import { openEditor, PAGES, round, sleep, stats, surface, workerCdp, type Browser } from './launch';
import { post } from './typing';

export const LONG_KEYS = 40;
const TYPED = 'and the whole class sang together ';

export interface LongPostFigures {
  perPage: Record<string, Record<string, { chars: number; mainMsPerKey: number; workerMsPerKey: number; roundTripMs: ReturnType<typeof stats> }>>;
  /** Summed over the pages, per keystroke. */
  all: Record<string, { mainMsPerKey: number; workerMsPerKey: number }>;
}

export async function longPosts(browser: Browser, sizes: number[]): Promise<LongPostFigures> {
  const perPage: LongPostFigures['perPage'] = {};
  const sums: Record<string, { main: number; worker: number; keys: number }> = {};
  for (const name of PAGES) {
    perPage[name] = {};
    for (const size of sizes) {
      const page = await browser.context.newPage();
      await openEditor(page, name);
      await page.keyboard.insertText(post(size));
      await sleep(1500);
      const chars = await page.locator(surface(name).editor).first().evaluate((el) => ((el as HTMLTextAreaElement).value ?? el.textContent ?? '').length);
      await page.evaluate(() => performance.clearMarks());
      const pageCdp = await browser.context.newCDPSession(page);
      const worker = await workerCdp(browser);
      await startProfile(pageCdp);
      await startProfile(worker);
      for (let i = 0; i < LONG_KEYS; i++) {
        await page.keyboard.type(TYPED[i % TYPED.length]);
        await sleep(60);
      }
      await sleep(500);
      const main = extensionMs(await stopProfile(pageCdp)).total;
      const work = busyMs(await stopProfile(worker));
      worker.close();
      const trips = await page.evaluate(() => {
        const sent = performance.getEntriesByName('second-look:check-sent').map((e) => e.startTime);
        const back = performance.getEntriesByName('second-look:check-back').map((e) => e.startTime);
        return sent.map((s) => (back.find((b) => b >= s) ?? NaN) - s).filter((x) => Number.isFinite(x));
      });
      perPage[name][String(size)] = { chars, mainMsPerKey: round(main / LONG_KEYS, 3), workerMsPerKey: round(work / LONG_KEYS, 3), roundTripMs: stats(trips) };
      const s = (sums[String(size)] ??= { main: 0, worker: 0, keys: 0 });
      s.main += main;
      s.worker += work;
      s.keys += LONG_KEYS;
      await page.close();
    }
  }
  const all = Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, { mainMsPerKey: round(s.main / s.keys, 3), workerMsPerKey: round(s.worker / s.keys, 3) }]));
  return { perPage, all };
}

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
  /** Median ms from the input to each step of the way to the card, on a cold worker (STEPS). */
  steps: Record<string, number>;
  /** Stops after which the worker compiled the policy again instead of reading its index back. */
  compiledAgain: number;
}

/**
 * The steps of a cold check, in order, as the bench build marks them: in the page (p) and in the
 * worker (w). Each is read as ms after the input, on one clock (each side's timeOrigin).
 */
const STEPS = [
  ['p', 'second-look:check-sent', 'check sent'],
  ['w', 'origin', 'worker started'],
  ['w', 'second-look:worker-main', 'worker script run'],
  ['w', 'second-look:request-received', 'request received'],
  ['w', 'second-look:exceptions-read', 'exceptions read'],
  ['w', 'second-look:policy-read', 'policy read'],
  ['w', 'second-look:policy-digest', 'policy digest'],
  ['w', 'second-look:compiled-read', 'index read'],
  ['w', 'second-look:compiled-again', 'compiled (not restored)'],
  ['w', 'second-look:engine-built', 'engine in place'],
  ['w', 'second-look:engine-ready', 'engine ready'],
  ['w', 'second-look:request-answered', 'answered'],
  ['p', 'second-look:check-back', 'answer in page'],
  ['p', 'second-look:card-painted', 'card painted'],
] as const;

interface Marks {
  origin: number;
  marks: [string, number][];
}

const MARKS_SCRIPT = `JSON.stringify({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) })`;

/** Each step's ms after the input of the check that just painted its card (the worker's first life since the stop). */
async function coldSteps(page: Page, browser: Browser): Promise<Record<string, number>> {
  const inPage = (await page.evaluate(MARKS_SCRIPT)) as string;
  const p = JSON.parse(inPage) as Marks;
  const w = await workerCdp(browser);
  const { result } = await w.send<{ result: { value: string } }>('Runtime.evaluate', { expression: MARKS_SCRIPT, returnByValue: true });
  w.close();
  const worker = JSON.parse(result.value) as Marks;
  const inputAt = (await page.evaluate(() => (window as unknown as { __inputAt: number }).__inputAt)) as number;
  const out: Record<string, number> = {};
  for (const [side, name, label] of STEPS) {
    const marks = side === 'p' ? p : worker;
    const at = name === 'origin' ? 0 : marks.marks.find(([n, t]) => n === name && (side === 'w' || t >= inputAt))?.[1];
    if (at !== undefined) out[label] = round(marks.origin + at - (p.origin + inputAt), 1);
  }
  return out;
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
  const steps: Record<string, number>[] = [];
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
    steps.push(await coldSteps(page, browser));
    await clearAndSettle(page);
    warm.push(await nameToCard(page));
  }
  await page.locator(surface(PAGE).editor).first().blur();
  await page.close();
  const median = (label: string) => stats(steps.map((s) => s[label]).filter((x) => x !== undefined)).p50;
  const byStep = Object.fromEntries(STEPS.map(([, , label]) => [label, median(label)]).filter(([, v]) => Number.isFinite(v)));
  return { cold: stats(cold), warm: stats(warm), workerHeapMb: round(usedSize / 2 ** 20, 1), steps: byStep, compiledAgain: steps.filter((s) => 'compiled (not restored)' in s).length };
}

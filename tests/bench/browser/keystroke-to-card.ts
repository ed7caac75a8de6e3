/**
 * Keystroke to painted card: a page script records when each key goes down, and the bench build marks
 * the frame in which the card is painted. For every keystroke typed after the warning first appears,
 * the latency is the time from the key going down to the next painted card. The page script also
 * notes the first frame after each key (the frame the typed character itself is painted in), so the
 * bench can say how many frames the card lags behind the text.
 */
import { openEditor, PAGES, sleep, type Browser } from './launch';

const TEXT = 'Jack Smith was brilliant in my class today, so proud of everyone in Year 6 and their hard work this term!';

export async function noteKeys(browser: Browser): Promise<void> {
  await browser.context.addInitScript(() => {
    const w = window as unknown as { __keys: number[]; __frames: number[] };
    w.__keys = [];
    w.__frames = [];
    addEventListener(
      'keydown',
      () => {
        const i = w.__keys.push(performance.now()) - 1;
        requestAnimationFrame(() => (w.__frames[i] = performance.now()));
      },
      { capture: true },
    );
  });
}

export async function keystrokeToCard(browser: Browser): Promise<{ perPage: Record<string, number[]>; all: number[]; lag: number[] }> {
  const perPage: Record<string, number[]> = {};
  const lag: number[] = [];
  for (const name of PAGES) {
    const page = await browser.context.newPage();
    await openEditor(page, name);
    await sleep(300); // the worker is awake and the policy compiled
    await page.keyboard.type(TEXT, { delay: 40 });
    await sleep(300);
    // A string, so the bundler's helpers never end up in the page.
    const { samples, framesBehind } = (await page.evaluate(`(() => {
      const keys = window.__keys;
      const frames = window.__frames;
      const paints = performance.getEntriesByName('second-look:card-painted').map((e) => e.startTime);
      const samples = [];
      const framesBehind = [];
      if (!paints.length) return { samples, framesBehind };
      keys.forEach((k, i) => {
        if (k < paints[0]) return; // before the warning first appeared
        const p = paints.find((t) => t >= k);
        if (p === undefined) return;
        samples.push(p - k);
        if (frames[i] !== undefined) framesBehind.push(Math.max(0, Math.round((p - frames[i]) / (1000 / 60))));
      });
      return { samples, framesBehind };
    })()`)) as { samples: number[]; framesBehind: number[] };
    lag.push(...framesBehind);
    perPage[name] = samples;
    await page.close();
  }
  return { perPage, all: Object.values(perPage).flat(), lag };
}

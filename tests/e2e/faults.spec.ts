/**
 * Faults (issue 16): the extension reloaded mid-post, its worker killed mid-check, pages served with
 * Facebook's and Instagram's kind of security headers, managed policy changing fast, storage full,
 * and DOM churn around an editor. In each, the practice page and its editor keep working, and
 * nothing goes wrong in the page (uncaught errors, console errors, policy violations).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, getServiceWorker, launchWithExtension, makeUserDataDir, removeDir, test } from './fixtures/extension';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { watchProblems, type PageProblems } from './fixtures/page-problems';
import { setPersonalPolicy } from './fixtures/policy';
import { PEOPLE } from '../fixtures/sites/shared/people';
import { actions, CONTACT_SURFACES, modelText, openPracticePage, openSurface, routeSitePages, submitted, type ServeOptions, SURFACES, type SurfaceSpec } from './fixtures/site-pages';
import { callOn, cdpFor, clickCardButton, closedShadowRoots, readBadges, readCards, readLayout, waitForCardText as cardText } from './fixtures/warning-card';

const SCHOOL = {
  schoolName: 'Wrenfield Junior School',
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
  mode: 'warn',
};

const surface = (name: string) => SURFACES.find((s) => s.name === name)!;

interface Opened {
  page: Page;
  spec: SurfaceSpec;
  problems: PageProblems;
}

async function open(context: BrowserContext, name: string, policy: Record<string, unknown> = SCHOOL, serve: ServeOptions = {}): Promise<Opened> {
  await routeSitePages(context, serve);
  await setPersonalPolicy(context, policy);
  const page = await context.newPage();
  const problems = await watchProblems(page);
  const spec = surface(name);
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
  return { page, spec, problems };
}

/** Reloads the extension from its own worker, as an update does, and waits for the new worker. */
async function reloadExtension(context: BrowserContext): Promise<void> {
  const old = await getServiceWorker(context);
  const restarted = context.waitForEvent('serviceworker', { timeout: 10_000 });
  await old.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker dies mid-call
  await restarted;
}

/** The page's handles on our shadow hosts (the elements whose closed shadow roots hold the cards). */
async function ourHosts(cdp: CDPSession): Promise<string[]> {
  const hosts: string[] = [];
  for (const id of await closedShadowRoots(cdp)) {
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId: id, functionDeclaration: 'function () { return this.host; }' })) as { result: { objectId: string } };
    hosts.push(result.objectId);
  }
  return hosts;
}

test.describe('the extension reloaded or updated while someone is typing', () => {
  test('the old script takes its card away quietly, typing and sending work, and the new one warns at once', async ({ context }) => {
    const { page, spec, problems } = await open(context, 'facebook comment');
    await page.keyboard.type('Well done Jack Smith');
    expect(await cardText(page)).toContain('names a pupil');
    const cdp = await cdpFor(page);
    const [oldHost] = await ourHosts(cdp);
    expect(oldHost).toBeTruthy();

    // Reloaded mid-word: every keystroke lands in the editor.
    await Promise.all([page.keyboard.type(' and the whole class', { delay: 40 }), reloadExtension(context)]);
    expect(await modelText(page, spec.editor)).toBe('Well done Jack Smith and the whole class');
    // The old script's card, highlights and host are gone from the page…
    await expect.poll(() => callOn<boolean>(cdp, oldHost, 'function () { return this.isConnected; }')).toBe(false);
    // …and the new script, injected into the open tab, warns about what is already there: one card.
    await expect.poll(async () => (await readCards(page)).text).toContain('“Jack Smith” names a pupil');
    expect((await readCards(page)).roles).toEqual(['region']);
    await cdp.detach();

    // Sending works (warn mode), and the next post is checked by the new script.
    await page.keyboard.press('Enter');
    await expect.poll(() => submitted(page)).toEqual([{ surface: 'comment', text: 'Well done Jack Smith and the whole class' }]);
    await expect.poll(async () => (await readCards(page)).text).toBe('');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.locator(spec.editor).first().click();
    await page.keyboard.type('Olivia Brown was brilliant');
    expect(await cardText(page)).toContain('“Olivia Brown” names a pupil');
    expect(await problems.list()).toEqual([]);
  });

  test('switched off mid-post: its card goes at once, and typing and sending carry on without it', async ({ context, extensionId }) => {
    const { page, spec, problems } = await open(context, 'facebook comment');
    await page.keyboard.type('Well done Jack Smith');
    expect(await cardText(page)).toContain('names a pupil');
    const cdp = await cdpFor(page);
    const [oldHost] = await ourHosts(cdp);
    // Switched off where IT or the person would: chrome://extensions.
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate((id) => chrome.management.setEnabled(id, false), extensionId);
    await extensions.close();
    await page.bringToFront();
    // At once: its line to the worker closed, before any keystroke.
    await expect.poll(() => callOn<boolean>(cdp, oldHost, 'function () { return this.isConnected; }')).toBe(false);
    await cdp.detach();
    await page.keyboard.type(' and the whole class', { delay: 40 });
    expect(await modelText(page, spec.editor)).toBe('Well done Jack Smith and the whole class');
    await page.keyboard.press('Enter');
    await expect.poll(() => submitted(page)).toEqual([{ surface: 'comment', text: 'Well done Jack Smith and the whole class' }]);
    expect((await readCards(page)).text).toBe('');
    expect(await problems.list()).toEqual([]);
  });
});

test.describe('the worker killed in the middle of a check', () => {
  test('typing is unaffected and the next keystroke gets an answer', async ({ context }) => {
    const { page, spec, problems } = await open(context, 'facebook comment');
    await page.keyboard.type('Hello ');
    await page.waitForTimeout(300);
    const worker = await getServiceWorker(context);
    // Keep the worker busy so the next checks wait in its queue, then stop it with them in flight.
    await worker.evaluate(() => void setTimeout(() => { const end = Date.now() + 3_000; while (Date.now() < end); }, 0));
    await page.keyboard.type('Jack Smit', { delay: 20 });
    await stopServiceWorker(page);
    expect(await modelText(page, spec.editor)).toBe('Hello Jack Smit');
    await page.keyboard.type('h');
    expect(await cardText(page)).toContain('“Jack Smith” names a pupil');
    expect(await modelText(page, spec.editor)).toBe('Hello Jack Smith');
    expect(await problems.list()).toEqual([]);
  });

  test('a send waiting for its check is still held when the worker stops before answering', async ({ context }) => {
    const { page, problems } = await open(context, 'facebook comment', { ...SCHOOL, mode: 'confirm' });
    await page.keyboard.type('Hello ');
    await page.waitForTimeout(300);
    const worker = await getServiceWorker(context);
    await worker.evaluate(() => void setTimeout(() => { const end = Date.now() + 3_000; while (Date.now() < end); }, 0));
    await page.keyboard.type('Jack Smith');
    await page.keyboard.press('Enter'); // its check is still on the way: the send waits for it
    await stopServiceWorker(page);
    // The question is asked again of the new worker, and the answer holds the send.
    await expect.poll(async () => (await readCards(page)).roles, { timeout: 10_000 }).toContain('alertdialog');
    expect(await submitted(page)).toEqual([]);
    await clickCardButton(page, 'Comment anyway');
    await expect.poll(() => submitted(page)).toEqual([{ surface: 'comment', text: 'Hello Jack Smith' }]);
    expect(await problems.list()).toEqual([]);
  });

  test('a pupil’s Confirm clicked while its question is on the way is still held when the worker stops', async ({ context }) => {
    const requests = CONTACT_SURFACES.find((c) => c.name === 'facebook friend requests')!;
    const pupil = PEOPLE[0];
    await routeSitePages(context);
    await setPersonalPolicy(context, SCHOOL); // Jack Smith is a pupil; the request is from “Jack Smith ⚽”
    const worker = await getServiceWorker(context);
    await worker.evaluate(() => void setTimeout(() => { const end = Date.now() + 4_000; while (Date.now() < end); }, 0));
    const page = await context.newPage();
    const problems = await watchProblems(page);
    await openPracticePage(page, requests.url as string);
    await page.locator(requests.row).filter({ hasText: pupil.name }).first().locator(requests.control).first().click();
    await stopServiceWorker(page);
    await expect.poll(async () => (await readCards(page)).roles, { timeout: 15_000 }).toEqual(['alertdialog']);
    expect(await actions(page), 'nothing accepted while the answer was lost with the worker').toEqual([]);
    expect(await problems.list()).toEqual([]);
  });
});

/** Stops the extension's service worker, as Chrome does when it has been idle (DevTools protocol). */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await cdpFor(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) throw new Error('no extension service worker running');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * The kind of headers Facebook and Instagram send, made stricter: scripts and styles only with the
 * page's nonce, nothing else loaded, and Trusted Types required for every script sink; the same
 * again as report-only, so a violation shows even where enforcing would hide it.
 */
const NONCE = 'pr4ctice';
const STRICT_CSP = [
  "default-src 'self'",
  `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
  `style-src 'self' 'nonce-${NONCE}'`,
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');
const STRICT_HEADERS: ServeOptions = {
  headers: { 'content-security-policy': STRICT_CSP, 'content-security-policy-report-only': STRICT_CSP },
  transform: (html) => html.replace(/^<(script|style)\b/gm, `<$1 nonce="${NONCE}"`),
};

test.describe('pages with a strict Content Security Policy and Trusted Types', () => {
  for (const name of ['facebook comment', 'instagram comment']) {
    test(`${name}: no violation, and the card, its highlights and Send anyway all work`, async ({ context }) => {
      const { page, spec, problems } = await open(context, name, { ...SCHOOL, mode: 'confirm' }, STRICT_HEADERS);
      await page.keyboard.type('Well done Jack Smith');
      expect(await cardText(page)).toContain('“Jack Smith” names a pupil');
      expect((await readCards(page)).marks.length).toBeGreaterThan(0);
      // Held in confirm mode, then sent once with "Comment anyway".
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await readCards(page)).roles).toContain('alertdialog');
      expect(await submitted(page)).toEqual([]);
      await clickCardButton(page, 'Comment anyway');
      await expect.poll(() => submitted(page)).toEqual([{ surface: 'comment', text: 'Well done Jack Smith' }]);
      expect(await modelText(page, spec.editor)).toBe('');
      expect(await problems.list()).toEqual([]);
    });
  }
});

/** Fills extension storage to its quota from the worker; answers what storage says to one more write. */
async function fillStorage(context: BrowserContext): Promise<string> {
  const worker = await getServiceWorker(context);
  return worker.evaluate(async () => {
    const area = chrome.storage.local;
    const room = (area as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES - (await area.getBytesInUse(null)) - 'filler'.length - 2 - 4;
    await area.set({ filler: 'x'.repeat(room) });
    return area.set({ probe: '0123456789'.repeat(10) }).then(() => 'written', (e: Error) => e.message);
  });
}

test.describe('extension storage full', () => {
  test('the counts fail quietly and the warnings still appear, are dismissed and held', async ({ context }) => {
    const { page, spec, problems } = await open(context, 'facebook comment', { ...SCHOOL, mode: 'confirm' });
    expect(await fillStorage(context)).toMatch(/quota/i);
    await page.keyboard.type('Well done Jack Smith');
    expect(await cardText(page)).toContain('“Jack Smith” names a pupil'); // counted as shown: fails
    await clickCardButton(page, 'Dismiss this warning for this text'); // counted as dismissed: fails
    expect(await cardText(page, false)).toBe('');
    await page.keyboard.type(' and Olivia Brown');
    expect(await cardText(page)).toContain('“Olivia Brown” names a pupil');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readCards(page)).roles).toContain('alertdialog');
    await clickCardButton(page, 'Comment anyway'); // counted as posted anyway: fails
    await expect.poll(() => submitted(page)).toEqual([{ surface: 'comment', text: 'Well done Jack Smith and Olivia Brown' }]);
    expect(await modelText(page, spec.editor)).toBe('');
    await page.waitForTimeout(300);
    const worker = await getServiceWorker(context);
    expect(await worker.evaluate(() => chrome.storage.local.get('counts'))).toEqual({});
    expect(await problems.list()).toEqual([]);
  });
});

test.describe('fifty managed-policy changes in ten seconds', () => {
  test.skip(!IS_ROOT, NEEDS_ROOT);
  const file = managedPolicyFile('second-look-e2e-faults.json');
  test.afterEach(() => file.remove());
  // Each change names another pupil; only the last names Zebedee Quartermaine.
  const policyNo = (i: number, last: boolean) => ({
    ...SCHOOL,
    pupils: [{ name: 'Jack Smith' }, { name: last ? 'Zebedee Quartermaine' : `Pupil Number${String.fromCharCode(97 + (i % 26))}` }],
    mode: i % 2 ? 'confirm' : 'warn',
  });

  test('the last one is in force, nothing crashes, and no “This isn’t a pupil” answer given meanwhile is lost', async () => {
    file.write(policyNo(0, false));
    const userDataDir = makeUserDataDir();
    const context = await launchWithExtension({ userDataDir });
    try {
      await routeSitePages(context);
      const worker = await getServiceWorker(context);
      const managedIs = (i: number) =>
        expect.poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('policyState')) as { policyState?: { source: string; policy: { mode?: string } } }).policyState), { timeout: 15_000 }).toMatchObject({ source: 'managed', policy: { mode: policyNo(i, false).mode } });
      await managedIs(0);
      const page = await context.newPage();
      const problems = await watchProblems(page);
      const spec = surface('facebook comment');
      await openSurface(page, spec);
      await worker.evaluate(() => {
        const g = globalThis as unknown as { managedChanges: number; statesWritten: number };
        g.managedChanges = g.statesWritten = 0;
        chrome.storage.onChanged.addListener((changes, area) => {
          if (area === 'managed') g.managedChanges++;
          if (area === 'local' && 'policyState' in changes) g.statesWritten++;
        });
      });
      // IT's changes, read by Chrome as they come (chrome://policy's "Reload policies", which does not wait for the file to settle).
      const policyPage = await context.newPage();
      await policyPage.goto('chrome://policy');
      const changes = (async () => {
        for (let i = 1; i <= 50; i++) {
          file.write(policyNo(i, i === 50));
          await policyPage.locator('#reload-policies').click();
          await policyPage.waitForTimeout(200);
        }
      })();
      // Meanwhile: five posts, each naming Jack Smith, each answered "This isn’t a pupil" and sent.
      const answered: string[] = [];
      const answers = (async () => {
        for (let n = 1; n <= 5; n++) {
          const sentence = `Jack Smith scored ${n} goals for the county on Saturday`;
          await page.locator(spec.editor).first().click();
          await page.keyboard.type(sentence);
          await expect.poll(async () => (await readCards(page)).buttons).toContain('This isn’t a pupil');
          await clickCardButton(page, 'This isn’t a pupil');
          answered.push(sentence);
          await expect.poll(async () => (await readCards(page)).text).toBe('');
          await page.keyboard.press('Enter');
          await expect.poll(async () => (await submitted(page)).length).toBe(n);
        }
      })();
      await Promise.all([changes, answers]);
      await managedIs(50);
      const seen = await worker.evaluate(() => {
        const { managedChanges, statesWritten } = globalThis as unknown as { managedChanges: number; statesWritten: number };
        return { managedChanges, statesWritten };
      });
      console.log(`Chrome passed on ${seen.managedChanges} managed changes; the worker wrote ${seen.statesWritten} policy states`);
      // Chrome passed (nearly) every change on, and the worker put each in force.
      expect(seen.managedChanges).toBeGreaterThanOrEqual(45);
      expect(seen.statesWritten).toBeGreaterThanOrEqual(seen.managedChanges);
      const state = await worker.evaluate(async () => chrome.storage.local.get(['policyState', 'exceptions']));
      expect((state.policyState as { policy: { pupils: { name: string }[] } }).policy.pupils).toEqual([{ name: 'Jack Smith' }, { name: 'Zebedee Quartermaine' }]);
      expect(state.exceptions as unknown[]).toHaveLength(5);
      // In a fresh page: the answered sentences stay quiet, the last policy's pupil warns.
      const again = await context.newPage();
      await openSurface(again, spec);
      await again.locator(spec.editor).first().click();
      await again.keyboard.type(answered[4]);
      await again.waitForTimeout(500);
      expect((await readCards(again)).text).toBe('');
      await again.keyboard.type('. Zebedee Quartermaine too');
      expect(await cardText(again)).toContain('“Zebedee Quartermaine” names a pupil');
      expect(await problems.list()).toEqual([]);
    } finally {
      await context.close();
      removeDir(userDataDir);
    }
  });
});

/** How often each of the content script's named methods ran since the last call (V8's precise coverage). */
async function callCounts(cdp: CDPSession, names: readonly string[]): Promise<Record<string, number>> {
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
  const counts = Object.fromEntries(names.map((n) => [n, 0]));
  for (const script of result.filter((r) => r.url.startsWith('chrome-extension://') && r.url.includes('/content-scripts/'))) {
    for (const f of script.functions) if (f.functionName in counts) counts[f.functionName] += f.ranges[0]?.count ?? 0;
  }
  return counts;
}

test.describe('random DOM churn around an editor', () => {
  test('for ten seconds: the observer’s work stays within one pass per frame, and the card follows the editor', async ({ context }) => {
    const { page, spec, problems } = await open(context, 'x home post');
    await page.keyboard.type('Well done Jack Smith');
    expect(await cardText(page)).toContain('names a pupil');
    const cdp = await cdpFor(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    // sweep: once per observer batch. position (cards, badges), scan (requests, own profile): the
    // per-frame or slower passes over the page that a batch may ask for.
    const METHODS = ['sweep', 'positionAll', 'position', 'scan'] as const;
    await callCounts(cdp, METHODS); // from zero

    // Churn: zones above the page (moving everything down and up), beside the composer, and after
    // the page; each task adds, moves and removes nodes in them. Tasks run several times a frame.
    await page.locator(spec.editor).first().evaluate((editor) => {
      const w = window as unknown as { churn: { paused: boolean; stop: boolean; tasks: number; mutations: number; frames: number } };
      const churn = (w.churn = { paused: false, stop: false, tasks: 0, mutations: 0, frames: 0 });
      let seed = 16;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const zone = () => Object.assign(document.createElement('div'), { className: 'churn-zone' });
      const top = zone();
      const beside = zone();
      const bottom = zone();
      document.body.prepend(top);
      let near: Element = editor;
      for (let i = 0; i < 3 && near.parentElement; i++) near = near.parentElement;
      near.before(beside);
      document.body.append(bottom);
      editor.scrollIntoView({ block: 'center' });
      const zones = [top, beside, bottom];
      const pick = <T,>(list: ArrayLike<T>): T => list[Math.floor(random() * list.length)];
      const frame = () => {
        churn.frames++;
        if (!churn.stop) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const task = () => {
        if (churn.stop) return;
        if (!churn.paused) {
          churn.tasks++;
          for (let i = 0; i < 6; i++, churn.mutations++) {
            const z = pick(zones);
            const r = random();
            // Each zone stays a few short lines, so the editor moves but stays in view.
            if (z.children.length > 4) z.firstElementChild!.remove();
            else if (r < 0.4 || !z.children.length) {
              const el = document.createElement(random() < 0.5 ? 'div' : 'p');
              el.style.height = `${Math.floor(random() * 30)}px`;
              el.append(document.createElement('span'), 'churn');
              z.append(el);
            } else if (r < 0.7) pick(zones).insertBefore(pick(z.children), null);
            else pick(z.children).remove();
          }
        }
        setTimeout(task, 0);
      };
      task();
    });
    const editorBox = async () => (await page.locator(spec.editor).first().boundingBox())!;
    const samples: { editorY: number; gap: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(2_000);
      // Hold the churn still for a moment and look: the card is next to the editor, wherever it is now.
      await page.evaluate(() => ((window as unknown as { churn: { paused: boolean } }).churn.paused = true));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const e = await editorBox();
      const [card] = (await readLayout(page)).cards;
      expect(card, `a card is showing beside the editor at ${JSON.stringify(e)}`).toBeTruthy();
      const gap = card.y >= e.y + e.height ? card.y - (e.y + e.height) : e.y - (card.y + card.height);
      expect(gap, `card ${JSON.stringify(card)} beside editor ${JSON.stringify(e)}`).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(24);
      expect(card.x < e.x + e.width && e.x < card.x + card.width, 'the card overlaps the editor’s width').toBe(true);
      samples.push({ editorY: e.y, gap });
      await page.evaluate(() => ((window as unknown as { churn: { paused: boolean } }).churn.paused = false));
    }
    const churn = await page.evaluate(() => {
      const c = (window as unknown as { churn: { stop: boolean; tasks: number; mutations: number; frames: number } }).churn;
      c.stop = true;
      return { tasks: c.tasks, mutations: c.mutations, frames: c.frames };
    });
    const calls = await callCounts(cdp, METHODS);
    console.log('churn', JSON.stringify(churn), 'calls', JSON.stringify(calls), 'editor at', samples.map((s) => Math.round(s.editorY)).join(', '));
    // The editor did move, and the card went with it.
    expect(new Set(samples.map((s) => Math.round(s.editorY))).size).toBeGreaterThan(1);
    // At most one observer batch per churn task (plus a few of the card's own), and every pass over
    // the page at most once per frame, however many mutations there were.
    expect(calls.sweep).toBeLessThanOrEqual(churn.tasks + 20);
    const layers = 2; // the card's overlay and the request badges' layer: each placed once a frame
    expect(calls.position).toBeLessThanOrEqual(layers * (churn.frames + 10));
    expect(calls.scan).toBeLessThanOrEqual(churn.frames + 10);
    expect(churn.mutations).toBeGreaterThan(5 * churn.frames);
    // The page still works: the text is intact and the comment goes.
    expect(await modelText(page, spec.editor)).toBe('Well done Jack Smith');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => submitted(page)).toEqual([{ surface: 'post', text: 'Well done Jack Smith' }]);
    await cdp.detach();
    expect(await problems.list()).toEqual([]);
  });
});

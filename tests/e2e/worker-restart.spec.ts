/**
 * Chrome stops an idle extension worker; the next check has to start it again. After the worker is
 * stopped (through the DevTools protocol, as Chrome does when idle), typing a pupil's name still
 * gets its card, and a pupil's Confirm clicked while the worker starts is still held. The woken
 * worker reads its compiled roster back from storage.session rather than compiling it again.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { PEOPLE, type FixturePerson } from '../fixtures/sites/shared/people';
import { expect, extensionIdOf, getServiceWorker, test } from './fixtures/extension';
import { setPersonalPolicy } from './fixtures/policy';
import { actions, CONTACT_SURFACES, openPracticePage, openSurface, routeSitePages, SURFACES } from './fixtures/site-pages';
import { readBadges, readCards } from './fixtures/warning-card';

const [PUPIL] = PEOPLE as [FixturePerson];
const SCHOOL = {
  schoolName: 'Wrenfield Junior School',
  pupils: [{ name: 'Jack Smith' }, { name: 'Zebedee Quartermaine' }],
  formerPupils: [{ name: 'Amy Brown' }],
  mode: 'warn',
};

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the extension's worker as Chrome does when it is idle, and waits until it has stopped. The
 * DevTools session is opened on the extension's manifest (a page that runs nothing, so it does not
 * wake the worker again).
 */
async function stopWorker(context: BrowserContext): Promise<void> {
  const id = extensionIdOf(await getServiceWorker(context));
  const devtools = await context.newPage();
  await devtools.goto(`chrome-extension://${id}/manifest.json`);
  const cdp = await context.newCDPSession(devtools);
  const ours = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${id}/`)) ours.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...ours.values()].some((v) => v.runningStatus === 'running')).toBe(true);
  for (const v of ours.values()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await expect.poll(() => [...ours.values()].every((v) => v.runningStatus === 'stopped')).toBe(true);
  await cdp.detach();
  await devtools.close();
}

/** The worker running now, once it has started again: a fresh one carries none of the old one's globals. */
async function markWorker(context: BrowserContext): Promise<void> {
  await (await getServiceWorker(context)).evaluate(() => void ((globalThis as { beforeStop?: boolean }).beforeStop = true));
}
async function freshWorkerRunning(context: BrowserContext): Promise<boolean> {
  for (const w of context.serviceWorkers()) {
    try {
      if (w.url().startsWith('chrome-extension://') && (await w.evaluate(() => !(globalThis as { beforeStop?: boolean }).beforeStop))) return true;
    } catch {
      // the stopped worker's handle
    }
  }
  return false;
}

async function waitForCardText(page: Page): Promise<string> {
  await expect.poll(async () => (await readCards(page)).text, { timeout: 10_000 }).not.toBe('');
  return (await readCards(page)).text;
}

test('typing a pupil’s name after the worker was stopped still gets the card, from the stored compile', async ({ context }) => {
  const spec = SURFACES.find((s) => s.name.startsWith('x'))!;
  await routeSitePages(context);
  await setPersonalPolicy(context, SCHOOL);
  const page = await context.newPage();
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
  await page.keyboard.type('Lovely walk by the river with Jack Smith');
  expect(await waitForCardText(page)).toContain('“Jack Smith” names a pupil at your school.');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await readCards(page)).text).toBe('');

  // The compiled policy is in session storage for the woken worker to read back. A name the policy
  // does not hold is put into that stored index by hand: its card shows the index was read back, not
  // compiled again (the policy comes back from Chrome's storage with its keys sorted: same policy).
  const worker = await getServiceWorker(context);
  const stored = await worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
  expect(stored).toContain('compiledPolicy');
  await worker.evaluate(async () => {
    const { compiledPolicy: entry } = (await chrome.storage.session.get('compiledPolicy')) as { compiledPolicy: { compiled: { names: { full: string; words: string } } } };
    entry.compiled.names.full += '\nophelia quixote 1';
    entry.compiled.names.words += ' ophelia quixote';
    await chrome.storage.session.set({ compiledPolicy: entry });
  });
  // A classic worker script, not a module: Chrome keeps a classic worker's compiled code between starts.
  expect(await worker.evaluate(() => (chrome.runtime.getManifest().background as { type?: string }).type)).toBeUndefined();

  await markWorker(context);
  await stopWorker(context);
  await page.keyboard.type('Well done Zebedee Quartermaine');
  expect(await waitForCardText(page)).toContain('“Zebedee Quartermaine” names a pupil at your school.');
  expect(await freshWorkerRunning(context)).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await readCards(page)).text).toBe('');
  await page.keyboard.type('Lovely to see Ophelia Quixote');
  expect(await waitForCardText(page)).toContain('“Ophelia Quixote” names a pupil at your school.');
});

test('a pupil’s Confirm clicked while a stopped worker starts again is held', async ({ context }) => {
  const spec = CONTACT_SURFACES.find((s) => s.name === 'facebook friend requests')!;
  await routeSitePages(context);
  await setPersonalPolicy(context, SCHOOL);
  const page = await context.newPage();
  await openPracticePage(page, spec.url as string);
  await expect.poll(async () => (await readBadges(page)).length).toBe(2);

  await markWorker(context);
  await stopWorker(context);
  // A fresh page knows no verdicts: its content script has to ask the stopped worker, and the
  // click comes before the answer.
  await page.reload();
  const confirm = page.locator(spec.row).filter({ hasText: PUPIL.name }).first().locator(spec.control).first();
  await confirm.click();
  await expect.poll(async () => (await readCards(page)).roles).toEqual(['alertdialog']);
  expect((await readCards(page)).text).toMatch(/matches the name of a pupil on your school’s roster/);
  expect(await actions(page)).toEqual([]);
  expect(await freshWorkerRunning(context)).toBe(true);
});

/**
 * Firefox runs the background as an event page, and suspends it when idle even while a page keeps a
 * port open to it. Warnings must keep coming: the page's line to the engine wakes it again, and the
 * engine takes the policy from storage as it was left.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../lib/extension-identity';
import { waitForCard } from './support/card';
import { setPersonalPolicy } from './support/extension';
import { launchFirefox, waitUntil, type FirefoxSession } from './support/firefox';
import { openSurface, SURFACES } from './support/practice-pages';

let ff: FirefoxSession;
beforeAll(async () => {
  // Firefox's default is 30 s; a short idle time makes the suspension happen within the test.
  ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 2_000 } });
  await setPersonalPolicy(ff, { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }], mode: 'warn' });
});
afterAll(() => ff?.close());

/** "running", "suspending" or "stopped": what Firefox's extension host says of the event page. */
function backgroundState(): Promise<string> {
  return ff.inChrome(`(() => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    return String(ExtensionParent.GlobalManager.getExtension(${JSON.stringify(FIREFOX_EXTENSION_ID)})?.backgroundState);
  })()`);
}

it('warnings keep coming after the event page has been suspended with the page’s port open', async () => {
  const page = await ff.newPage();
  try {
    const spec = SURFACES.find((s) => s.name === 'x home post')!;
    await openSurface(page, spec);
    await page.keyboard.type('Well done Jack Smith');
    expect((await waitForCard(page)).text).toContain('“Jack Smith” names a pupil');

    await waitUntil('Firefox to suspend the idle event page', async () => (await backgroundState()) === 'stopped', 30_000, 250);
    await page.keyboard.type(' and Olivia Brown');
    const card = await waitForCard(page);
    await waitUntil('the warning on the new name', async () => (await waitForCard(page)).text.includes('Olivia Brown'), 10_000);
    expect(card.text).toContain('names a pupil');
    expect(await backgroundState()).toBe('running');

    // And again after a second suspension, with the name taken out: the warning on Jack Smith stays.
    await waitUntil('a second suspension', async () => (await backgroundState()) === 'stopped', 30_000, 250);
    for (let i = 0; i < ' and Olivia Brown'.length; i++) await page.keyboard.press('Backspace');
    await waitUntil('the warning to drop Olivia Brown', async () => {
      const text = (await waitForCard(page)).text;
      return text.includes('Jack Smith') && !text.includes('Olivia Brown');
    }, 10_000);
  } finally {
    await page.close();
  }
});

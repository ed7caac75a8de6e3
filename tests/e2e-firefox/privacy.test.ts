/**
 * The privacy promises in real Firefox, on one compose box per site: the extension makes no network
 * request (every HTTP channel Firefox opens is watched, from any process, with who asked for it),
 * stores nothing that was typed, and leaves nothing the page can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../lib/extension-identity';
import { waitForCard } from './support/card';
import { everythingStored, setPersonalPolicy } from './support/extension';
import { EXTENSION_ORIGIN, launchFirefox, waitUntil, type FirefoxSession, type SeenRequest } from './support/firefox';
import { SITE_ORIGINS } from '../e2e/fixtures/site-pages';
import { openSurface, SURFACES } from './support/practice-pages';
import { revealed, whatThePageSees } from '../support/in-page';

const SCHOOL = {
  // Names the practice pages never show, so the page can be searched for them.
  schoolName: 'Wrenfield Junior School',
  staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }, { name: 'Zebedee Quartermaine' }],
  mode: 'warn',
};
const PRACTICE_ORIGINS = Object.values(SITE_ORIGINS).flat();

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
  await setPersonalPolicy(ff, SCHOOL);
});
afterAll(() => ff?.close());

const byExtension = (r: SeenRequest) => r.addonId === FIREFOX_EXTENSION_ID || r.by.startsWith('moz-extension:');

it('the request watch sees what the extension’s background asks for (control)', async () => {
  await ff.clearRequests();
  await ff.inExtension(async () => {
    const background = (await browser.runtime.getBackgroundPage()) as Window;
    await background.fetch('http://127.0.0.1:59999/control').catch(() => undefined);
  });
  await waitUntil('the control request to be seen', async () => (await ff.requests()).some((r) => r.url === 'http://127.0.0.1:59999/control'));
  const control = (await ff.requests()).find((r) => r.url === 'http://127.0.0.1:59999/control')!;
  expect(byExtension(control)).toBe(true);
  expect(control.by).toBe(EXTENSION_ORIGIN);
});

describe('no request, nothing typed stored, nothing the page can read', () => {
  for (const name of ['facebook comment', 'x home post', 'instagram comment', 'tiktok comment']) {
    it(name, async () => {
      await ff.clearRequests();
      const page = await ff.newPage();
      try {
        await openSurface(page, SURFACES.find((s) => s.name === name)!);
        const typed = 'Quokka marmalade with Jack Smith and 07400 123456';
        await page.keyboard.type(typed);
        expect((await waitForCard(page)).text).toContain('names a pupil');

        // The page's own scripts look everywhere they can reach.
        const seen = await page.evaluate(whatThePageSees);
        expect(revealed(seen, ['names a pupil', 'Olivia', 'Zebedee', 'Quartermaine', 'Wrenfield', 'Policy:'])).toEqual([]);
        expect(seen.highlights, 'the CSS highlight registry is readable by the page, so it is not used').toBe(0);

        const stored = await everythingStored(ff);
        for (const word of ['Quokka', 'marmalade', '07400', typed]) expect(stored, `storage holds typed text "${word}"`).not.toContain(word);

        const requests = await ff.requests();
        expect(requests.filter(byExtension), 'requests made by the extension').toEqual([]);
        // Apart from Firefox's own, only the practice page itself was fetched: nobody else asked for anything.
        const others = requests.filter((r) => r.by !== 'system' && !PRACTICE_ORIGINS.includes(r.by));
        expect(others, 'requests by anyone but Firefox and the page').toEqual([]);
        const fromSites = requests.filter((r) => PRACTICE_ORIGINS.some((o) => r.url.startsWith(`${o}/`)));
        expect(fromSites.map((r) => r.url)).toEqual([SURFACES.find((s) => s.name === name)!.url]);
      } finally {
        await page.close();
      }
    });
  }
});

/**
 * The popup and the options page in real Firefox, with the person's own settings in force: the popup,
 * opened over a practice page, says Second Look is on there and which settings are in force; the
 * options page shows the same and the settings themselves, ready to change. (With the school's
 * settings: managed-policy.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fieldByLabel, openOptions, openPopup, setPersonalPolicy, waitForText } from './support/extension';
import { EXTENSION_ORIGIN, launchFirefox, waitUntil, type FirefoxSession } from './support/firefox';
import { mustFind, openPracticePage } from './support/practice-pages';

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(() => ff?.close());

it('before any set-up, the popup says so and offers to set Second Look up', async () => {
  const popup = await openPopup(ff);
  const text = await waitForText(popup, 'Not set up yet');
  expect(text).toContain('Set up Second Look');
  await popup.close();
});

it('with the person’s own settings: the popup over Facebook says it is on and which settings are in force; the options page shows them', async () => {
  await setPersonalPolicy(ff, { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }], mode: 'confirm' });
  const site = await ff.newPage();
  await openPracticePage(site, 'https://www.facebook.com/');
  const popup = await openPopup(ff, { over: site });
  const text = await waitForText(popup, 'Your own settings');
  expect(text).toContain('On for Facebook');
  expect(text, 'the restart note is for the school’s settings only').not.toContain('restart');

  const options = await openOptions(ff);
  await waitForText(options, 'Your own settings');
  expect(await fieldByLabel(options, 'School name')).toMatchObject({ value: 'Oakfield Primary School', locked: false });
  for (const page of [site, popup, options]) await page.close();
});

it('the popup’s settings button opens the options page in a tab (runtime.openOptionsPage)', async () => {
  const popup = await openPopup(ff);
  const url = `${EXTENSION_ORIGIN}/options.html`;
  expect(await ff.tabTexts(url)).toEqual([]);
  await (await mustFind(popup, 'button:has-text("Open settings")')).click();
  await waitUntil('the options page to open', async () => (await ff.tabTexts(url)).some((t) => t.includes('Second Look settings') && t.includes('Your own settings')));
});

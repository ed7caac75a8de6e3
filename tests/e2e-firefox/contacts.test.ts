/**
 * pupil-contact in real Firefox, on Facebook's friend requests: a pupil's request gets a badge and a
 * former pupil's a caution; Confirm for the pupil is held until the person chooses, Cancel does
 * nothing, and "Accept anyway" goes through exactly once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PEOPLE, type FixturePerson } from '../fixtures/sites/shared/people';
import { clickCardButton, readBadges, readCards } from './support/card';
import { setPersonalPolicy } from './support/extension';
import { launchFirefox, waitUntil, type FirefoxSession } from './support/firefox';
import { actions, CONTACT_SURFACES, contactControl, contactRow, openPracticePage } from './support/practice-pages';

const [PUPIL, FORMER] = PEOPLE as [FixturePerson, FixturePerson];
const SPEC = CONTACT_SURFACES.find((s) => s.name === 'facebook friend requests')!;

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
  // Warn mode: contact with a pupil is held all the same.
  await setPersonalPolicy(ff, { schoolName: 'Wrenfield Junior School', pupils: [{ name: 'Jack Smith' }], formerPupils: [{ name: 'Amy Brown' }], mode: 'warn' });
});
afterAll(() => ff?.close());

const roles = async (page: Parameters<typeof readCards>[0]) => (await readCards(page)).roles;

it('a pupil’s friend request is badged and its Confirm held: Cancel does nothing, “Accept anyway” goes through once', async () => {
  const page = await ff.newPage();
  try {
    await openPracticePage(page, SPEC.url as string);
    await waitUntil('two badges', async () => (await readBadges(page)).length === 2);
    // Each badge sits on its person's row.
    const badges = await readBadges(page);
    for (const [person, text] of [[PUPIL, '⚠ Pupil at your school'], [FORMER, '⚠ Former pupil']] as const) {
      const box = (await (await contactRow(page, SPEC, person)).boundingBox())!;
      expect(badges.find((b) => b.y >= box.y && b.y <= box.y + box.height)?.text, person.name).toBe(text);
    }

    await (await contactControl(page, SPEC, PUPIL)).click();
    await waitUntil('the prompt', async () => (await roles(page)).includes('alertdialog'), 5_000);
    expect((await readCards(page)).text).toMatch(/matches the name of a pupil on your school’s roster\./);
    expect(await actions(page)).toEqual([]);

    await clickCardButton(page, 'Cancel');
    await waitUntil('the prompt to close', async () => (await roles(page)).length === 0, 5_000);
    expect(await actions(page)).toEqual([]);

    await (await contactControl(page, SPEC, PUPIL)).click();
    await waitUntil('the prompt again', async () => (await roles(page)).includes('alertdialog'), 5_000);
    await clickCardButton(page, 'Accept anyway');
    await waitUntil('the request to be accepted', async () => (await actions(page)).length > 0, 5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await actions(page)).toEqual([`accept:${PUPIL.handle}`]);

    // A former pupil is only cautioned: nothing is held.
    await (await contactControl(page, SPEC, FORMER)).click();
    await waitUntil('the former pupil to be accepted', async () => (await actions(page)).length === 2, 5_000);
    expect(await roles(page)).toEqual([]);
  } finally {
    await page.close();
  }
});

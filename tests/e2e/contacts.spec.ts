/**
 * pupil-contact on every contact surface of the practice pages: friend, follow and message requests,
 * other people's profiles, the chat list. A request from a pupil gets a badge and its Confirm/Accept
 * is held until the person chooses; a former pupil gets a caution and nothing is held; a first name
 * alone or a stranger gets nothing. On a pupil's profile: a quiet banner, and Add friend / Follow /
 * Message are held. Plus the promises: no network, nothing stored, nothing the page can read.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { PEOPLE, type FixturePerson } from '../fixtures/sites/shared/people';
import { expect, getServiceWorker, test } from './fixtures/extension';
import { actions, CONTACT_SURFACES, openPracticePage, routeSitePages, type ContactSpec } from './fixtures/site-pages';
import { setPersonalPolicy } from './fixtures/policy';
import { clickCardButton, readBadges, readCards } from './fixtures/warning-card';

const [PUPIL, FORMER, FIRST_ONLY, STRANGER] = PEOPLE as [FixturePerson, FixturePerson, FixturePerson, FixturePerson];
const SCHOOL = {
  // Names the practice pages never show, so the privacy checks can look for them.
  schoolName: 'Wrenfield Junior School',
  pupils: [{ name: 'Jack Smith' }, { name: 'Zebedee Quartermaine' }],
  formerPupils: [{ name: 'Amy Brown' }],
  // Warn mode: contact with a pupil is held all the same (a click gives no time to read a warning).
  mode: 'warn',
};
const ANYWAY: Record<ContactSpec['does'], string> = {
  accept: 'Accept anyway',
  'add-friend': 'Add friend anyway',
  follow: 'Follow anyway',
  'open-chat': 'Open the chat anyway',
};

async function open(context: BrowserContext, spec: ContactSpec, person: FixturePerson = PUPIL): Promise<Page> {
  await routeSitePages(context);
  await setPersonalPolicy(context, SCHOOL);
  const page = await context.newPage();
  await openPracticePage(page, typeof spec.url === 'string' ? spec.url : spec.url(person.handle));
  return page;
}

function rowOf(page: Page, spec: ContactSpec, person: FixturePerson): Locator {
  return spec.kind === 'profile' ? page.locator(spec.row).first() : page.locator(spec.row).filter({ hasText: person.name }).first();
}

function controlOf(page: Page, spec: ContactSpec, person: FixturePerson): Locator {
  const row = rowOf(page, spec, person);
  return spec.control === ':scope' ? row : row.locator(spec.control).first();
}

async function roles(page: Page): Promise<string[]> {
  return (await readCards(page)).roles;
}

/** Which person's row each badge sits beside (by the row's vertical extent). */
async function badgesByPerson(page: Page, spec: ContactSpec): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const badge of await readBadges(page)) {
    for (const person of PEOPLE) {
      const box = await rowOf(page, spec, person).boundingBox();
      if (box && badge.y >= box.y && badge.y <= box.y + box.height) out[person.handle] = badge.text;
    }
  }
  return out;
}

for (const spec of CONTACT_SURFACES.filter((s) => s.kind !== 'profile')) {
  test.describe(spec.name, () => {
    test('a pupil gets a badge, a former pupil a caution; a first name alone or a stranger nothing', async ({ context }) => {
      const page = await open(context, spec);
      await expect.poll(async () => (await readBadges(page)).length).toBe(2);
      expect(await badgesByPerson(page, spec)).toEqual({
        [PUPIL.handle]: '⚠ Pupil at your school',
        [FORMER.handle]: '⚠ Former pupil',
      });
    });

    test(`${spec.does} for a pupil waits for the person: Cancel does nothing, “anyway” goes through once`, async ({ context }) => {
      const page = await open(context, spec);
      await expect.poll(async () => (await readBadges(page)).length).toBe(2);
      await controlOf(page, spec, PUPIL).click();
      await expect.poll(() => roles(page)).toEqual(['alertdialog']);
      const text = (await readCards(page)).text;
      // The part of the row that matched is quoted (X shows the handle in the same element as the name).
      expect(text).toMatch(/“(Jack Smith ⚽|Jack Smith ⚽ @jack_smith07|jack_smith07)” matches the name of a pupil on your school’s roster\./);
      expect(text).toMatch(/must not be friends with, follow or message pupils/);
      expect(await actions(page)).toEqual([]);

      await clickCardButton(page, 'Cancel');
      await expect.poll(() => roles(page)).toEqual([]);
      expect(await actions(page)).toEqual([]);

      await controlOf(page, spec, PUPIL).click();
      await expect.poll(() => roles(page)).toEqual(['alertdialog']);
      await clickCardButton(page, ANYWAY[spec.does]);
      await expect.poll(() => actions(page)).toEqual([`${spec.does}:${PUPIL.handle}`]);
      expect(await roles(page)).toEqual([]);
    });

    test('a former pupil, a first name alone and a stranger go straight through', async ({ context }) => {
      const page = await open(context, spec);
      await expect.poll(async () => (await readBadges(page)).length).toBe(2);
      for (const person of [FORMER, FIRST_ONLY, STRANGER]) {
        await controlOf(page, spec, person).click();
        await expect.poll(() => actions(page)).toContain(`${spec.does}:${person.handle}`);
        expect(await roles(page)).toEqual([]);
      }
    });

    test('from the keyboard: Enter is held with Cancel focused, and Escape goes back to the control', async ({ context }) => {
      const page = await open(context, spec);
      await expect.poll(async () => (await readBadges(page)).length).toBe(2);
      const control = controlOf(page, spec, PUPIL);
      await control.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => roles(page)).toEqual(['alertdialog']);
      // A second Enter lands on the focused Cancel, never on "anyway".
      await page.keyboard.press('Enter');
      await expect.poll(() => roles(page)).toEqual([]);
      expect(await actions(page)).toEqual([]);
      await expect(control).toBeFocused();

      await page.keyboard.press('Enter');
      await expect.poll(() => roles(page)).toEqual(['alertdialog']);
      await page.keyboard.press('Escape');
      await expect.poll(() => roles(page)).toEqual([]);
      await expect(control).toBeFocused();
      expect(await actions(page)).toEqual([]);
    });
  });
}

for (const spec of CONTACT_SURFACES.filter((s) => s.kind === 'profile')) {
  test.describe(spec.name, () => {
    test(`a pupil’s profile: a quiet banner; ${spec.does} and Message are held`, async ({ context }) => {
      const page = await open(context, spec, PUPIL);
      await expect.poll(async () => (await readCards(page)).text).toContain('This profile looks like that of a pupil at your school.');
      expect(await roles(page)).toEqual(['status']);
      // One line beside the name; "Why?" opens the policy.
      expect((await readCards(page)).text).not.toContain('must not be friends with');
      await clickCardButton(page, 'Why?');
      await expect.poll(async () => (await readCards(page)).text).toContain('must not be friends with, follow or message pupils');

      await controlOf(page, spec, PUPIL).click();
      await expect.poll(() => roles(page)).toContain('alertdialog');
      await clickCardButton(page, 'Cancel');
      await expect.poll(() => roles(page)).toEqual(['status']);

      await rowOf(page, spec, PUPIL).locator(spec.message!).first().click();
      await expect.poll(async () => (await readCards(page)).text).toContain('You are about to message someone who looks like a pupil at your school.');
      await clickCardButton(page, 'Message anyway');
      await expect.poll(() => actions(page)).toEqual([`message:${PUPIL.handle}`]);

      await controlOf(page, spec, PUPIL).click();
      await expect.poll(() => roles(page)).toContain('alertdialog');
      await clickCardButton(page, ANYWAY[spec.does]);
      await expect.poll(() => actions(page)).toEqual([`message:${PUPIL.handle}`, `${spec.does}:${PUPIL.handle}`]);

      await clickCardButton(page, 'Hide this note');
      await expect.poll(() => roles(page)).toEqual([]);
    });

    test('a former pupil’s profile: a caution, nothing held', async ({ context }) => {
      const page = await open(context, spec, FORMER);
      await expect.poll(async () => (await readCards(page)).text).toContain('This profile looks like that of a former pupil of your school.');
      await controlOf(page, spec, FORMER).click();
      await expect.poll(() => actions(page)).toEqual([`${spec.does}:${FORMER.handle}`]);
      expect(await roles(page)).toEqual(['status']);
    });

    for (const person of [FIRST_ONLY, STRANGER]) {
      test(`${person === STRANGER ? 'a stranger' : 'a first name alone'}: no banner, nothing held`, async ({ context }) => {
        const page = await open(context, spec, person);
        await controlOf(page, spec, person).click();
        await expect.poll(() => actions(page)).toEqual([`${spec.does}:${person.handle}`]);
        expect(await roles(page)).toEqual([]);
        expect(await readBadges(page)).toEqual([]);
      });
    }
  });
}

test('x: on a pupil’s profile, “Who to follow” suggestions are other people and are not held', async ({ context }) => {
  const spec = CONTACT_SURFACES.find((s) => s.name === 'x profile')!;
  const page = await open(context, spec, PUPIL);
  await expect.poll(async () => (await readCards(page)).text).toContain('a pupil at your school');
  // The profile's own "Who to follow" box; every page's sidebar has one too (as on X).
  await page.locator('[data-testid="primaryColumn"] [data-testid="UserCell"] [data-testid$="-follow"]').click();
  await expect.poll(() => actions(page)).toEqual([`follow:${STRANGER.handle}`]);
  expect(await roles(page)).toEqual(['status']);
});

test('“This isn’t a pupil” on a request is remembered and the badge goes', async ({ context }) => {
  const spec = CONTACT_SURFACES.find((s) => s.name === 'facebook friend requests')!;
  const page = await open(context, spec);
  await expect.poll(async () => (await readBadges(page)).length).toBe(2);
  await controlOf(page, spec, PUPIL).click();
  await expect.poll(() => roles(page)).toEqual(['alertdialog']);
  await clickCardButton(page, 'This isn’t a pupil');
  await expect.poll(async () => Object.keys(await badgesByPerson(page, spec))).toEqual([FORMER.handle]);
  await controlOf(page, spec, PUPIL).click();
  await expect.poll(() => actions(page)).toEqual([`accept:${PUPIL.handle}`]);
  const worker = await getServiceWorker(context);
  const stored = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get('exceptions')));
  expect(stored).toContain('pupil-contact');
  expect(stored).not.toMatch(/jack|smith/i);
});

test.describe('privacy on contact surfaces', () => {
  for (const name of ['facebook friend requests', 'x profile', 'instagram follow requests', 'tiktok chat list']) {
    test(`${name}: no network request, nothing stored, nothing the page can read`, async ({ context, extensionId }) => {
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      const spec = CONTACT_SURFACES.find((s) => s.name === name)!;
      const page = await open(context, spec, PUPIL);
      await expect.poll(async () => (await readBadges(page)).length + (await roles(page)).length).toBeGreaterThan(0);
      await controlOf(page, spec, PUPIL).click();
      await expect.poll(() => roles(page)).toContain('alertdialog');

      const seen = await page.evaluate(() => {
        const attrs = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`)).join(' ');
        const openShadowText = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.textContent ?? '').join(' ');
        return { html: document.documentElement.outerHTML, attrs, openShadowText, storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) };
      });
      for (const secret of ['Pupil at your school', 'Former pupil', 'matches the name', 'Zebedee', 'Quartermaine', 'Wrenfield', 'Policy:']) {
        expect(seen.html, `page HTML reveals "${secret}"`).not.toContain(secret);
        expect(seen.attrs).not.toContain(secret);
        expect(seen.openShadowText).not.toContain(secret);
        expect(seen.storage).not.toContain(secret);
      }
      const worker = await getServiceWorker(context);
      const stored = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
      for (const word of ['Jack Smith ⚽', 'jack_smith07', 'Amy Brown 🌸', 'amybrown', 'Priya']) expect(stored, `storage holds "${word}"`).not.toContain(word);

      const allowed = (u: string) => u.startsWith(`chrome-extension://${extensionId}/`) || u.startsWith('data:');
      const fromPage = requests.filter((u) => !allowed(u));
      expect(fromPage, 'only the practice page itself was fetched').toHaveLength(1);
    });
  }
});

/**
 * "Photos and the school day" on the options page, in real Chromium with the built extension: a
 * mistake in a field is shown next to it and nothing is saved; the school's site, once saved, is what a
 * photo from its grounds is measured against on a practice page; settings the school pushes are shown,
 * marked, and cannot be changed.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, makeUserDataDir, removeDir, test, workerEvaluator } from './fixtures/extension';
import { openOptions } from './fixtures/extension-pages';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { attach, ON_GROUNDS, photo, PHOTO_SCHOOL, SCHOOL_DAY_TIME } from './fixtures/photos';
import { setPersonalPolicy } from './fixtures/policy';
import { openSurface, routeSitePages, SURFACES } from './fixtures/site-pages';
import { readCards } from './fixtures/warning-card';

function storedPolicy(context: BrowserContext): Promise<Record<string, unknown> | undefined> {
  return workerEvaluator(context)(async () => (await chrome.storage.local.get('personalPolicy')).personalPolicy) as Promise<Record<string, unknown> | undefined>;
}

/** The options page on "What to check", with the photo section unfolded. */
async function photoSection(context: BrowserContext): Promise<Page> {
  const options = await openOptions(context);
  await options.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /^What to check/ }).click();
  await expect(options.locator('#step-heading')).toContainText('What to check');
  await options.locator('#photo-settings > summary').click();
  await expect(options.getByRole('heading', { name: 'Photos and the school day' })).toBeVisible();
  return options;
}

test('a mistake is shown next to its field and nothing is saved; the saved site is what a photo from the grounds is measured against', async ({ context }) => {
  test.setTimeout(120_000);
  const { schoolSites: _sites, ...withoutSites } = PHOTO_SCHOOL;
  await setPersonalPolicy(context, withoutSites);
  const options = await photoSection(context);
  const sites = options.getByLabel('School sites, one a line');
  const save = options.getByRole('button', { name: 'Save photo settings' });

  // A latitude out of range, and a school day that ends before it starts.
  await sites.fill("St Example's: 151.50238, -0.13462");
  await options.getByLabel('Starts').fill('16:00');
  await options.getByLabel('Ends').fill('08:00');
  await save.click();
  await expect(options.locator('#photo-save-status')).toContainText('Not saved: 2 things need fixing first, shown next to each field.');
  await expect(options.locator('#photo-sites-errors')).toHaveText('Line 1: A latitude is between -90 and 90 (degrees north; the UK is about 50 to 59).');
  await expect(sites).toHaveAttribute('aria-describedby', /photo-sites-errors/);
  await expect(options.locator('#photo-hours-errors')).toContainText('The school day must end after it starts.');
  expect(await storedPolicy(context)).toEqual(withoutSites);

  await sites.fill("St Example's: 51.50238, -0.13462");
  await options.getByLabel('Starts').fill('08:30');
  await options.getByLabel('Ends').fill('15:30');
  await save.click();
  await expect(options.locator('#photo-save-status')).toContainText('Saved. Photos and the school day are checked with these settings from now on.');
  await expect(options.locator('#photo-sites-errors')).toHaveCount(0);
  const saved = await storedPolicy(context);
  expect(saved?.schoolSites).toEqual([{ name: "St Example's", lat: 51.50238, lon: -0.13462 }]);
  // The rest of the person's settings are as they were.
  expect(saved).toMatchObject(withoutSites);

  // A photo taken about 80 m from that site, attached on a practice page.
  await routeSitePages(context);
  const page = await context.newPage();
  const spec = SURFACES.find((s) => s.name === 'x home post')!;
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
  await page.keyboard.type('What a lovely afternoon');
  await attach(page, '[data-testid="primaryColumn"] input[data-testid="fileInput"]', await photo(page, 'grounds', { ...ON_GROUNDS, ...SCHOOL_DAY_TIME }));
  await expect
    .poll(async () => (await readCards(page)).text, { timeout: 60_000 })
    .toContain("It was taken about 80 m from St Example's, according to its location data."); // the site, by the name given to it
});

test('with "Check photos and videos I attach" off, what to look at cannot be chosen, and it is saved off', async ({ context }) => {
  await setPersonalPolicy(context, PHOTO_SCHOOL);
  const options = await photoSection(context);
  await expect(options.getByLabel('Text in it')).toBeEnabled();
  await options.getByLabel('Check photos and videos I attach').uncheck();
  await expect(options.getByLabel('Text in it')).toBeDisabled();
  await expect(options.getByLabel('Where it was taken')).toBeDisabled();
  await options.getByRole('button', { name: 'Save photo settings' }).click();
  await expect(options.locator('#photo-save-status')).toContainText('Saved.');
  const saved = await storedPolicy(context);
  expect((saved?.rules as Record<string, { enabled?: boolean }> | undefined)?.['school-photo']?.enabled).toBe(false);
});

test.describe('photo settings pushed by the school', () => {
  const POLICY_FILE = managedPolicyFile('second-look-e2e-photo-options.json');
  test.skip(!IS_ROOT, NEEDS_ROOT);

  test('are shown, marked “Set by your school”, and cannot be changed; the school day can still be set', async () => {
    const userDataDir = makeUserDataDir();
    POLICY_FILE.write({ schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }], schoolSites: [{ name: 'Main site', lat: 51.5, lon: -0.12 }] });
    const context = await launchWithExtension({ userDataDir });
    try {
      await expect
        .poll(async () => ((await workerEvaluator(context)(async () => (await chrome.storage.local.get('policyState')).policyState)) as { source?: string } | undefined)?.source, { timeout: 15_000 })
        .toBe('managed');
      const options = await photoSection(context);
      const sites = options.getByLabel('School sites, one a line');
      await expect(sites).toHaveValue(/Main site: 51\.5, -0\.12/);
      await expect(sites).toBeDisabled();
      await expect(options.getByRole('group', { name: /Where the school is/ })).toContainText('Set by your school');
      await expect(options.getByLabel('Starts')).toBeEnabled();
      await options.getByLabel('Breaks, one a line (for example 12:00-13:00)').fill('12:00-13:00');
      await options.getByRole('button', { name: 'Save photo settings' }).click();
      await expect(options.locator('#photo-save-status')).toContainText('Saved.');
      const saved = await storedPolicy(context);
      expect(saved?.schoolSites, 'a locked setting is never written to the person’s own settings').toBeUndefined();
      expect((saved?.schoolDay as { breaks?: unknown } | undefined)?.breaks).toEqual([{ start: '12:00', end: '13:00' }]);
    } finally {
      POLICY_FILE.remove();
      await context.close();
      removeDir(userDataDir);
    }
  });
});

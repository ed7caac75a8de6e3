/**
 * Adapter fixes by policy: the day a site ships a composer with hooks no release knows, IT pushes a
 * `siteOverrides` section through managed policy, and open tabs pick it up without a reload. The
 * practice page is X's /i/labs/notes (tests/fixtures/sites/x/main.tsx): a single-line field and a
 * button with test ids the built-in adapter does not know.
 *
 * Chromium reads /etc/chromium/policies/managed again when the folder changes (after a few seconds
 * of quiet), so the tests rewrite the file while the browser runs.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, makeUserDataDir, removeDir, test, workerEvaluator } from './fixtures/extension';
import { openPopup } from './fixtures/extension-pages';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { openPracticePage, routeSitePages, submitted } from './fixtures/site-pages';
import { clickCardButton, readCards, waitForCardText } from './fixtures/warning-card';

const POLICY_FILE = managedPolicyFile('second-look-e2e-site-overrides.json');
const NOTE = 'input[data-testid="labsNoteInput"]';
const SHARE = 'button[data-testid="labsNoteSend"]';

const BASE = { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }], mode: 'confirm' };
const FIX = {
  x: {
    surfaces: [{ surface: 'post', selector: '[data-testid="labsNoteInput"]' }],
    submitControls: [{ selector: '[data-testid="labsNoteSend"]' }],
  },
};

interface StoredState {
  policy: { schoolName?: string; siteOverrides?: unknown };
  source: string;
  issues: { source: string; issues: { path: string; message: string; level: string }[] }[];
}

async function waitForState(context: BrowserContext, done: (s: StoredState | undefined) => boolean): Promise<StoredState> {
  const evaluate = workerEvaluator(context);
  let last: StoredState | undefined;
  await expect
    .poll(
      async () => {
        last = await evaluate(async () => (await chrome.storage.local.get('policyState')).policyState as never);
        return done(last);
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBe(true);
  return last!;
}

async function openNotes(context: BrowserContext): Promise<Page> {
  await routeSitePages(context);
  const page = await context.newPage();
  await openPracticePage(page, 'https://x.com/i/labs/notes');
  // Marks this document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  return page;
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test.describe('siteOverrides from managed policy', () => {
  test.skip(!IS_ROOT, NEEDS_ROOT);
  test.setTimeout(150_000);

  test('a composer whose hooks the adapter does not know is checked and held once an override arrives, without reloading the tab', async () => {
    const userDataDir = makeUserDataDir();
    POLICY_FILE.write(BASE);
    const context = await launchWithExtension({ userDataDir });
    try {
      await waitForState(context, (s) => s?.source === 'managed' && s.policy.schoolName === BASE.schoolName);
      const page = await openNotes(context);

      // Before: the field is not an editor Second Look knows, so nothing is checked or held.
      await page.locator(NOTE).fill('Well done Jack Smith');
      await page.locator(SHARE).click();
      await expect.poll(() => submitted(page)).toEqual([{ surface: 'post', text: 'Well done Jack Smith' }]);
      expect((await readCards(page)).text).toBe('');

      // IT pushes the fix; the open tab is not reloaded.
      POLICY_FILE.write({ ...BASE, siteOverrides: FIX });
      await waitForState(context, (s) => Boolean(s?.policy.siteOverrides));
      await page.locator(NOTE).click();
      await page.keyboard.type('Well done Jack Smith');
      expect(await waitForCardText(page)).toContain('Jack Smith');

      // Share is now a send control: held until the person chooses, then sent once.
      await page.locator(SHARE).click();
      await expect.poll(async () => (await readCards(page)).roles).toEqual(['alertdialog']);
      expect(await submitted(page)).toHaveLength(1);
      await clickCardButton(page, 'Post anyway');
      await expect.poll(() => submitted(page)).toEqual([
        { surface: 'post', text: 'Well done Jack Smith' },
        { surface: 'post', text: 'Well done Jack Smith' },
      ]);

      // Enter in the field submits its form: held too. (Typed at a person's pace: two sends within
      // half a second are taken as one, as when Enter also clicks the button.)
      await page.locator(NOTE).click();
      await page.keyboard.type('Jack Smith again', { delay: 50 });
      await waitForCardText(page);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await readCards(page)).roles).toEqual(['alertdialog']);
      expect(await submitted(page)).toHaveLength(2);
      expect(await sameDocument(page)).toBe(true);
    } finally {
      await context.close();
      removeDir(userDataDir);
      POLICY_FILE.remove();
    }
  });

  test('a bad override is reported with its path and changes nothing else', async () => {
    const userDataDir = makeUserDataDir();
    POLICY_FILE.write({ ...BASE, siteOverrides: FIX });
    const context = await launchWithExtension({ userDataDir });
    try {
      await waitForState(context, (s) => s?.source === 'managed' && Boolean(s.policy.siteOverrides));
      const page = await openNotes(context);

      // An update with a broken selector (and a new school name, which must not arrive either).
      POLICY_FILE.write({
        ...BASE,
        schoolName: 'Renamed School',
        siteOverrides: { x: { ...FIX.x, submitControls: [{ selector: '[data-testid="labsNoteSend"' }] } },
      });
      const state = await waitForState(context, (s) => (s?.issues ?? []).some((g) => g.source === 'managed'));
      const problem = state.issues.find((g) => g.source === 'managed')!.issues.find((i) => i.level === 'error')!;
      expect(problem.path).toBe('siteOverrides.x.submitControls[0].selector');
      expect(problem.message).toMatch(/^Not a usable CSS selector: .+\.$/);
      // The last good policy stays in force, override included.
      expect(state.policy.schoolName).toBe(BASE.schoolName);
      expect(state.policy.siteOverrides).toEqual(FIX);

      const popup = await openPopup(context);
      await expect(popup.locator('.issues')).toContainText('siteOverrides.x.submitControls[0].selector (site fixes, x, submitControls, entry 1, selector): Not a usable CSS selector');
      await expect(popup.locator('.issues')).toContainText('The last working version of your school’s settings is still in force.');

      // The page still works with the good override: checked and held.
      await page.bringToFront();
      await page.locator(NOTE).click();
      await page.keyboard.type('Jack Smith did well');
      await waitForCardText(page);
      await page.locator(SHARE).click();
      await expect.poll(async () => (await readCards(page)).roles).toEqual(['alertdialog']);
      expect(await submitted(page)).toEqual([]);
      expect(await sameDocument(page)).toBe(true);
    } finally {
      await context.close();
      removeDir(userDataDir);
      POLICY_FILE.remove();
    }
  });
});

/**
 * The practice pages (tests/fixtures/sites), served at the real origins, behave like the sites:
 * typing with the keyboard reaches the real editor's model, the site's own submit (click and key)
 * sends exactly once and clears the editor, Ctrl+Z undoes in Lexical and Draft, and in-page links
 * navigate with pushState. Edit-profile forms open pre-filled with the saved values, and Save (click,
 * or Enter in a single-line input) records one submission per non-empty field. No extension is loaded here.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  PROFILE_FIELDS,
  SURFACES,
  modelText,
  openProfileField,
  openSurface,
  profileFormFields,
  routeSitePages,
  submitted,
  type ProfileFieldSpec,
  type SurfaceSpec,
} from './fixtures/site-pages';

test.use({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  },
  viewport: { width: 1280, height: 720 },
});

test.beforeEach(async ({ context }) => {
  await routeSitePages(context);
});

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Focuses the surface's editor (opening it first if it is closed). */
async function focusEditor(page: Page, spec: SurfaceSpec): Promise<void> {
  await openSurface(page, spec, { goto: false });
  await page.locator(spec.editor).first().click();
}

async function expectCleared(page: Page, spec: SurfaceSpec): Promise<void> {
  const editor = page.locator(spec.editor);
  if (spec.closesAfterSubmit) await expect(editor).toHaveCount(0);
  else await expect.poll(() => modelText(page, spec.editor)).toBe('');
}

for (const spec of SURFACES) {
  test(`${spec.name}: type, read the model, submit, clear, undo`, async ({ page }) => {
    const errors = trackErrors(page);
    await openSurface(page, spec);
    await focusEditor(page, spec);

    // 1. Typing reaches the editor model.
    await page.keyboard.type('Hello there');
    expect(await modelText(page, spec.editor)).toBe('Hello there');
    let expected = 'Hello there';
    if (spec.newlineKey) {
      await page.keyboard.press(spec.newlineKey);
      await page.keyboard.type('second line');
      expected = 'Hello there\nsecond line';
      expect(await modelText(page, spec.editor)).toBe(expected);
    }
    expect(await submitted(page)).toEqual([]);

    // 2. The submit key sends once and clears.
    const sent: { surface: string; text: string }[] = [];
    if (spec.submitKey) {
      await page.keyboard.press(spec.submitKey);
      sent.push({ surface: spec.surface, text: expected });
      await expect.poll(() => submitted(page)).toEqual(sent);
      await expectCleared(page, spec);
      await focusEditor(page, spec);
      // Typing continues normally in the cleared editor.
      await page.keyboard.type('Then clicked');
      expected = 'Then clicked';
      expect(await modelText(page, spec.editor)).toBe(expected);
    }

    // 3. The submit control sends once and clears.
    await page.locator(spec.submit).first().click();
    sent.push({ surface: spec.surface, text: expected });
    await expect.poll(() => submitted(page)).toEqual(sent);
    await expectCleared(page, spec);

    // 4. Undo/redo with the keyboard (the editors' own history).
    if (spec.editorKind !== 'textarea') {
      await focusEditor(page, spec);
      await page.keyboard.type('undo me');
      expect(await modelText(page, spec.editor)).toBe('undo me');
      await page.keyboard.press('Control+z');
      // How much one undo step removes depends on the editor's merging (and on timing for Lexical).
      // Draft applies an undo of natively rendered text in a setTimeout, so poll.
      await expect.poll(async () => (await modelText(page, spec.editor)).length).toBeLessThan('undo me'.length);
      expect('undo me'.startsWith(await modelText(page, spec.editor))).toBe(true);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => modelText(page, spec.editor)).toBe('undo me');
    }
    expect(await submitted(page)).toEqual(sent);
    expect(errors).toEqual([]);
  });
}

test('in-page links navigate with pushState, and the new route works', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto('https://www.facebook.com/');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('link', { name: 'Messenger' }).click();
  await expect(page).toHaveURL('https://www.facebook.com/messages/t/1001');
  const editor = '[data-lexical-editor="true"][aria-label="Message"]';
  await page.locator(editor).click();
  await page.keyboard.type('hi');
  await page.keyboard.press('Enter');
  expect(await submitted(page)).toEqual([{ surface: 'message', text: 'hi' }]);
  await page.goBack();
  await expect(page).toHaveURL('https://www.facebook.com/');
  await expect(page.locator('[aria-label="Create a post"][role="region"]')).toBeVisible();
  // Same document all along.
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(1);

  // X: the sidebar Post link opens the compose modal in #layers; posting closes it back to /home.
  await page.goto('https://x.com/home');
  await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
  await expect(page).toHaveURL('https://x.com/compose/post');
  await page.locator('#layers [data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('from the modal');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL('https://x.com/home');
  await expect(page.locator('#layers [role="dialog"]')).toHaveCount(0);
  expect(await submitted(page)).toEqual([{ surface: 'post', text: 'from the modal' }]);
  expect(errors).toEqual([]);
});

test('routing: every path gets the page, twitter.com too; sub-resources get 404', async ({ page }) => {
  await page.goto('https://twitter.com/compose/tweet');
  await expect(page).toHaveURL('https://twitter.com/compose/post'); // redirected like x.com
  await expect(page.locator('#layers [role="dialog"][aria-labelledby="modal-header"]')).toBeVisible();
  // (Playwright never routes /favicon.ico; the pages declare a data: icon so Chromium does not ask.)
  const status = await page.evaluate(async () => (await fetch('/i/api/graphql/HomeTimeline')).status);
  expect(status).toBe(404);
  await page.goto('https://www.instagram.com/some/unknown/path');
  await expect(page.getByText("Sorry, this page isn't available.")).toBeVisible();
});

/** What Save should record when `spec` holds `typed` and the form's other fields keep their saved values. */
function expectedProfileSave(spec: ProfileFieldSpec, typed: string): { surface: string; text: string }[] {
  return profileFormFields(spec)
    .map((f) => ({ surface: f.surface, text: f === spec ? typed : (f.prefilled ?? '') }))
    .filter((s) => s.text.trim() !== '');
}

async function isTextarea(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => el instanceof HTMLTextAreaElement);
}

for (const spec of PROFILE_FIELDS) {
  // Enter saves from a single-line input; in a <textarea> it is a new line (covered by the click test).
  const hows = spec.field.includes('textarea') ? (['click Save'] as const) : (['click Save', 'Enter'] as const);
  for (const how of hows) {
    test(`profile ${spec.name}: opens pre-filled, typing changes it, ${how} records it`, async ({ page }) => {
      const errors = trackErrors(page);
      await openProfileField(page, spec);
      const multiline = await isTextarea(page, spec.field);
      expect(multiline).toBe(spec.field.includes('textarea'));

      // 1. The form shows what is saved.
      for (const f of profileFormFields(spec)) {
        await expect(page.locator(f.field)).toHaveValue(f.prefilled ?? '');
      }

      // 2. Typing replaces the value (React-controlled: the model follows).
      const field = page.locator(spec.field);
      await field.click();
      await page.keyboard.press('Control+a');
      let typed = `Edited ${spec.name}`;
      await page.keyboard.type(typed);
      if (multiline) {
        await page.keyboard.press('Enter'); // a new line, not a save
        await page.keyboard.type('line two');
        typed += '\nline two';
      }
      await expect(field).toHaveValue(typed);
      expect(await modelText(page, spec.field)).toBe(typed);
      expect(await submitted(page)).toEqual([]);

      // 3. Save records one submission per non-empty field, with the field's surface.
      if (how === 'Enter') await page.keyboard.press('Enter');
      else await page.locator(spec.save).first().click();
      const expected = expectedProfileSave(spec, typed);
      expect(expected).toContainEqual({ surface: spec.surface, text: typed });
      await expect.poll(() => submitted(page)).toEqual(expected);

      // 4. The saved value is what the page shows now.
      if (spec.closesAfterSave) {
        await expect(page.locator(spec.field)).toHaveCount(0);
        await expect(page.getByText(typed.split('\n')[0]).first()).toBeVisible();
        // Re-opening shows the new value (or, after adding an entry, an empty form).
        await openProfileField(page, spec, { goto: false });
        await expect(page.locator(spec.field)).toHaveValue(spec.addsEntry ? '' : typed);
      } else {
        await expect(page.locator(spec.field)).toHaveValue(typed);
      }
      expect(await submitted(page)).toEqual(expected);
      expect(errors).toEqual([]);
    });
  }
}

test('profile: Facebook Cancel keeps the saved workplace and records nothing; X and TikTok close without saving', async ({ page }) => {
  const errors = trackErrors(page);
  const fb = PROFILE_FIELDS.find((f) => f.name === 'facebook workplace company')!;
  await openProfileField(page, fb);
  await page.locator(fb.field).fill('Something else');
  await page.locator('div[role="button"][aria-label="Cancel"]').click();
  await expect(page.locator(fb.field)).toHaveCount(0);
  await expect(page.getByText('Year 6 Teacher at Oakfield Primary School')).toBeVisible();

  await page.goto('https://x.com/sam');
  await page.locator('a[href="/settings/profile"][data-testid="editProfileButton"]').click();
  await expect(page).toHaveURL('https://x.com/settings/profile');
  await page.locator('#layers [data-testid="app-bar-close"]').click();
  await expect(page).toHaveURL('https://x.com/sam');
  await expect(page.locator('#layers [role="dialog"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="UserDescription"]')).toHaveText('Year 6 teacher at Oakfield Primary. Views my own.');

  await page.goto('https://www.tiktok.com/@sam');
  await page.locator('[data-e2e="edit-profile-entrance"]').click();
  await page.locator('div[role="dialog"] button[aria-label="Close"]').click();
  await expect(page.locator('div[role="dialog"]')).toHaveCount(0);
  expect(await submitted(page)).toEqual([]);
  expect(errors).toEqual([]);
});

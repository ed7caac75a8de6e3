/**
 * The popup and the options page of the built extension in real Chromium: a person sets Second Look
 * up alone from a CSV file and a practice page then warns on a pupil from it; names kept hashed still
 * warn; the popup shows which settings are in force, their problems, this week's counts and the
 * school's links; settings pushed by the school are locked; removing a "not a match" answer brings
 * the warning back; no serious accessibility problems (axe-core) in light and dark mode; no sideways
 * scrolling at 200 % zoom.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import axe from 'axe-core';
import { expect, launchWithExtension, makeUserDataDir, removeDir, test, workerEvaluator } from './fixtures/extension';
import { openOptions, openPopup, OPTIONS_URL } from './fixtures/extension-pages';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { setPersonalPolicy } from './fixtures/policy';
import { openSurface, routeSitePages, SURFACES } from './fixtures/site-pages';
import { clickCardButton, waitForCardText } from './fixtures/warning-card';

const MIS = (name: string) => fileURLToPath(new URL(`../fixtures/mis/${name}`, import.meta.url));
const COMMENT = SURFACES.find((s) => s.name === 'facebook comment')!;

const routed = new WeakSet<BrowserContext>();

async function typeOnPracticePage(context: BrowserContext, text: string): Promise<Page> {
  if (!routed.has(context)) await routeSitePages(context);
  routed.add(context);
  const page = await context.newPage();
  await openSurface(page, COMMENT);
  await page.locator(COMMENT.editor).click();
  await page.keyboard.type(text);
  return page;
}

function storedLocal(context: BrowserContext, keys: string[]): Promise<Record<string, unknown>> {
  return workerEvaluator(context)((k: string[]) => chrome.storage.local.get(k), keys) as Promise<Record<string, unknown>>;
}

/** Goes to a step of the options page by its name in the list of steps. */
async function goToStep(options: Page, title: 'Your school' | 'People' | 'What to check' | 'Done'): Promise<void> {
  await options.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await expect(options.locator('#step-heading')).toContainText(title);
}

/** Opens the folded "More settings" of the step shown. */
async function moreSettings(options: Page): Promise<void> {
  await options.locator('details.advanced > summary').click();
}

/** Waits until the background has put the person's settings in force. */
async function waitForSource(context: BrowserContext, source: string): Promise<void> {
  await expect
    .poll(async () => ((await storedLocal(context, ['policyState'])).policyState as { source?: string } | undefined)?.source)
    .toBe(source);
}

test.describe('personal set-up on the options page', () => {
  test('from a CSV file: results shown, a bad file changes nothing, and a practice page then warns on a pupil from it', async ({ context }) => {
    const options = await openOptions(context);
    await expect(options.locator('#policy-source')).toContainText('Not set up yet');

    await expect(options.locator('#step-heading')).toHaveText('Step 1 of 4: Your school');
    await options.getByLabel('School name').fill('Oakfield Primary School');
    await options.getByRole('button', { name: 'Save and go on to people' }).click();
    // Saved, said where the person now is: at the top of the next step.
    await expect(options.locator('#saved-note')).toHaveText('Saved: Your school.');
    await expect(options.locator('#step-heading')).toHaveText('Step 2 of 4: People');
    expect((await storedLocal(context, ['personalPolicy'])).personalPolicy).toMatchObject({ schoolName: 'Oakfield Primary School' });
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('sims-pupils.csv'));
    const result = options.locator('#csv-pupils-result');
    await expect(result).toContainText('Added 6 pupils from sims-pupils.csv. Not saved yet');
    await expect(result).toContainText('Merged 1 repeated name');
    const pupils = options.getByLabel('Pupils, one a line', { exact: true });
    await expect(pupils).toHaveValue(/^Isla Thornton\nAlfie Hartley \(Alfred Hartley\)\n/);
    const afterGoodFile = await pupils.inputValue();

    // A file with no name columns: the error says why, and the list is untouched.
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('ugly-unknown-layout.csv'));
    await expect(result).toContainText('ugly-unknown-layout.csv: cannot find the name columns');
    await expect(result).toContainText('Nothing was changed.');
    await expect(pupils).toHaveValue(afterGoodFile);

    // A file with some bad rows: the good ones are added, the bad ones listed by row number.
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('ugly-bad-rows.csv'));
    await expect(result).toContainText('Added 4 pupils from ugly-bad-rows.csv (4 already on the list)');
    await expect(result).toContainText('2 rows were skipped');
    await expect(result).toContainText('Row 4 has a surname (“Begum”) but no forename.');
    await expect(result).toContainText('Row 7 has a forename (“Theo”) but no surname.');

    // Saved from older Excel on Windows: Windows-1252, so "ë" is one byte that is not UTF-8.
    const windows1252 = Buffer.from('Forename,Surname\r\nZo\xeb,Bront\xeb\r\n', 'latin1');
    await options.getByLabel('Add former pupils from a CSV file').setInputFiles({ name: 'leavers.csv', mimeType: 'text/csv', buffer: windows1252 });
    await expect(options.locator('#csv-formerPupils-result')).toContainText('Added 1 former pupil from leavers.csv.');
    await expect(options.getByLabel('Former pupils, one a line')).toHaveValue('Zoë Brontë');

    await options.getByLabel('Add staff from a CSV file').setInputFiles(MIS('sims-staff.csv'));
    await expect(options.getByLabel('Staff, one a line')).toHaveValue(/Sarah Hughes - Headteacher/);

    // The Save button and its "Saved" stay in view, however long the lists are.
    const save = options.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeInViewport();
    await save.click();
    await expect(options.locator('#save-status')).toContainText('Saved.');
    await expect(options.locator('#save-status')).toBeInViewport();
    await waitForSource(context, 'personal');
    await expect(options.locator('#policy-source')).toContainText('Your own settings');
    const { personalPolicy } = await storedLocal(context, ['personalPolicy']);
    expect(personalPolicy).toMatchObject({ schoolName: 'Oakfield Primary School', mode: 'warn' });
    expect((personalPolicy as { pupils: unknown[] }).pupils).toHaveLength(10);

    // A pupil from the file, by their preferred name, on a practice page.
    const page = await typeOnPracticePage(context, 'So proud of Alfie Hartley today');
    expect(await waitForCardText(page)).toContain('“Alfie Hartley” names a pupil at your school.');
  });

  test('typed lines with a mistake are not saved, the problem is shown by line next to the list, and nothing already saved is lost', async ({ context }) => {
    await setPersonalPolicy(context, { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] });
    const options = await openOptions(context);
    await goToStep(options, 'People');
    const pupils = options.getByLabel('Pupils, one a line', { exact: true });
    await expect(pupils).toHaveValue('Jack Smith');
    await pupils.fill('Jack Smith\nBrown, Olivia');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.locator('#save-status')).toContainText('Not saved: one thing needs fixing first');
    const error = options.locator('#pupils-errors');
    await expect(error).toContainText('Line 2: “Brown, Olivia” has a comma. Write the name first name first, as school uses it, for example “Olivia Brown”.');
    await expect(pupils).toHaveAttribute('aria-invalid', 'true');
    await expect(pupils).toHaveAttribute('aria-describedby', /pupils-errors/);
    // The summary by the Save button links to the field.
    await options.locator('#save-status').getByRole('link', { name: 'Pupils', exact: true }).click();
    await expect(pupils).toBeFocused();
    expect((await storedLocal(context, ['personalPolicy'])).personalPolicy).toEqual({ schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] });

    await pupils.fill('Jack Smith\nOlivia Brown');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.locator('#save-status')).toContainText('Saved.');
    await expect(error).toHaveCount(0);
    expect(((await storedLocal(context, ['personalPolicy'])).personalPolicy as { pupils: unknown }).pupils).toEqual([{ name: 'Jack Smith' }, { name: 'Olivia Brown' }]);
  });

  test('a site or a rule switched off stops those warnings, and the rest still warn', async ({ context }) => {
    await setPersonalPolicy(context, { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] });
    const options = await openOptions(context);
    await goToStep(options, 'What to check');
    await expect(options.getByRole('checkbox', { name: 'Facebook' })).toBeHidden();
    await moreSettings(options);
    await options.getByRole('checkbox', { name: 'Facebook' }).uncheck();
    await options.getByRole('checkbox', { name: 'The school’s name' }).uncheck();
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.locator('#save-status')).toContainText('Saved.');
    await expect
      .poll(async () => ((await storedLocal(context, ['policyState'])).policyState as { policy: { sites?: unknown } }).policy.sites)
      .toEqual({ facebook: { enabled: false } });

    // Still on for X: the pupil warns, the school's name no longer does.
    const x = SURFACES.find((s) => s.name === 'x home post')!;
    if (!routed.has(context)) await routeSitePages(context);
    routed.add(context);
    const onX = await context.newPage();
    await openSurface(onX, x);
    await onX.locator(x.editor).click();
    await onX.keyboard.type('Jack Smith at Oakfield Primary School');
    const card = await waitForCardText(onX);
    expect(card).toContain('“Jack Smith” names a pupil');
    expect(card).not.toContain('names your school');

    // Off for Facebook: nothing, even after the time a warning takes on X.
    const onFacebook = await typeOnPracticePage(context, 'Jack Smith at Oakfield Primary School');
    await onFacebook.waitForTimeout(1_500);
    expect(await waitForCardText(onFacebook, false)).toBe('');
  });

  test('names kept hashed are not stored as names, cannot be shown again, and still warn', async ({ context }) => {
    const options = await openOptions(context);
    await goToStep(options, 'People');
    await options.getByLabel('Pupils, one a line', { exact: true }).fill('Freya Lloyd');
    await moreSettings(options);
    await options.getByLabel('Keep names hashed').check();
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.locator('#save-status')).toContainText('Saved.');
    await expect(options.getByLabel('Pupils, one a line', { exact: true })).toHaveValue('');
    await expect(options.locator('.hashed-note')).toContainText('Also 1 pupil kept hashed, which cannot be shown as names.');
    await waitForSource(context, 'personal');
    const stored = JSON.stringify(await storedLocal(context, ['personalPolicy', 'policyState']));
    expect(stored).toContain('hmac-sha256-96');
    expect(stored).not.toMatch(/freya|lloyd/i);

    const page = await typeOnPracticePage(context, 'Well done Freya Lloyd');
    expect(await waitForCardText(page)).toContain('“Freya Lloyd” names a pupil at your school.');
  });
});

test.describe('the options page in steps', () => {
  test('each step is short, saved on its own, and the school’s own accounts and the keyboard shortcut have their place', async ({ context }) => {
    const options = await openOptions(context);
    await options.setViewportSize({ width: 800, height: 900 });
    const height = () => options.evaluate(() => document.documentElement.scrollHeight);
    const heights: Record<string, number> = {};
    for (const step of ['Your school', 'People', 'What to check', 'Done'] as const) {
      await goToStep(options, step);
      heights[step] = await height();
    }
    // The old single page was 4,400 px tall; no step is a third of that with its extra settings folded.
    for (const [step, h] of Object.entries(heights)) expect(h, step).toBeLessThan(2_200);
    await expect(options.locator('#keyboard-heading + ul')).toContainText('Alt+Shift+↓');

    // The school's own accounts: saved with the school step only, nothing else written.
    await goToStep(options, 'Your school');
    await options.getByLabel('School name').fill('Oakfield Primary School');
    await moreSettings(options);
    await options.getByLabel('X (Twitter)', { exact: true }).fill('@OakfieldPS\n@OakfieldPE');
    await goToStep(options, 'People');
    await options.getByLabel('Pupils, one a line', { exact: true }).fill('Jack Smith');
    await goToStep(options, 'Your school');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.locator('#save-status')).toHaveText('Saved.');
    const { personalPolicy } = await storedLocal(context, ['personalPolicy']);
    expect(personalPolicy).toEqual({ schoolName: 'Oakfield Primary School', officialAccounts: { x: ['@OakfieldPS', '@OakfieldPE'] }, mode: 'warn' });
    // The people typed but not saved are still there, and the step says so.
    await expect(options.getByRole('button', { name: 'People (not saved)' })).toBeVisible();
    await goToStep(options, 'People');
    await expect(options.getByLabel('Pupils, one a line', { exact: true })).toHaveValue('Jack Smith');
  });
});

test.describe('the popup', () => {
  test('not set up yet: says so, and its button opens the options page', async ({ context }) => {
    const popup = await openPopup(context);
    await expect(popup.locator('#policy-source')).toHaveText('Not set up yet');
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(OPTIONS_URL) });
    await popup.getByRole('button', { name: 'Set up Second Look' }).click();
    const options = await opened;
    await expect(options.locator('h1')).toHaveText('Second Look settings');
  });

  test('shows whether it is on for the site in the tab, the settings in force, this week’s counts and the school’s links', async ({ context }) => {
    await setPersonalPolicy(context, {
      schoolName: 'Oakfield Primary School',
      pupils: [{ name: 'Jack Smith' }],
      policyUrl: 'https://oakfield.example.sch.uk/social-media-policy',
      contact: 'Mrs Patel (DSL), dsl@oakfield.example.sch.uk',
    });
    const site = await typeOnPracticePage(context, 'Well done Jack Smith');
    await waitForCardText(site);

    const popup = await openPopup(context, { over: site });
    await expect(popup.locator('#site-status')).toContainText('On for Facebook');
    await expect(popup.locator('#policy-source')).toHaveText('Your own settings');
    await expect(popup.locator('[data-count="shown"]')).toHaveText('1');
    await expect(popup.locator('[data-count="postedAnyway"]')).toHaveText('0');
    await expect(popup.getByRole('link', { name: 'Read the social media policy' })).toHaveAttribute('href', 'https://oakfield.example.sch.uk/social-media-policy');
    await expect(popup.getByText('Questions: Mrs Patel (DSL), dsl@oakfield.example.sch.uk')).toBeVisible();
    // Never any post text.
    expect(await popup.locator('body').innerText()).not.toMatch(/Jack|Smith/);

    // Over a page that is not one of the four sites.
    const other = await context.newPage();
    await other.route('https://www.example.org/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title>' }));
    await other.goto('https://www.example.org/');
    const elsewhere = await openPopup(context, { over: other });
    await expect(elsewhere.locator('#site-status')).toHaveText('Not hereSecond Look does not check this page. It works on Facebook, X, Instagram and TikTok.');

    // Turned off for the site.
    await setPersonalPolicy(context, { schoolName: 'Oakfield Primary School', sites: { facebook: { enabled: false } } });
    const off = await openPopup(context, { over: site });
    await expect(off.locator('#site-status')).toContainText('Off on Facebook: turned off in your settings.');
  });

  test('explains a problem with the settings in plain words, with its path, and what is in force meanwhile', async ({ context }) => {
    await setPersonalPolicy(context, { schoolName: 'Oakfield Primary School', mode: 'confirm' });
    const evalInWorker = workerEvaluator(context);
    await evalInWorker(() => chrome.storage.local.set({ personalPolicy: { schoolName: 'Oakfield Primary School', mode: 'shout', staff: [{ name: 5 }] } }));
    const popup = await openPopup(context);
    const issues = popup.locator('.issues');
    await expect(issues).toContainText('Your own settings have a problem');
    await expect(issues).toContainText('The last working version of your own settings is still in force.');
    await expect(issues).toContainText('mode (mode): Must be one of "warn", "confirm"; found "shout".');
    await expect(issues).toContainText('staff[0].name (staff list, entry 1, name): Expected text, found the number 5.');

    // The options page shows the same problems.
    const options = await openOptions(context);
    await expect(options.locator('.issues')).toContainText('staff[0].name (staff list, entry 1, name)');
  });
});

test('removing a “not a match” answer in the options page brings the warning back', async ({ context }) => {
  await setPersonalPolicy(context, { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] });
  const page = await typeOnPracticePage(context, 'Cheers to Jack Smith');
  await waitForCardText(page);
  await clickCardButton(page, 'This isn’t a pupil');
  expect(await waitForCardText(page, false)).toBe('');

  const options = await openOptions(context);
  await goToStep(options, 'Done');
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const item = options.locator('.exceptions li');
  await expect(item).toHaveText(new RegExp(`J… S… \\(10 characters\\) · Names a pupil · in one sentence of 4 words only · added ${today}`));
  await options.getByRole('button', { name: 'Undo: J… S… (10 characters), Names a pupil, in one sentence of 4 words only' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Undone' })).toContainText('will warn about J… S… (10 characters) again');
  await expect(options.locator('#no-exceptions')).toHaveText('None yet.');
  expect((await storedLocal(context, ['exceptions'])).exceptions).toEqual([]);

  // The next time the name is written, the warning is back.
  const again = await typeOnPracticePage(context, 'Cheers to Jack Smith');
  expect(await waitForCardText(again)).toContain('“Jack Smith” names a pupil at your school.');
});

test.describe('settings pushed by the school', () => {
  // Its own file name, so a concurrent run of managed-policy.spec.ts never removes this one (or the reverse).
  const POLICY_FILE = managedPolicyFile('second-look-e2e-options.json');
  const MANAGED = {
    schoolName: 'Oakfield Primary School',
    pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
    mode: 'confirm',
    policyUrl: 'https://oakfield.example.sch.uk/social-media-policy',
  };
  test.skip(!IS_ROOT, NEEDS_ROOT);

  test('are shown read-only, marked “Set by your school”, and never written; the rest can still be set', async () => {
    const userDataDir = makeUserDataDir();
    // The folder affects every Chromium on this machine: write the file just for this launch.
    POLICY_FILE.write(MANAGED);
    const context = await launchWithExtension({ userDataDir });
    try {
      await expect.poll(async () => ((await storedLocal(context, ['policyState'])).policyState as { source?: string })?.source, { timeout: 15_000 }).toBe('managed');

      const popup = await openPopup(context);
      await expect(popup.locator('#policy-source')).toContainText('Managed by Oakfield Primary School');
      await expect(popup.locator('#policy-source')).toContainText('Set by your school');

      const options = await openOptions(context);
      await expect(options.locator('#policy-source')).toContainText('Managed by Oakfield Primary School');
      const schoolName = options.getByLabel('School name');
      await expect(schoolName).toHaveValue('Oakfield Primary School');
      await expect(schoolName).toBeDisabled();
      await expect(options.locator('label[for="schoolName"]')).toContainText('Set by your school');
      await goToStep(options, 'People');
      await expect(options.locator('#roster-pupils')).toHaveText('2 pupils, from your school’s settings. They cannot be changed here.');
      await expect(options.getByLabel('Add pupils from a CSV file')).toHaveCount(0);
      await expect(options.getByLabel('Staff, one a line')).toBeEnabled();
      await options.getByLabel('Staff, one a line').fill('Sarah Jones - Headteacher');
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(options.locator('#save-status')).toContainText('Saved.');
      await goToStep(options, 'What to check');
      await expect(options.getByLabel('Warn me and ask before posting')).toBeChecked();
      await expect(options.getByLabel('Warn me and ask before posting')).toBeDisabled();
      await expect(options.getByLabel('Warn me', { exact: true })).toBeDisabled();
      // Not locked: the school's policy says nothing about staff, rules or sites.
      await expect(options.getByRole('checkbox', { name: 'Pupils’ names' })).toBeEnabled();
      await options.getByRole('checkbox', { name: 'School life' }).uncheck();
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(options.locator('#save-status')).toContainText('Saved.');
      const { personalPolicy, policyState } = (await storedLocal(context, ['personalPolicy', 'policyState'])) as {
        personalPolicy: Record<string, unknown>;
        policyState: { policy: Record<string, unknown> };
      };
      expect(Object.keys(personalPolicy).sort()).toEqual(['rules', 'staff']);
      expect(personalPolicy.staff).toEqual([{ name: 'Sarah Jones', role: 'Headteacher' }]);
      await expect.poll(async () => ((await storedLocal(context, ['policyState'])).policyState as { policy: { staff?: unknown } }).policy.staff).toEqual([{ name: 'Sarah Jones', role: 'Headteacher' }]);
      expect(policyState.policy.mode).toBe('confirm');
    } finally {
      POLICY_FILE.remove();
      await context.close();
      removeDir(userDataDir);
    }
  });
});

test.describe('accessibility', () => {
  async function seriousViolations(page: Page): Promise<string[]> {
    // Extension pages forbid inline scripts (CSP), so axe goes in through the DevTools protocol.
    await page.evaluate(axe.source);
    const results = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
    )) as axe.AxeResults;
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** A state with something in every part: settings, a problem, an exception, counts. */
  async function busyState(context: BrowserContext): Promise<void> {
    await setPersonalPolicy(context, {
      schoolName: 'Oakfield Primary School',
      pupils: [{ name: 'Jack Smith' }],
      policyUrl: 'https://oakfield.example.sch.uk/policy',
      contact: 'Mrs Patel (DSL)',
    });
    await workerEvaluator(context)(() =>
      chrome.storage.local.set({
        exceptions: [{ rule: 'pupil-mention', hash: '0'.repeat(32), hint: 'J… S… (10 characters)', added: '2026-11-20' }],
        personalPolicy: { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }], colour: 'red' },
      }),
    );
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`popup and options page have no serious or critical axe violations (${scheme})`, async ({ context }) => {
      await busyState(context);
      const popup = await openPopup(context);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.locator('.issues')).toBeVisible();
      expect(await seriousViolations(popup)).toEqual([]);

      const options = await openOptions(context);
      await options.emulateMedia({ colorScheme: scheme });
      // Every step, with its folded settings open.
      for (const step of ['Your school', 'What to check', 'Done'] as const) {
        await goToStep(options, step);
        if (await options.locator('details.advanced').count()) await moreSettings(options);
        if (step === 'Done') await expect(options.locator('.exceptions li')).toHaveCount(1);
        expect(await seriousViolations(options), step).toEqual([]);
      }
      // With an error shown next to a field too.
      await goToStep(options, 'People');
      await moreSettings(options);
      await options.getByLabel('Pupils, one a line', { exact: true }).fill('Smith, Jack');
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(options.locator('#pupils-errors')).toBeVisible();
      expect(await seriousViolations(options)).toEqual([]);
    });
  }

  test('at 200 % zoom nothing scrolls sideways, and keyboard focus is visible', async ({ context }) => {
    await busyState(context);
    const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // 200 % zoom halves the CSS pixels across: a 1280-pixel-wide window lays the page out 640 wide.
    const options = await openOptions(context);
    await options.setViewportSize({ width: 640, height: 720 });
    await goToStep(options, 'People');
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('ugly-bad-rows.csv'));
    await expect(options.locator('#csv-pupils-result')).toContainText('Row 4');
    expect(await sideways(options)).toBeLessThanOrEqual(0);

    // The popup's window grows with zoom (22rem is 704 device pixels at 200 %, under Chrome's 800), so
    // its CSS width stays 22rem; check that, and a narrower 320 as well.
    const popup = await openPopup(context);
    await expect(popup.locator('.issues')).toBeVisible();
    expect(await sideways(popup)).toBeLessThanOrEqual(0);
    await popup.setViewportSize({ width: 320, height: 600 });
    expect(await sideways(popup)).toBeLessThanOrEqual(0);

    // Focus is drawn: the first control tabbed to gets an outline.
    await options.keyboard.press('Tab');
    const outline = await options.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

/**
 * `npm run screenshots`: builds the extension and saves PNGs of the warning card on the practice
 * pages, the popup and the options page in each of their states to docs/screenshots/, for the README
 * and for review.
 *
 * Every state is reached the way a person reaches it (typing, importing a CSV file, saving, a warning
 * on a practice page), except the school's managed policy, which is written to
 * /etc/chromium/policies/managed as the end-to-end tests do. That needs root and affects every
 * Chromium on the machine, so it is written only for that launch and always removed; without root
 * those screenshots are skipped, with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, makeUserDataDir, removeDir, workerEvaluator } from '../tests/e2e/fixtures/extension';
import { openOptions, openPopup } from '../tests/e2e/fixtures/extension-pages';
import { IS_ROOT, MANAGED_POLICY_DIR, managedPolicyFile } from '../tests/e2e/fixtures/managed-policy';
import { setPersonalPolicy } from '../tests/e2e/fixtures/policy';
import { openProfileField, openSurface, PROFILE_FIELDS, routeSitePages, SURFACES } from '../tests/e2e/fixtures/site-pages';
import { clickCardButton, readCards, readLayout, waitForCardText } from '../tests/e2e/fixtures/warning-card';
import { publicStates } from './screenshots-public';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const MIS = (name: string) => join(ROOT, 'tests', 'fixtures', 'mis', name);
const POLICY_FILE = managedPolicyFile('second-look-screenshots.json');
const COMMENT = SURFACES.find((s) => s.name === 'facebook comment')!;
/** Narrower than the tests' default window, to keep the PNGs small; the page is 46rem wide at most. */
const OPTIONS_VIEWPORT = { width: 800, height: 900 };

async function optionsPage(context: BrowserContext): Promise<Page> {
  const page = await openOptions(context);
  await page.setViewportSize(OPTIONS_VIEWPORT);
  return page;
}

const SCHOOL = {
  schoolName: 'Oakfield Primary School',
  policyUrl: 'https://oakfield.example.sch.uk/social-media-policy',
  contact: 'Mrs Patel (DSL), dsl@oakfield.example.sch.uk',
};

async function shot(page: Page, name: string, scheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`  docs/screenshots/${name}.png`);
}

async function goToStep(options: Page, title: string): Promise<void> {
  await options.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await options.locator('#step-heading', { hasText: title }).waitFor();
}

/** The part of a practice page around the editor and the card, as the person sees it. */
async function cardShot(page: Page, name: string, editor: string): Promise<void> {
  await page.waitForTimeout(300);
  const { cards } = await readLayout(page);
  const box = await page.locator(editor).first().boundingBox();
  const all = [...cards, ...(box ? [box] : [])];
  const vp = page.viewportSize()!;
  const left = Math.max(0, Math.min(...all.map((b) => b.x)) - 24);
  const top = Math.max(0, Math.min(...all.map((b) => b.y)) - 24);
  const right = Math.min(vp.width, Math.max(...all.map((b) => b.x + b.width)) + 24);
  const bottom = Math.min(vp.height, Math.max(...all.map((b) => b.y + b.height)) + 24);
  await page.screenshot({ path: join(OUT, `${name}.png`), clip: { x: left, y: top, width: right - left, height: bottom - top } });
  console.log(`  docs/screenshots/${name}.png`);
}

/** The warning card on the practice pages: a warning, its answers, a held send, a profile form, a narrow window. */
async function cardStates(): Promise<void> {
  await withBrowser(async (context) => {
    await routeSitePages(context);
    await setPersonalPolicy(context, {
      ...SCHOOL,
      staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
      pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
      mode: 'confirm',
      pupilNameAnswers: 'posts-like-this',
    });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await openSurface(page, COMMENT);
    await page.locator(COMMENT.editor).click();
    await page.keyboard.type('Jack Smith the boxer was on telly again, Mrs Jones says he won');
    await waitForCardText(page);
    await cardShot(page, 'card-warning', COMMENT.editor);
    await clickCardButton(page, 'More answers');
    await cardShot(page, 'card-answers', COMMENT.editor);
    await page.locator(COMMENT.editor).click();
    await page.keyboard.press('Enter');
    while (!(await readCards(page)).roles.includes('alertdialog')) await page.waitForTimeout(50);
    await cardShot(page, 'card-held', COMMENT.editor);

    const form = PROFILE_FIELDS.find((f) => f.name === 'facebook workplace position')!;
    const profile = await context.newPage();
    await profile.setViewportSize({ width: 1100, height: 760 });
    await openProfileField(profile, form);
    await profile.locator(form.field).click();
    await waitForCardText(profile);
    await cardShot(profile, 'card-profile-form', 'form');

    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 480, height: 640 });
    const x = SURFACES.find((sp) => sp.name === 'x home post')!;
    await openSurface(narrow, x);
    await narrow.locator(x.editor).click();
    await narrow.keyboard.type('Well done Jack Smith and Olivia Brown, and thanks to Mrs Jones');
    await waitForCardText(narrow);
    await narrow.waitForTimeout(300);
    await narrow.screenshot({ path: join(OUT, 'card-narrow-window.png') });
    console.log('  docs/screenshots/card-narrow-window.png');
  });
}

async function withBrowser(run: (context: BrowserContext) => Promise<void>): Promise<void> {
  const userDataDir = makeUserDataDir();
  const context = await launchWithExtension({ userDataDir });
  try {
    await run(context);
  } finally {
    await context.close();
    removeDir(userDataDir);
  }
}

/** A warning on a practice page, answered "This isn't a pupil": one count and one exception. */
async function warnAndMarkNotAMatch(context: BrowserContext, text: string): Promise<Page> {
  await routeSitePages(context);
  const page = await context.newPage();
  await openSurface(page, COMMENT);
  await page.locator(COMMENT.editor).click();
  await page.keyboard.type(text);
  await waitForCardText(page);
  await clickCardButton(page, 'This isn’t a pupil');
  return page;
}

async function personalStates(): Promise<void> {
  await withBrowser(async (context) => {
    await shot(await openPopup(context), 'popup-not-set-up');
    const options = await optionsPage(context);
    await shot(options, 'options-empty');

    await options.getByLabel('School name').fill(SCHOOL.schoolName);
    await options.getByLabel('Other names for the school').fill('Oakfield\n#OakfieldFamily\noakfield.example.sch.uk');
    await options.getByLabel('Link to the school’s social media policy').fill(SCHOOL.policyUrl);
    await options.getByLabel('Who to ask about the policy').fill(SCHOOL.contact);
    await options.getByRole('button', { name: 'Save and go on to people' }).click();
    await options.locator('#saved-note', { hasText: 'Saved' }).waitFor();
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('ugly-bad-rows.csv'));
    await options.getByLabel('Add staff from a CSV file').setInputFiles(MIS('sims-staff.csv'));
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    await shot(options, 'options-filled');
    await shot(options, 'options-filled-dark', 'dark');

    await goToStep(options, 'What to check');
    await options.locator('details.advanced > summary').click();
    await shot(options, 'options-checks');

    const site = await warnAndMarkNotAMatch(context, 'Coffee with Mo Ali after the match');
    await options.bringToFront();
    await goToStep(options, 'Done');
    await options.locator('.exceptions li').first().waitFor();
    await shot(options, 'options-done');

    await goToStep(options, 'People');
    await options.getByLabel('Pupils, one a line', { exact: true }).fill('Isla Thornton\nHartley, Alfie');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('#pupils-errors').waitFor();
    await shot(options, 'options-errors');

    const popup = await openPopup(context, { over: site });
    await popup.locator('[data-count="shown"]', { hasText: '1' }).waitFor();
    await shot(popup, 'popup-personal');
    await shot(popup, 'popup-personal-dark', 'dark');

    // Someone edits the stored settings by hand and gets them wrong.
    await workerEvaluator(context)(() =>
      chrome.storage.local.set({ personalPolicy: { schoolName: 'Oakfield Primary School', mode: 'shout', staff: [{ name: 5 }] } }),
    );
    const broken = await openPopup(context);
    await broken.locator('.issues').waitFor();
    await shot(broken, 'popup-errors');
  });
}

async function managedStates(): Promise<void> {
  if (!IS_ROOT) {
    console.log(`  skipped popup-managed and options-managed: writing a managed policy to ${MANAGED_POLICY_DIR} needs root`);
    return;
  }
  POLICY_FILE.write({ ...SCHOOL, pupils: [{ name: 'Isla Thornton' }, { name: 'Alfie Hartley' }, { name: 'Mo Ali' }], mode: 'confirm' });
  try {
    await withBrowser(async (context) => {
      await setPersonalPolicy(context, { staff: [{ name: 'Sarah Hughes', role: 'Headteacher' }] });
      const evalInWorker = workerEvaluator(context);
      for (let i = 0; i < 60; i++) {
        const { policyState } = (await evalInWorker(() => chrome.storage.local.get('policyState'))) as { policyState?: { source: string } };
        if (policyState?.source === 'managed') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await shot(await openPopup(context), 'popup-managed');
      await shot(await optionsPage(context), 'options-managed');
    });
  } finally {
    POLICY_FILE.remove();
  }
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(OUT, { recursive: true });
  console.log('Saving screenshots:');
  await cardStates();
  await personalStates();
  await managedStates();
  await publicStates();
}

main().catch((error: unknown) => {
  POLICY_FILE.remove();
  console.error(error);
  process.exit(1);
});

/**
 * `npm run screenshots`: builds the extension and saves PNGs of the popup and the options page in
 * each of their states to docs/screenshots/, for the README and for review.
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
import { openSurface, routeSitePages, SURFACES } from '../tests/e2e/fixtures/site-pages';
import { clickCardButton, waitForCardText } from '../tests/e2e/fixtures/warning-card';
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
    await options.getByLabel('Add pupils from a CSV file').setInputFiles(MIS('ugly-bad-rows.csv'));
    await options.getByLabel('Add staff from a CSV file').setInputFiles(MIS('sims-staff.csv'));
    await options.getByRole('button', { name: 'Save' }).click();
    await options.locator('#save-status', { hasText: 'Saved.' }).waitFor();

    const site = await warnAndMarkNotAMatch(context, 'Coffee with Mo Ali after the match');
    await options.bringToFront();
    await options.locator('.exceptions li').first().waitFor();
    await shot(options, 'options-filled');
    await shot(options, 'options-filled-dark', 'dark');

    await options.getByLabel('Pupils, one a line', { exact: true }).fill('Isla Thornton\nHartley, Alfie');
    await options.getByLabel('Link to the school’s social media policy').fill('oakfield.example.sch.uk/policy');
    await options.getByRole('button', { name: 'Save' }).click();
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
  await personalStates();
  await managedStates();
  await publicStates();
}

main().catch((error: unknown) => {
  POLICY_FILE.remove();
  console.error(error);
  process.exit(1);
});

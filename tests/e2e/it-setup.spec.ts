/**
 * The IT set-up page, as a technician without Node would use it: from the options page's link, the
 * MIS exports chosen, the rows it skipped shown with why, names hashed, a zip downloaded; the zip's
 * Linux file then installed as managed policy in /etc/chromium/policies/managed, and the built
 * extension in real Chromium flags a pupil from the CSV, with the popup saying where the policy came
 * from. No serious accessibility problems (axe-core).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import axe from 'axe-core';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js/index-native.js';
import { EXTENSION_ID } from '../../lib/extension-identity';
import { expect, launchWithExtension, makeUserDataDir, removeDir, test, workerEvaluator } from './fixtures/extension';
import { openOptions, openPopup } from './fixtures/extension-pages';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { openSurface, routeSitePages, SURFACES } from './fixtures/site-pages';
import { waitForCardText } from './fixtures/warning-card';

const MIS = (name: string) => fileURLToPath(new URL(`../fixtures/mis/${name}`, import.meta.url));
const POLICY_FILE = managedPolicyFile('second-look-it-setup-e2e.json');
const COMMENT = SURFACES.find((s) => s.name === 'facebook comment')!;
const PUPIL = 'Alfie Hartley'; // from sims-pupils.csv

async function openItSetup(context: BrowserContext): Promise<Page> {
  const options = await openOptions(context);
  const [page] = await Promise.all([context.waitForEvent('page'), options.getByRole('link', { name: 'IT set-up' }).click()]);
  await page.locator('h1').waitFor();
  await expect(page.locator('h1')).toHaveText('Second Look: IT set-up');
  await options.close();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = (await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))) as axe.AxeResults;
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test.describe('IT set-up page', () => {
  test('shows the rows it skipped and why, and refuses swapped files with a clear message', async ({ context }) => {
    const page = await openItSetup(context);
    await page.getByLabel('School’s full name').fill('Oakfield Primary School');
    await page.getByLabel('Pupils (required)').setInputFiles(MIS('ugly-bad-rows.csv'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Build and download the zip' }).click();
    await download;
    const result = page.locator('#build-result');
    await expect(result).toContainText('Skipped, and why');
    await expect(result).toContainText('ugly-bad-rows.csv: warning: row 4 skipped: it has a surname (“Begum”) but no forename.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Pupils (required)').setInputFiles(MIS('sims-staff.csv'));
    await page.getByRole('button', { name: 'Build and download the zip' }).click();
    await expect(result).toContainText('Nothing was built');
    await expect(result).toContainText('sims-staff.csv: this file has a “Role” column, so it looks like a list of members of staff, not of pupils.');
  });

  test('from CSVs to a downloaded zip whose Linux file works as managed policy', async () => {
    test.skip(!IS_ROOT, NEEDS_ROOT);
    const work = mkdtempSync(join(tmpdir(), 'second-look-it-setup-'));
    const userDataDir = makeUserDataDir();
    let linuxFile: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    let context = await launchWithExtension({ userDataDir });
    try {
      const page = await openItSetup(context);
      await page.getByLabel('School’s full name').fill('Oakfield Primary School');
      await page.getByLabel('Other names for the school').fill('Oakfield\nOPS');
      await page.getByLabel('Pupils (required)').setInputFiles(MIS('sims-pupils.csv'));
      await page.getByLabel('Staff', { exact: true }).setInputFiles(MIS('sims-staff.csv'));
      await page.getByLabel('Link to the school’s social media policy').fill('https://oakfield.example.sch.uk/social-media');
      await expect(page.getByLabel('Hashed (recommended): names do not show in chrome://policy')).toBeChecked();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Build and download the zip' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('second-look-policy.zip');
      const zipPath = join(work, 'policy.zip');
      await download.saveAs(zipPath);
      await expect(page.locator('#build-result')).toContainText('Oakfield Primary School: 6 pupils, 4 members of staff');

      const reader = new ZipReader(new BlobReader(new Blob([readFileSync(zipPath)])));
      const entries = await reader.getEntries();
      const names = entries.map((e) => e.filename).sort();
      for (const f of ['README.txt', 'policy.json', 'roster-key.txt', 'linux/chrome-and-chromium.json', 'google-admin/policy-for-extensions.json', 'windows/chrome.reg', 'windows/intune/edge-policy.ps1', 'macos/chrome.mobileconfig', 'firefox/policies.json']) {
        expect(names).toContain(`second-look-policy/${f}`);
      }
      const linuxEntry = entries.find((e) => e.filename === 'second-look-policy/linux/chrome-and-chromium.json');
      const text = linuxEntry && !linuxEntry.directory ? await linuxEntry.getData(new TextWriter()) : '';
      await reader.close();
      expect(text).not.toContain('Hartley');
      linuxFile = JSON.parse(text);
      expect(linuxFile['3rdparty'].extensions[EXTENSION_ID].rosterHash.scheme).toBe('hmac-sha256-48');
    } finally {
      await context.close();
    }

    // The Linux file as IT would install it, read by the extension in a fresh start of the browser.
    POLICY_FILE.writeFile(linuxFile);
    try {
      context = await launchWithExtension({ userDataDir });
      const evaluate = workerEvaluator(context);
      await expect
        .poll(async () => ((await evaluate(async () => (await chrome.storage.local.get('policyState')).policyState)) as { source?: string } | undefined)?.source, {
          timeout: 15_000,
        })
        .toBe('managed');
      await routeSitePages(context);
      const page = await context.newPage();
      await openSurface(page, COMMENT);
      await page.locator(COMMENT.editor).click();
      await page.keyboard.type(`Well done ${PUPIL}`);
      expect(await waitForCardText(page)).toContain(`“${PUPIL}” names a pupil at your school.`);
      const popup = await openPopup(context, { over: page });
      const body = popup.locator('body');
      await expect(body).toContainText('Managed by Oakfield Primary School');
      await expect(body).toContainText('Last read from the browser today at');
      await expect(body).toContainText('It came from this computer’s policy (a policy file on this computer), built on');
    } finally {
      await context.close();
      POLICY_FILE.remove();
      removeDir(userDataDir);
      removeDir(work);
    }
  });
});

/**
 * "Check my old posts" in the built extension: from the options page, a test archive in each site's
 * export layout is read in the page's worker, with progress; Cancel stops a long one and adds nothing;
 * the list can be filtered and sorted and is exported as CSV to the person's device; a file that is
 * not an export gets a clear message; nothing is sent and nothing is kept in storage.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import axe from 'axe-core';
import Papa from 'papaparse';
import { manyTweets, writeTestArchives, xArchive, zipBytes } from '../fixtures/archives/build';
import { expect, test, workerEvaluator } from './fixtures/extension';
import { openOptions } from './fixtures/extension-pages';
import { setPersonalPolicy } from './fixtures/policy';

const DIR = mkdtempSync(join(tmpdir(), 'second-look-archives-'));
const archives = writeTestArchives(DIR);
const POLICY = JSON.parse(readFileSync(new URL('../fixtures/policies/school.json', import.meta.url), 'utf8'));

async function openChecker(context: BrowserContext): Promise<Page> {
  await setPersonalPolicy(context, POLICY);
  const options = await openOptions(context);
  const [page] = await Promise.all([context.waitForEvent('page'), options.getByRole('link', { name: 'Check my old posts' }).click()]);
  await page.getByRole('heading', { name: 'Check my old posts' }).waitFor();
  return page;
}

async function check(page: Page, file: string): Promise<void> {
  await page.getByLabel('Choose a downloaded export (.zip)').setInputFiles(file);
  await expect(page.locator('.run-status')).toContainText(/checked; (\d+ may break|none breaks) your school’s policy/, { timeout: 30_000 });
}

function allLocal(context: BrowserContext): Promise<Record<string, unknown>> {
  return workerEvaluator(context)(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
}

const results = (page: Page) => page.locator('.results > li');

test('an X archive: the flagged posts with their words marked, dates, rules and links to the posts', async ({ context }) => {
  const page = await openChecker(context);
  await check(page, (await archives).x);
  await expect(page.locator('.run-status')).toContainText('x-export.zip (X): 8 posts, comments and profile fields checked; 6 may break your school’s policy.');
  await expect(results(page)).toHaveCount(6);
  const jack = results(page).filter({ hasText: 'So proud of Jack Smith' });
  await expect(jack.locator('mark', { hasText: 'Jack Smith' })).toHaveCount(1);
  await expect(jack.locator('.result-head')).toContainText('11 Sept 2023 · X · Post');
  await expect(jack.locator('.rules')).toContainText('Names a pupil');
  await expect(jack.getByRole('link', { name: 'Open it on X' })).toHaveAttribute('href', 'https://x.com/sam_teacher/status/1700000000000000001');
  // The reply's &amp; is shown as X shows it; the bio is a profile field linked to the profile settings.
  await expect(results(page).filter({ hasText: 'Fish & chips with Mrs Jones' }).locator('.result-head')).toContainText('Reply');
  await expect(results(page).filter({ hasText: 'Year 6 teacher. Views my own.' }).getByRole('link', { name: 'Open your profile on X' })).toHaveAttribute('href', 'https://x.com/settings/profile');
  // Newest first by default; the clean walk by the river is not listed.
  await expect(results(page).first()).toContainText('Text me on 07912 345678');
  await expect(page.getByText('Lovely walk by the river')).toHaveCount(0);
});

for (const [site, expected] of [
  ['facebook', { count: 5, text: 'Café trip with Olivia O’Brien and the rest of the class 😀', words: ['Olivia O’Brien'], link: 'Find it in your activity on Facebook', public: false }],
  ['instagram', { count: 4, text: 'Sports day with Thomas Wright and the team 🏃', words: ['Thomas Wright', 'Sports day'], link: 'Open your profile on Instagram', public: true }],
  ['tiktok', { count: 3, text: 'Year 6 leavers assembly rehearsal with Amelia Kowalska', words: ['leavers assembly', 'Amelia Kowalska'], link: 'Open it on TikTok', public: true }],
] as const) {
  test(`the ${site} export: its posts and comments checked, mojibake mended, the public marker where the export says so`, async ({ context }) => {
    const page = await openChecker(context);
    await check(page, (await archives)[site]);
    await expect(results(page)).toHaveCount(expected.count);
    const row = results(page).filter({ hasText: expected.text });
    await expect(row).toHaveCount(1);
    for (const w of expected.words) await expect(row.locator('mark', { hasText: w })).toHaveCount(1);
    await expect(row.getByRole('link', { name: expected.link })).toBeVisible();
    await expect(row.locator('.badge.public')).toHaveCount(expected.public ? 1 : 0);
  });
}

test('a long archive shows its progress, and Cancel stops it and adds nothing to the list', async ({ context }) => {
  const big = join(DIR, 'big-x.zip');
  writeFileSync(big, await zipBytes(xArchive(manyTweets(60_000))));
  const page = await openChecker(context);
  await page.getByLabel('Choose a downloaded export (.zip)').setInputFiles(big);
  const progress = page.locator('#archive-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.locator('.run-status')).toContainText(/Checking big-x\.zip: [\d,]+ posts checked/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.run-status')).toHaveText('Stopped checking big-x.zip. Nothing from it was added to the list.');
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(results(page)).toHaveCount(0);
  // The file chooser works again afterwards.
  await check(page, (await archives).tiktok);
  await expect(results(page)).toHaveCount(3);
});

test('several archives in one list: filter by site, rule and words, sort, and export the list as shown to CSV', async ({ context }) => {
  const page = await openChecker(context);
  const paths = await archives;
  await check(page, paths.x);
  await check(page, paths.facebook);
  await expect(results(page)).toHaveCount(11);

  await page.getByLabel('Site').selectOption({ label: 'Facebook' });
  await expect(results(page)).toHaveCount(5);
  await expect(page.locator('#list-count')).toHaveText('5 of 11 shown');
  await page.getByLabel('Rule').selectOption({ label: 'Names a pupil' });
  await expect(results(page)).toHaveCount(1);
  await page.getByLabel('Site').selectOption({ label: 'All sites' });
  await expect(results(page)).toHaveCount(2); // Jack Smith on X, Olivia O’Brien on Facebook
  await page.getByLabel('Rule').selectOption({ label: 'All rules' });
  await page.getByLabel('Words in the post').fill('ofsted');
  await expect(results(page)).toHaveCount(1);
  await page.getByLabel('Words in the post').fill('');

  await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  const dates = await results(page).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  const dated = dates.filter(Boolean);
  expect(dated).toEqual([...dated].sort());

  await page.getByLabel('Site').selectOption({ label: 'X' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this list' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^second-look-old-posts-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(parsed[0]).toEqual(['Date', 'Site', 'What', 'Rules', 'Words', 'Text', 'Public', 'Link']);
  expect(parsed).toHaveLength(7);
  const jack = parsed.find((r) => r[5] === 'So proud of Jack Smith in assembly today!')!;
  expect([jack[0], jack[1], jack[2], jack[6], jack[7]]).toEqual(['2023-09-11', 'X', 'Post', '', 'https://x.com/sam_teacher/status/1700000000000000001']);
  expect(jack[3].split('; ')).toContain('Names a pupil');
  expect(jack[4].split('; ')).toContain('Jack Smith');
});

test('a file that is not an export gets a clear message; nothing is sent and nothing is kept; no serious axe problems', async ({ context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const before = await allLocal(context);
  const page = await openChecker(context);
  const stored = await allLocal(context);
  const notZip = join(DIR, 'holiday.zip');
  writeFileSync(notZip, 'not really a zip');
  await page.getByLabel('Choose a downloaded export (.zip)').setInputFiles(notZip);
  await expect(page.getByRole('alert')).toContainText('holiday.zip: This file is not a zip archive, or it is incomplete');
  await check(page, (await archives).instagram);
  await expect(results(page)).toHaveCount(4);

  await page.evaluate(axe.source);
  const violations = (await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))) as axe.AxeResults;
  expect(violations.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 640, height: 720 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Only the extension's own pages were loaded, and storage holds what it held before the check.
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
  expect(await allLocal(context)).toEqual(stored);
  // Only the policy's own keys (siteOverrides: the part of it content scripts read).
  expect(Object.keys(stored).sort()).toEqual([...new Set([...Object.keys(before), 'personalPolicy', 'policyState', 'lastGoodPersonalPolicy', 'siteOverrides'])].sort());
});

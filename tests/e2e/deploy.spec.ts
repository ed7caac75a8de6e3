/**
 * School IT's path end to end: MIS exports (tests/fixtures/mis) → the real `policy build` command →
 * its Linux file installed in /etc/chromium/policies/managed → the built extension in real Chromium
 * flags a pupil from the CSV on a practice page. The hashed form behaves the same, and a broken
 * update is reported with its path while the last good policy keeps working.
 *
 * The policy folder is machine-wide (every Chromium on this machine reads it), so each test writes
 * the file just before launching and removes it straight after. Writing there needs root.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID } from '../../lib/extension-identity';
import { expect, launchWithExtension, makeUserDataDir, removeDir, test, workerEvaluator } from './fixtures/extension';
import { IS_ROOT, managedPolicyFile } from './fixtures/managed-policy';
import { openPopup } from './fixtures/extension-pages';
import { openSurface, routeSitePages, SURFACES } from './fixtures/site-pages';
import { waitForCardText } from './fixtures/warning-card';
import { runCli } from '../support/run-cli';

const POLICY_FILE = managedPolicyFile('second-look-e2e.json');

const PUPIL = 'Alfie Hartley'; // from tests/fixtures/mis/sims-pupils.csv
const NOT_ON_ROLL = 'Jack Smith'; // the demo policy's pupil: flagged only if the wrong policy is in force
const SURFACE = SURFACES.find((s) => s.name === 'facebook comment')!;

/** Runs the real command line, as IT would, and returns the Linux managed-policy file it wrote. */
async function buildLinuxPolicy(extra: string[] = []): Promise<{ file: Record<string, any>; out: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = mkdtempSync(join(tmpdir(), 'second-look-e2e-build-'));
  const settings = join(out, 'settings.json');
  writeFileSync(settings, JSON.stringify({ mode: 'warn' }));
  const built = await runCli([
    'policy', 'build',
    '--school', 'Oakfield Primary School', '--aliases', 'Oakfield,OPS',
    '--pupils', 'tests/fixtures/mis/sims-pupils.csv', '--staff', 'tests/fixtures/mis/sims-staff.csv',
    '--settings', settings, '--out', out, ...extra,
  ]);
  if (built.code !== 0) throw new Error(`policy build failed (${built.code}): ${built.stderr}`);
  return { file: JSON.parse(readFileSync(join(out, 'linux/chrome-and-chromium.json'), 'utf8')), out };
}

const installManagedPolicy = (file: unknown) => POLICY_FILE.writeFile(file);
const removeManagedPolicy = () => POLICY_FILE.remove();

interface PolicyState {
  policy: Record<string, unknown>;
  source: string;
  issues: { source: string; issues: { path: string; message: string; level: string }[] }[];
}

/** Polls the extension's storage until `done` holds (storage.managed fills a few seconds after start). */
async function waitForPolicyState(context: BrowserContext, done: (s: PolicyState | undefined) => boolean): Promise<PolicyState> {
  const evaluate = workerEvaluator(context);
  let last: PolicyState | undefined;
  await expect
    .poll(
      async () => {
        last = await evaluate(async () => (await chrome.storage.local.get('policyState')).policyState as never);
        return done(last);
      },
      { timeout: 15_000, intervals: [500, 1_000] },
    )
    .toBe(true);
  return last!;
}

async function typeOnPracticePage(context: BrowserContext, text: string): Promise<Page> {
  await routeSitePages(context);
  const page = await context.newPage();
  await openSurface(page, SURFACE);
  await page.locator(SURFACE.editor).first().click();
  await page.keyboard.type(text);
  return page;
}

test.describe('deployment: `policy build` output as Linux managed policy', () => {
  test.skip(!IS_ROOT, 'needs root to write /etc/chromium/policies/managed (CI runs as root); skipped, not failed');
  test.beforeEach(() => removeManagedPolicy());
  test.afterEach(() => removeManagedPolicy());

  for (const form of ['plain names', 'keyed hashes'] as const) {
    test(`a pupil from the CSV is flagged on a practice page (roster as ${form})`, async () => {
      const { file, out } = await buildLinuxPolicy(form === 'keyed hashes' ? ['--hash'] : []);
      const policy = file['3rdparty'].extensions[EXTENSION_ID];
      if (form === 'keyed hashes') {
        // The compact scheme: a word table and packed lists, no list of entries left outside.
        expect(policy.rosterHash.scheme).toBe('hmac-sha256-48');
        expect(typeof policy.rosterHash.pupils).toBe('string');
        expect(policy.pupils).toBeUndefined();
        expect(JSON.stringify(file)).not.toContain('Hartley');
      } else {
        expect(policy.pupils).toContainEqual({ name: PUPIL, aliases: ['Alfred Hartley'] });
      }
      const userDataDir = makeUserDataDir();
      installManagedPolicy(file);
      const context = await launchWithExtension({ userDataDir });
      try {
        const state = await waitForPolicyState(context, (s) => s?.source === 'managed');
        expect(state.policy.schoolName).toBe('Oakfield Primary School');
        expect(state.issues).toEqual([]);

        const page = await typeOnPracticePage(context, `Well done ${NOT_ON_ROLL} and ${PUPIL}`);
        const card = await waitForCardText(page);
        expect(card).toContain(`“${PUPIL}” names a pupil at your school.`);
        // The card lists every finding: a name that is not in the CSV is not among them.
        expect(card).not.toContain(`“${NOT_ON_ROLL}”`);

        // On the laptop, the popup is how staff and IT see that the school's policy arrived.
        const popup = await openPopup(context, { over: page });
        await expect(popup.locator('body')).toContainText('Managed by Oakfield Primary School');
        await expect(popup.locator('body')).toContainText('It came from this computer’s policy (a policy file on this computer)');
      } finally {
        await context.close();
        removeManagedPolicy();
        removeDir(userDataDir);
        removeDir(out);
      }
    });
  }

  test('a broken update is reported with its path, and the last good policy keeps working', async () => {
    const { file, out } = await buildLinuxPolicy();
    const userDataDir = makeUserDataDir();
    try {
      installManagedPolicy(file);
      let context = await launchWithExtension({ userDataDir });
      try {
        await waitForPolicyState(context, (s) => s?.source === 'managed' && s.policy.schoolName === 'Oakfield Primary School');
      } finally {
        await context.close();
      }

      // IT pushes an update with a mistyped mode.
      const broken = structuredClone(file);
      broken['3rdparty'].extensions[EXTENSION_ID].mode = 'shout';
      broken['3rdparty'].extensions[EXTENSION_ID].schoolName = 'Wrong School';
      installManagedPolicy(broken);
      context = await launchWithExtension({ userDataDir });
      try {
        const state = await waitForPolicyState(context, (s) =>
          (s?.issues ?? []).some((g) => g.source === 'managed' && g.issues.some((i) => i.path === 'mode')),
        );
        const problem = state.issues.find((g) => g.source === 'managed')!.issues.find((i) => i.path === 'mode')!;
        expect(problem).toEqual({ path: 'mode', level: 'error', message: 'Must be one of "warn", "confirm"; found "shout".' });
        expect(state.source).toBe('managed');
        expect(state.policy.schoolName).toBe('Oakfield Primary School');
        expect(state.policy.mode).toBe('warn');

        const page = await typeOnPracticePage(context, `Well done ${PUPIL}`);
        expect(await waitForCardText(page)).toContain(`“${PUPIL}” names a pupil at your school.`);

        // The popup shows the problem and its path, and that the school's policy is still in force.
        const popup = await openPopup(context, { over: page });
        const body = popup.locator('body');
        await expect(body).toContainText('Managed by Oakfield Primary School');
        await expect(body).toContainText('Must be one of "warn", "confirm"; found "shout".');
        await expect(body).toContainText('mode');
      } finally {
        await context.close();
      }
    } finally {
      removeManagedPolicy();
      removeDir(userDataDir);
      removeDir(out);
    }
  });
});

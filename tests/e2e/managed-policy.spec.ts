/**
 * The built extension in real Chromium: it loads, Chrome accepts its managed schema, policy pushed by
 * IT reaches it, a broken policy keeps the last good one, and it makes no network requests.
 *
 * What Chrome does with managed policy (Chromium 156, observed here; these tests rely on it):
 * - Chrome validates each top-level key of the extension's managed policy against managed_schema.json
 *   before the extension sees it, and silently DROPS any top-level key whose value does not fit:
 *   `"mode": "shout"` (when the schema had an enum), `"pupils": "Jack"` (wrong type), `"staff": [{"name": 5}]`
 *   (one bad entry drops the whole list) and `"rules": {"pupil-mention": {"severity": "huge"}}` (a bad
 *   value deep inside drops all of `rules`). Unknown keys, top-level or nested, are dropped too. The
 *   extension then gets the rest, which validates, so it reports no issue at all (and the reduced policy
 *   becomes the new "last good" one): for these mistakes only chrome://policy shows anything.
 * - So the generated schema leaves out "enum" (lib/policy/managed-schema.ts): a bad choice such as
 *   `"mode": "shout"` now reaches our validator, which reports it and keeps the last good policy (test d).
 *   It has no "required" and cannot express "name or hashed" either, so `"rosterHash": {"scheme": ...}`
 *   with no key and `"pupils": [{}]` also reach our validator.
 * - An invalid managed_schema.json (top-level "additionalProperties", or a node without "type")
 *   makes Chrome refuse the whole extension: no service worker starts.
 * - storage.managed is filled a few seconds after start-up (about 3-4 s here), so tests poll.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_ID } from '../../lib/extension-identity';
import {
  BUILT_EXTENSION,
  expect,
  extensionIdOf,
  findServiceWorker,
  getServiceWorker,
  launchWithExtension,
  makeUserDataDir,
  removeDir,
  test,
  workerEvaluator,
} from './fixtures/extension';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';

// Functions passed to evalInWorker run in the service worker, where Chrome's `chrome` global exists.

const POLICY_FILE = managedPolicyFile('second-look-e2e.json');

const GOOD_POLICY = {
  schoolName: "St Example's Primary School",
  pupils: [{ name: 'Jack Smith' }],
  mode: 'confirm',
};

const writeManagedPolicy = (policy: unknown) => POLICY_FILE.write(policy);
const removeManagedPolicy = () => POLICY_FILE.remove();

interface StoredState {
  managed: Record<string, unknown>;
  policyState?: {
    policy: Record<string, unknown>;
    source: string;
    lockedKeys: string[];
    issues: { source: string; issues: { path: string; message: string; level: string }[] }[];
  };
  lastGoodManagedPolicy?: Record<string, unknown>;
}

function readState(context: BrowserContext): Promise<StoredState> {
  return workerEvaluator(context)(async () => {
    const managed = await chrome.storage.managed.get().catch(() => ({}));
    const local = await chrome.storage.local.get(['policyState', 'lastGoodManagedPolicy']);
    return { managed, ...local } as never;
  });
}

/** Polls the extension's storage until `done` holds (up to ~15 s) and returns that state. */
async function waitForState(context: BrowserContext, done: (s: StoredState) => boolean): Promise<StoredState> {
  let last: StoredState | undefined;
  await expect
    .poll(
      async () => {
        last = await readState(context);
        return done(last);
      },
      { timeout: 15_000, intervals: [500, 1_000] },
    )
    .toBe(true);
  return last!;
}

test('the built extension loads in Chromium with the pinned extension id', async ({ context, extensionId, evalInWorker }) => {
  expect(extensionId).toBe(EXTENSION_ID);
  const name = await evalInWorker(() => chrome.runtime.getManifest().name);
  expect(name).toBe('Second Look');
  // With no managed policy the worker still resolves a policy (the defaults) and stores it.
  const state = await waitForState(context, (s) => s.policyState !== undefined);
  expect(state.policyState!.source).toBe('defaults');
});

test.describe('managed schema', () => {
  let workDir: string;
  test.beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'second-look-e2e-ext-'));
  });
  test.afterEach(() => removeDir(workDir));

  async function startsServiceWorker(extensionPath: string): Promise<boolean> {
    const userDataDir = makeUserDataDir();
    const context = await launchWithExtension({ extensionPath, userDataDir });
    try {
      const worker = await findServiceWorker(context, 6_000);
      if (worker) expect(extensionIdOf(worker)).toBe(EXTENSION_ID);
      return worker !== undefined;
    } finally {
      await context.close();
      removeDir(userDataDir);
    }
  }

  test('Chrome refuses the extension if managed_schema.json is invalid (negative control)', async () => {
    // Control: an unmodified copy in the same kind of place loads, so only the schema edit matters.
    const intact = join(workDir, 'intact');
    cpSync(BUILT_EXTENSION, intact, { recursive: true });
    expect(await startsServiceWorker(intact), 'an unmodified copy should load').toBe(true);

    // Chrome forbids "additionalProperties" at the top level of a managed schema. (A node without
    // "type", e.g. deleting properties.mode.type, is rejected the same way; checked by hand.)
    const broken = join(workDir, 'broken');
    cpSync(BUILT_EXTENSION, broken, { recursive: true });
    const schemaPath = join(broken, 'managed_schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    schema.additionalProperties = false;
    writeFileSync(schemaPath, JSON.stringify(schema, null, 2));
    expect(await startsServiceWorker(broken), 'Chrome should not start an extension with a bad managed schema').toBe(false);
  });
});

test.describe('managed policy from /etc/chromium/policies/managed', () => {
  test.skip(!IS_ROOT, NEEDS_ROOT);
  test.beforeEach(() => removeManagedPolicy());
  test.afterEach(() => removeManagedPolicy());

  test('policy pushed by IT reaches the extension and is locked', async () => {
    writeManagedPolicy(GOOD_POLICY);
    const userDataDir = makeUserDataDir();
    const context = await launchWithExtension({ userDataDir });
    try {
      expect(extensionIdOf(await getServiceWorker(context))).toBe(EXTENSION_ID);
      const state = await waitForState(context, (s) => s.policyState?.source === 'managed');
      expect(state.managed).toMatchObject(GOOD_POLICY);
      const { policy, lockedKeys, issues } = state.policyState!;
      expect(policy.schoolName).toBe(GOOD_POLICY.schoolName);
      expect(policy.mode).toBe('confirm');
      expect(policy.pupils).toEqual([{ name: 'Jack Smith' }]);
      expect(lockedKeys).toEqual(expect.arrayContaining(['schoolName', 'mode', 'pupils']));
      expect(issues).toEqual([]);
    } finally {
      await context.close();
      removeDir(userDataDir);
      removeManagedPolicy();
    }
  });

  test('a broken policy update keeps the last good policy and reports the problem', async () => {
    const userDataDir = makeUserDataDir();
    try {
      // 1. A good policy arrives and is cached as the last good one.
      writeManagedPolicy(GOOD_POLICY);
      let context = await launchWithExtension({ userDataDir });
      try {
        await waitForState(
          context,
          (s) => s.policyState?.source === 'managed' && s.lastGoodManagedPolicy?.schoolName === GOOD_POLICY.schoolName,
        );
      } finally {
        await context.close();
      }

      // 2. IT pushes a broken update: a mistyped mode. Chrome passes it through (no enum in our managed
      //    schema), so our validator sees it; Chrome would otherwise drop the key and apply "warn" silently.
      writeManagedPolicy({ schoolName: 'Wrong School', mode: 'shout' });
      context = await launchWithExtension({ userDataDir });
      try {
        const state = await waitForState(context, (s) =>
          (s.policyState?.issues ?? []).some((g) => g.source === 'managed' && g.issues.some((i) => i.path === 'mode')),
        );
        // Chrome passed the broken value through unchanged.
        expect(state.managed).toMatchObject({ schoolName: 'Wrong School', mode: 'shout' });

        const { policy, source, issues } = state.policyState!;
        const problem = issues.find((g) => g.source === 'managed')!.issues.find((i) => i.path === 'mode')!;
        expect(problem.level).toBe('error');
        // A plain sentence for IT staff, not a raw validator dump.
        expect(problem.message).toMatch(/^[A-Z][^{}]*[.]$/);
        expect(problem.message).not.toMatch(/invalid_type|zod|undefined/i);

        // The last good policy is still in force.
        expect(source).toBe('managed');
        expect(policy.schoolName).toBe(GOOD_POLICY.schoolName);
        expect(policy.mode).toBe('confirm');
      } finally {
        await context.close();
      }
    } finally {
      removeDir(userDataDir);
      removeManagedPolicy();
    }
  });
});

test('the extension makes no network requests of its own', async ({ context, extensionId, evalInWorker }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Anything not explicitly allowed is recorded and refused, so nothing can leave the machine.
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await context.route('https://www.example-school-test.org/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>School test page</title><textarea id="post"></textarea>',
    }),
  );

  // Restart the extension now that everything is recorded, so its start-up is watched too.
  const restarted = context.waitForEvent('serviceworker', { timeout: 10_000 });
  await evalInWorker(() => chrome.runtime.reload()).catch(() => undefined); // the worker dies mid-call
  expect(extensionIdOf(await restarted)).toBe(extensionId);

  const page = await context.newPage();
  await page.goto('https://www.example-school-test.org/');
  await page.locator('#post').fill('Well done Jack Smith from Year 6 at St Example\'s!');
  // Give the extension time to act on the page and on a policy change.
  await evalInWorker(() => chrome.storage.local.set({ personalPolicy: { schoolName: 'St Example' } }));
  await page.waitForTimeout(3_000);

  const foreign = requests.filter(
    (url) => !url.startsWith(`chrome-extension://${extensionId}/`) && !url.startsWith('https://www.example-school-test.org/'),
  );
  expect(foreign).toEqual([]);
  expect(refused).toEqual([]);
  expect(requests).toContain('https://www.example-school-test.org/');
});

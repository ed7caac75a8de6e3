/**
 * School IT's Firefox path, end to end: MIS exports (tests/fixtures/mis) → the real `policy build`
 * command → its firefox/policies.json in /etc/firefox/policies → Firefox force-installs the .xpi that
 * `npm run zip:firefox` made (served from this machine, as from a school's web server) and hands the
 * policy to it. Then what IT and staff see: the policy arrives and is locked, a pupil from the CSV is
 * flagged, the popup and options page show the school's settings (and that a change applies after a
 * restart), a broken policies.json and a policy with a mistake keep the last good policy, and a
 * corrected file applies at the next start.
 *
 * What Firefox does (153 ESR, observed here): policies.json is read at start-up only (storage.managed has
 * no onChanged); there is no schema check inside "3rdparty", so the extension's own validation is all
 * that checks the values; a broken policies.json makes storage.managed.get() reject exactly as when there
 * is none.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../lib/extension-identity';
import type { PolicyState } from '../../lib/policy/storage-keys';
import { runCli } from '../support/run-cli';
import { waitForCard } from './support/card';
import { fieldByLabel, openOptions, openPopup, policyState, waitForText } from './support/extension';
import { launchFirefox, REPO_ROOT, waitUntil, type FirefoxSession } from './support/firefox';
import { IS_ROOT, NEEDS_ROOT, removePoliciesFile, writePoliciesFile } from './support/policies-file';
import { openSurface, SURFACES } from './support/practice-pages';

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
const XPI = join(REPO_ROOT, `.output/second-look-${VERSION}-firefox.zip`);
const PUPIL = 'Alfie Hartley'; // from tests/fixtures/mis/sims-pupils.csv
const SCHOOL = 'Oakfield Primary School';
const COMMENT = SURFACES.find((s) => s.name === 'facebook comment')!;

let server: Server;
let installUrl: string;
let work: string;
let profileDir: string;
let ff: FirefoxSession | undefined;
/** firefox/policies.json as `policy build` wrote it. */
let built: { policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> }; ExtensionSettings?: Record<string, unknown> } };

async function buildPolicies(school: string, settings: Record<string, unknown>): Promise<typeof built> {
  const out = join(work, `build-${Date.now()}`);
  const settingsFile = join(work, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify(settings));
  const result = await runCli([
    'policy', 'build', '--school', school, '--aliases', 'Oakfield,OPS',
    '--pupils', 'tests/fixtures/mis/sims-pupils.csv', '--staff', 'tests/fixtures/mis/sims-staff.csv',
    '--settings', settingsFile, '--firefox-install-url', installUrl, '--out', out,
  ]);
  if (result.code !== 0) throw new Error(`policy build failed (${result.code}): ${result.stderr}`);
  return JSON.parse(readFileSync(join(out, 'firefox/policies.json'), 'utf8'));
}

/** Starts Firefox on the kept profile and waits until the add-on is installed and has read its policy. */
async function start(done: (s: PolicyState | undefined) => boolean): Promise<PolicyState> {
  await ff?.close();
  ff = await launchFirefox({ profileDir, installTemporary: false });
  const session = ff;
  await waitUntil('Firefox to install Second Look from policies.json', async () => (await session.addon())?.isActive === true, 30_000, 250);
  let state: PolicyState | undefined;
  await waitUntil('the policy state', async () => done((state = await policyState(session).catch(() => undefined))), 20_000, 250);
  return state!;
}

const managedIssues = (s: PolicyState | undefined) => s?.issues.find((g) => g.source === 'managed')?.issues ?? [];

describe.skipIf(!IS_ROOT)(`managed policy from policies.json (${IS_ROOT ? 'as root' : NEEDS_ROOT})`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'second-look-firefox-managed-'));
    profileDir = join(work, 'profile');
    const xpi = readFileSync(XPI);
    server = createServer((req, res) => {
      if (req.url !== '/second-look.xpi') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/x-xpinstall', 'content-length': xpi.length }).end(xpi);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    installUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/second-look.xpi`;
    built = await buildPolicies(SCHOOL, { mode: 'confirm', contact: 'Mrs Patel (DSL)' });
    writePoliciesFile(built);
  });
  afterAll(async () => {
    await ff?.close();
    removePoliciesFile();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the generated policies.json force-installs the .xpi and its policy arrives, locked', async () => {
    expect(built.policies.ExtensionSettings).toEqual({ [FIREFOX_EXTENSION_ID]: { installation_mode: 'force_installed', install_url: installUrl } });
    const state = await start((s) => s?.source === 'managed');
    expect(await ff!.addon()).toMatchObject({ version: VERSION, isActive: true, temporarilyInstalled: false });

    const policy = built.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID];
    expect(await ff!.inExtension(() => browser.storage.managed.get(null))).toEqual(policy);
    expect(state.policy).toMatchObject({ schoolName: SCHOOL, mode: 'confirm' });
    expect(state.lockedKeys).toEqual(expect.arrayContaining(['schoolName', 'schoolAliases', 'pupils', 'staff', 'mode']));
    expect(state.issues).toEqual([]);
  });

  it('a pupil from the school’s CSV export is flagged on a practice page', async () => {
    const page = await ff!.newPage();
    await openSurface(page, COMMENT);
    await page.keyboard.type(`Well done ${PUPIL} today`);
    expect((await waitForCard(page)).text).toContain(`“${PUPIL}” names a pupil at your school.`);
    await page.close();
  });

  it('the popup and options page show the school’s settings in force, locked, and that a change applies after a restart', async () => {
    const popup = await openPopup(ff!);
    const text = await waitForText(popup, `Managed by ${SCHOOL}`);
    expect(text).toContain('Set by your school');
    expect(text).toContain('a change your school makes applies after you restart Firefox');
    expect(text).toContain('Mrs Patel (DSL)');

    const options = await openOptions(ff!);
    await waitForText(options, `Managed by ${SCHOOL}`);
    const schoolName = await fieldByLabel(options, 'School name');
    expect(schoolName).toMatchObject({ value: SCHOOL, locked: true });
    expect(schoolName!.label).toContain('Set by your school');
    await popup.close();
    await options.close();
  });

  it('a change to policies.json does nothing until Firefox restarts, then applies', async () => {
    const renamed = await buildPolicies('Oakfield Primary Academy', { mode: 'confirm' });
    writePoliciesFile(renamed);
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await policyState(ff!))?.policy.schoolName, 'read at start-up only').toBe(SCHOOL);

    const state = await start((s) => s?.policy.schoolName === 'Oakfield Primary Academy');
    expect(state.source).toBe('managed');
    expect(state.issues).toEqual([]);
  });

  it('a broken policies.json keeps the last good policy in force, and the popup says why', async () => {
    writePoliciesFile('{ "policies": { "3rdparty": { "Extensions": { "second-look@secondlook.school": { "schoolName": "Half-written"');
    const state = await start((s) => managedIssues(s).length > 0);
    expect(state.source).toBe('managed');
    expect(state.policy).toMatchObject({ schoolName: 'Oakfield Primary Academy', mode: 'confirm' });
    expect(state.lockedKeys).toContain('schoolName');
    expect(await ff!.inExtension(() => browser.storage.managed.get(null).then(() => 'answered', () => 'rejected'))).toBe('rejected');

    const popup = await openPopup(ff!);
    const text = await waitForText(popup, 'Managed by Oakfield Primary Academy');
    expect(text).toContain('could not be read when the browser started');
    expect(text).toContain('The last working version of your school’s settings is still in force.');
    expect(text).toContain('applies after you restart Firefox');
    await popup.close();
  });

  it('a policy with a mistake keeps the last good policy and names the setting that is wrong', async () => {
    const good = await buildPolicies(SCHOOL, { mode: 'confirm' });
    const entry = good.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID];
    // Firefox passes "3rdparty" through unchecked, so only the extension's validation sees this.
    writePoliciesFile({ policies: { ...good.policies, '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: { ...entry, schoolName: 'Wrong School', mode: 'shout' } } } } });
    const state = await start((s) => managedIssues(s).some((i) => i.path === 'mode'));
    expect(state.source).toBe('managed');
    expect(state.policy).toMatchObject({ schoolName: 'Oakfield Primary Academy', mode: 'confirm' });
    expect(managedIssues(state).find((i) => i.path === 'mode')!.level).toBe('error');

    const popup = await openPopup(ff!);
    const text = await waitForText(popup, 'Your school’s settings have a problem');
    expect(text).toContain('mode');
    expect(text).toContain('The last working version of your school’s settings is still in force.');
    await popup.close();
  });
});

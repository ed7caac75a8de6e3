/**
 * A self-hosted install as a school would do it: `npm run pack`'s CRX3 package and update manifest,
 * served from a loopback address, force-installed by the managed policy `pack` wrote
 * (force-install/linux.json) in /etc/chromium/policies/managed, into a real Chromium started with no
 * extension loaded by hand. Chromium fetches updates.xml, then the package, checks its signature,
 * installs it under the id the key gives, and the school's policy for that id reaches the browser.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROME_PATH, expect, makeUserDataDir, removeDir, test } from './fixtures/extension';
import { IS_ROOT, managedPolicyFile, NEEDS_ROOT } from './fixtures/managed-policy';
import { runCli } from '../support/run-cli';

const POLICY_FILE = managedPolicyFile('second-look-self-hosted-e2e.json');

function serve(dir: string, log: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    log.push(req.url ?? '');
    try {
      const body = readFileSync(join(dir, (req.url ?? '/').split('?')[0].replace(/^\/+/, '')));
      res.writeHead(200, { 'content-type': req.url?.includes('.crx') ? 'application/x-chrome-extension' : 'text/xml' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

test.describe('self-hosted install (npm run pack)', () => {
  test.skip(!IS_ROOT, NEEDS_ROOT);
  test.setTimeout(180_000);

  test('the packed CRX installs from its update manifest through policy, and the school’s policy for its id reaches the browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'second-look-pack-e2e-'));
    const requests: string[] = [];
    const { server, port } = await serve(join(dir, 'out'), requests);
    const userDataDir = makeUserDataDir();
    let context: BrowserContext | undefined;
    try {
      const packed = await runCli(['pack', '--key', join(dir, 'school-signing-key.pem'), '--base-url', `http://127.0.0.1:${port}/`, '--out', join(dir, 'out')]);
      expect(packed.code, packed.stderr).toBe(0);
      const id = /as ([a-p]{32})\./.exec(packed.stdout)![1];
      const crx = readFileSync(join(dir, 'out/second-look-0.1.0.crx'));
      expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
      expect(crx.readUInt32LE(4)).toBe(3);
      expect(readFileSync(join(dir, 'out/updates.xml'), 'utf8')).toContain(`appid='${id}'`);

      const install = JSON.parse(readFileSync(join(dir, 'out/force-install/linux.json'), 'utf8'));
      expect(install.ExtensionSettings[id]).toEqual({ installation_mode: 'force_installed', update_url: `http://127.0.0.1:${port}/updates.xml` });
      POLICY_FILE.writeFile({ ...install, '3rdparty': { extensions: { [id]: { schoolName: 'Oakfield Primary School', mode: 'confirm' } } } });

      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROME_PATH,
        headless: true,
        // Playwright turns extensions and background networking off by default; a policy install needs both.
        ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages', '--disable-component-update', '--disable-default-apps'],
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
      });
      // The package installs a few seconds after start-up. Chromium's own record of its extensions
      // (chrome://extensions-internals) says where it came from. (On this machine a tab opened at a
      // policy-installed extension's own page is closed by Chromium at once, so its pages are not
      // used here; its service worker may start and stop before a test could attach to it.)
      const page: Page = await context.newPage();
      const internals = async () => {
        await page.goto('chrome://extensions-internals');
        return JSON.parse((await page.locator('body').innerText()) || '[]') as { id: string; location: string; registry_status: string; name: string; creation_flags: string[] }[];
      };
      await expect
        .poll(async () => (await internals().catch(() => [])).find((e) => e.id === id), { timeout: 90_000, intervals: [1_000, 2_000] })
        .toMatchObject({ id, name: 'Second Look', location: 'EXTERNAL_POLICY_DOWNLOAD', registry_status: 'ENABLED' });
      expect(requests.some((r) => r.startsWith('/updates.xml?'))).toBe(true);
      expect(requests).toContain('/second-look-0.1.0.crx');

      // The school's policy for that id reaches the browser, checked against the package's own schema.
      await page.goto('chrome://policy');
      await expect(page.locator('body')).toContainText(id, { timeout: 20_000 });
      await expect(page.locator('body')).toContainText('Oakfield Primary School');
    } finally {
      await context?.close();
      POLICY_FILE.remove();
      server.close();
      removeDir(userDataDir);
      removeDir(dir);
    }
  });
});

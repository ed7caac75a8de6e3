/**
 * Debian's firefox-esr with the built extension, driven by puppeteer-core over WebDriver BiDi (there is
 * no geckodriver here, and Playwright drives only its own patched Firefox).
 *
 *   const ff = await launchFirefox();            // fresh profile, build installed as a temporary add-on
 *   const page = await ff.newPage();             // practice pages served at the real origins
 *   await ff.inExtension(() => browser.storage.local.get(null));
 *   await ff.close();
 *
 * What Firefox 153 ESR does here (observed; these helpers rely on it):
 * - `--remote-allow-system-access` is needed to open and script moz-extension:// pages, and lets
 *   `inChrome` run privileged code in the browser window (used to watch every HTTP request and to ask
 *   the add-on manager and the extension's background state).
 * - The extension's address is fixed by the `extensions.webextensions.uuids` pref, so its pages are
 *   at EXTENSION_ORIGIN.
 * - Request interception is per page; `isNavigationRequest()` tells documents apart (`resourceType()` is
 *   not supported over BiDi). The practice page's `data:` favicon shows up as a request.
 * - Navigating a tab to a moz-extension:// page moves it to the extension process: puppeteer reports the
 *   old frame as detached, but the page object keeps working.
 * - Type into a new tab, never the start-up one (Draft.js misplaced the first character there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ID } from '../../../lib/extension-identity';
import { buildSitePages, type SitePages } from '../../fixtures/sites/build';
import { SITE_ORIGINS, type SiteId } from '../../e2e/fixtures/site-pages';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BUILT_FIREFOX_EXTENSION = resolve(REPO_ROOT, '.output/firefox-mv3');
/** Any fixed UUID: Firefox gives the extension this one in every test profile. */
export const EXTENSION_UUID = '5ec0d100-0c5a-4f1e-9b0e-000000000015';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchOptions {
  /** A profile to keep between launches (restart tests). Default: a fresh one, removed on close. */
  profileDir?: string;
  /** Install the build as a temporary add-on (default), or leave installing to policies.json. */
  installTemporary?: boolean;
  prefs?: Record<string, unknown>;
}

/** One HTTP(S) request Firefox made, from any process, with who asked for it. */
export interface SeenRequest {
  url: string;
  /** "system" for Firefox itself, else the origin of the principal that triggered it (moz-extension://… for an extension). */
  by: string;
  addonId: string;
}

export interface AddonInfo {
  version: string;
  isActive: boolean;
  temporarilyInstalled: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  /** A new tab in which the practice pages are served at the real origins. */
  newPage(): Promise<Page>;
  /** Runs `fn(arg)` in one of the extension's own pages (where `browser.*` is available). */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `expression` with system privileges in the browser window (Services, ChromeUtils…). */
  inChrome<R>(expression: string): Promise<R>;
  /**
   * The visible text of every open tab whose address is `url` (Firefox's own view of its tabs: puppeteer
   * keeps showing about:blank for a tab the extension opened at one of its pages).
   */
  tabTexts(url: string): Promise<string[]>;
  /** What Firefox's add-on manager knows of Second Look: null when it is not installed. */
  addon(): Promise<AddonInfo | null>;
  /** Every HTTP(S) request since launch (or since `clearRequests`). */
  requests(): Promise<SeenRequest[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

export const BASE_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: EXTENSION_UUID }),
  // Debian's build honours this: the unsigned .xpi that policies.json force-installs is accepted.
  'xpinstall.signatures.required': false,
  // No update checks or recommendations: nothing should leave the machine.
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.discovery.enabled': false,
  // Firefox's own remote settings (blocklists, breach lists) would be fetched in the background.
  'services.settings.server': 'data:,#remote-settings-disabled/v1',
};

/** Privileged script, run once per launch: records every HTTP channel Firefox opens, from any process. */
const WATCH_REQUESTS = `(() => {
  if (window.__secondLookRequests) return true;
  const seen = (window.__secondLookRequests = []);
  Services.obs.addObserver({
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const p = channel.loadInfo?.triggeringPrincipal;
      seen.push({ url: channel.URI.spec, by: !p ? '' : p.isSystemPrincipal ? 'system' : p.origin, addonId: p?.addonId ?? '' });
    },
  }, 'http-on-modify-request');
  return true;
})()`;

let sitePages: SitePages | undefined;

export async function launchFirefox(opts: LaunchOptions = {}): Promise<FirefoxSession> {
  sitePages ??= await buildSitePages();
  const tempProfile = opts.profileDir ? undefined : mkdtempSync(join(tmpdir(), 'second-look-firefox-profile-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: opts.profileDir ?? tempProfile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...BASE_PREFS, ...opts.prefs },
  });
  const session = new Session(browser, sitePages, tempProfile);
  try {
    await session.inChrome(WATCH_REQUESTS);
    if (opts.installTemporary !== false) await browser.installExtension(BUILT_FIREFOX_EXTENSION);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

type BidiSend = (method: string, params: unknown) => Promise<{ result: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The raw WebDriver BiDi connection under puppeteer (for what puppeteer has no API for). */
export function bidi(browser: Browser): BidiSend {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  return (method, params) => connection.send(method, params);
}

/** The BiDi browsing-context id of a page's main frame. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

class Session implements FirefoxSession {
  private extensionTab?: Promise<Page>;
  private chromeContext?: string;

  constructor(
    readonly browser: Browser,
    private readonly pages: SitePages,
    private readonly tempProfile: string | undefined,
  ) {}

  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.serve(request));
    return page;
  }

  private serve(request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    const site = (Object.keys(SITE_ORIGINS) as SiteId[]).find((s) => SITE_ORIGINS[s].includes(url.origin));
    if (!site) return request.continue();
    if (request.isNavigationRequest()) return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: this.pages[site] });
    return request.respond({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found (practice page)' });
  }

  async inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    this.extensionTab ??= this.newPage().then(async (page) => {
      await gotoExtensionPage(page, 'popup.html');
      return page;
    });
    const page = await this.extensionTab.catch((error: unknown) => {
      this.extensionTab = undefined; // not installed yet, say: try afresh next time
      throw error;
    });
    return page.evaluate(fn as never, arg as never) as Promise<R>;
  }

  async inChrome<R>(expression: string): Promise<R> {
    const send = bidi(this.browser);
    this.chromeContext ??= (await send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result.contexts[0].context as string;
    const { result } = await send('script.evaluate', { expression, target: { context: this.chromeContext }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type === 'exception') throw new Error(`inChrome: ${result.exceptionDetails?.text ?? 'failed'}`);
    return deserialize(result.result) as R;
  }

  async tabTexts(url: string): Promise<string[]> {
    const send = bidi(this.browser);
    const { result } = await send('browsingContext.getTree', { maxDepth: 0 });
    const texts: string[] = [];
    for (const tab of (result.contexts as { context: string; url: string }[]).filter((c) => c.url === url)) {
      const evaluated = await send('script.evaluate', { expression: 'document.body.innerText', target: { context: tab.context }, awaitPromise: false });
      if (evaluated.result.type === 'success') texts.push(String(deserialize(evaluated.result.result)).replace(/\s+/g, ' ').trim());
    }
    return texts;
  }

  async addon(): Promise<AddonInfo | null> {
    const json = await this.inChrome<string>(`(async () => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const a = await AddonManager.getAddonByID(${JSON.stringify(FIREFOX_EXTENSION_ID)});
      return JSON.stringify(a && { version: a.version, isActive: a.isActive, temporarilyInstalled: a.temporarilyInstalled });
    })()`);
    return JSON.parse(json) as AddonInfo | null;
  }

  requests(): Promise<SeenRequest[]> {
    return this.inChrome<string>('JSON.stringify(window.__secondLookRequests)').then((json) => JSON.parse(json));
  }

  async clearRequests(): Promise<void> {
    await this.inChrome('window.__secondLookRequests.length = 0');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    // puppeteer waits for the process; make sure nothing of ours is left behind either way.
    this.browser.process()?.kill('SIGKILL');
    if (this.tempProfile) rmSync(this.tempProfile, { recursive: true, force: true });
  }
}

/** Opens one of the extension's pages in `page` and waits until its app has rendered a heading. */
export async function gotoExtensionPage(page: Page, path: string): Promise<void> {
  // The tab moves to the extension's process and puppeteer's goto() reports the old frame detached
  // only when it times out, so navigate through BiDi without waiting, then wait for the page itself.
  await bidi(page.browser())('browsingContext.navigate', { context: contextOf(page), url: `${EXTENSION_ORIGIN}/${path}`, wait: 'none' });
  await page.waitForFunction((url) => location.href === url && document.querySelector('h1') !== null, { timeout: 15_000 }, `${EXTENSION_ORIGIN}/${path}`);
}

/** A BiDi remote value (as script.evaluate returns it) as plain JSON-ish data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function deserialize(v: any): unknown {
  switch (v?.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'array':
      return (v.value ?? []).map(deserialize);
    case 'object':
      return Object.fromEntries((v.value ?? []).map(([k, val]: [unknown, unknown]) => [typeof k === 'string' ? k : deserialize(k), deserialize(val)]));
    default:
      return v;
  }
}

/** Waits until `check` returns true (polling), or throws with `what` after `timeout` ms. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeout = 15_000, interval = 100): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * `npm start`: builds the extension and opens Chromium with it loaded, the demo school's policy, and
 * the practice pages for Facebook, X, Instagram and TikTok (served at the real addresses, offline).
 *
 * With a display, it is an ordinary browser window to type into. Without one, it runs a short tour:
 * types a few realistic posts on each site (one of them clean), saves a screenshot of each warning,
 * and prints what it flagged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { routeSitePages } from '../tests/e2e/fixtures/site-pages';
import { readBadges, readCards } from '../tests/e2e/fixtures/warning-card';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const SHOTS = join(ROOT, 'demo-screenshots');
const POLICY = JSON.parse(readFileSync(join(ROOT, 'examples', 'demo-policy.json'), 'utf8'));

/** Branded Google Chrome ignores --load-extension (since Chrome 137), so Chromium comes first. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];

function findChromium(): string | undefined {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
    process.exit(1);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

function installChromium(): string | undefined {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/etc/debian_version')) {
    console.log('No Chromium found: installing Debian’s chromium package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    if (r.status === 0) return findChromium();
  }
  return undefined;
}

const HOW_TO_GET_CHROMIUM = `Second Look's demo needs Chromium (Google Chrome no longer loads unpacked extensions from the command line).
  Debian/Ubuntu:  sudo apt-get install chromium
  macOS:          brew install --cask chromium
  Windows:        install Chromium, then set CHROME_PATH to its chrome.exe
Or point CHROME_PATH at any Chromium build:  CHROME_PATH=/path/to/chromium npm start`;

interface TourStep {
  url: string;
  /** Where to type; clicking `open` first if the editor lives in a dialog. */
  editor: string;
  open?: string;
  text: string;
  name: string;
}

const TOUR: TourStep[] = [
  {
    name: 'facebook-post',
    url: 'https://www.facebook.com/',
    open: '[aria-label="Create a post"] [role="button"]',
    editor: '[role="dialog"] [data-lexical-editor="true"]',
    text: 'What a week! Jack Smith was brilliant in the nativity, so proud of my class.',
  },
  {
    name: 'x-post',
    url: 'https://x.com/home',
    editor: '[data-testid="tweetTextarea_0"]',
    text: 'Mrs Jones is off again and Ofsted are in tomorrow. Send wine.',
  },
  {
    name: 'instagram-comment',
    url: 'https://www.instagram.com/p/ABC123/',
    editor: 'textarea[aria-label="Add a comment…"]',
    text: 'Lovely walk by the river with the dog this morning.',
  },
  {
    name: 'tiktok-comment',
    url: 'https://www.tiktok.com/@sam/video/1',
    editor: '[data-e2e="comment-input"] [contenteditable="true"]',
    text: "Honestly the parents at St Example's are idiots. Text me on 07400 123456",
  },
];

/** Contact with pupils: a request list and a pupil's profile, then a click on Confirm / Follow. */
const CONTACT_TOUR = [
  { name: 'facebook-friend-requests', url: 'https://www.facebook.com/friends/requests', click: 'div.x1n2onr6:has-text("Jack Smith") [role="button"][aria-label="Confirm"]' },
  { name: 'x-pupil-profile', url: 'https://x.com/jack_smith07', click: '[data-testid="primaryColumn"] [data-testid$="-follow"]' },
];

async function contactTour(context: BrowserContext): Promise<void> {
  for (const step of CONTACT_TOUR) {
    const page: Page = await context.newPage();
    await page.goto(step.url);
    await page.waitForTimeout(800);
    const badges = await readBadges(page);
    const before = await readCards(page);
    await page.locator(step.click).first().click();
    await page.waitForTimeout(400);
    const card = await readCards(page);
    const shot = join(SHOTS, `${step.name}.png`);
    await page.screenshot({ path: shot });
    console.log(`${step.name}: ${step.url}`);
    if (badges.length) console.log(`  badges: ${badges.map((b) => b.text).join(', ')}`);
    if (before.text) console.log(`  banner: ${before.text}`);
    console.log(card.roles.includes('alertdialog') ? `  clicked, held: ${card.text}` : '  clicked, not held');
    console.log(`  screenshot: ${shot}\n`);
    await page.close();
  }
}

async function launch(executablePath: string, headless: boolean): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'second-look-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
      ...(headless ? ['--disable-gpu'] : []),
    ],
  });
  await routeSitePages(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The demo school's policy, as the person's own settings (what the options page will save).
  await worker.evaluate(async (policy) => {
    await chrome.storage.local.set({ personalPolicy: policy });
  }, POLICY);
  await worker.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      const { policyState } = (await chrome.storage.local.get('policyState')) as { policyState?: { source: string } };
      if (policyState?.source === 'personal') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  return { context, profile };
}

async function tour(context: BrowserContext): Promise<void> {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  console.log(`Demo school: ${POLICY.schoolName} (${POLICY.pupils.length} pupils, ${POLICY.staff.length} staff). Mode: ${POLICY.mode}.\n`);
  for (const step of TOUR) {
    const page: Page = await context.newPage();
    await page.goto(step.url);
    if (step.open) await page.click(step.open);
    await page.click(step.editor);
    await page.keyboard.type(step.text, { delay: 5 });
    await page.waitForTimeout(400);
    const card = await readCards(page);
    const shot = join(SHOTS, `${step.name}.png`);
    await page.screenshot({ path: shot });
    console.log(`${step.name}: typed “${step.text}”`);
    console.log(card.text ? `  ⚠ ${card.announced.replace(/^Second Look: /, '')}\n  card: ${card.text}` : '  ✓ no warning');
    console.log(`  screenshot: ${shot}\n`);
    await page.close();
  }
}

async function main(): Promise<void> {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const executablePath = findChromium() ?? installChromium();
  if (!executablePath) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
  const headless = !hasDisplay || process.argv.includes('--tour');
  const { context, profile } = await launch(executablePath, headless);
  try {
    if (headless) {
      await tour(context);
      await contactTour(context);
      console.log(`Screenshots are in ${SHOTS}`);
    } else {
      console.log('Chromium is open with Second Look and the demo school’s policy. Try typing a pupil’s name (Jack Smith, Olivia O’Brien), a colleague (Mrs Jones) or the school (St Example’s), or confirm Jack Smith’s friend request. Close the window to finish.');
      for (const step of [...TOUR, ...CONTACT_TOUR]) await (await context.newPage()).goto(step.url);
      await context.pages()[0]?.close();
      await new Promise<void>((done) => context.on('close', () => done()));
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`The demo stopped: ${(error as Error).message}`);
  process.exit(1);
});

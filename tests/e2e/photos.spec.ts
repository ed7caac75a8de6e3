/**
 * Photos attached to a compose box (school-photo), with the built extension in real Chromium on each
 * site's practice page, with JPEGs the tests make (GPS written by the test, a sign drawn by the test):
 * a photo from the school's grounds warns and, in confirm mode, holds the post; one from elsewhere at
 * the weekend says nothing and the post goes; a photo showing the school's name warns. Every time the
 * upload reaches the page's own handler exactly once, and no request leaves the browser: the recorder
 * sees the extension's own model and WebAssembly files, and nothing else.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, netLogUrls, test } from './fixtures/net-log';
import { attach, ELSEWHERE, groupPhoto, ON_GROUNDS, photo, PHOTO_SCHOOL, SCHOOL_DAY_TIME, uploads, WEEKEND_TIME } from './fixtures/photos';
import { setPersonalPolicy } from './fixtures/policy';
import { openSurface, routeSitePages, SITE_ORIGINS, submitted, SURFACES, type SurfaceSpec } from './fixtures/site-pages';
import { clickCardButton, readCards } from './fixtures/warning-card';
import { heicWithExif, mp4 } from '../support/box-writer';

/** Each site's compose surface that takes photos, and its file input. */
const PHOTO_SURFACES: { spec: SurfaceSpec; input: string }[] = [
  { spec: SURFACES.find((s) => s.name === 'x home post')!, input: '[data-testid="primaryColumn"] input[data-testid="fileInput"]' },
  { spec: SURFACES.find((s) => s.name === 'facebook post')!, input: '[role="dialog"][aria-label="Create post"] input[type="file"]' },
  { spec: SURFACES.find((s) => s.name === 'instagram caption')!, input: '[role="dialog"] input[type="file"]' },
  // TikTok Studio's picker is inside a shadow root: it fires `input`, not `change`, at window.
  { spec: SURFACES.find((s) => s.name === 'tiktok studio caption')!, input: 'input[type="file"]' },
];

const CAPTION = 'What a lovely afternoon';
/** The first photo loads the face and text models: slow on a busy two-core machine. */
const CHECKS_MS = 60_000;

function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));
  return seen;
}

function foreign(requests: string[]): string[] {
  const ours = Object.values(SITE_ORIGINS).flat();
  return requests.filter((u) => !u.startsWith('chrome-extension://') && !ours.some((o) => u.startsWith(`${o}/`)) && !u.startsWith('data:'));
}

async function open(page: Page, spec: SurfaceSpec): Promise<void> {
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
  if (spec.site !== 'tiktok' && spec.site !== 'instagram') await page.keyboard.type(CAPTION);
}

async function cardText(page: Page, contains: string, timeout = CHECKS_MS): Promise<string> {
  let text = '';
  await expect
    .poll(async () => (text = (await readCards(page)).text), { timeout, message: `a card saying “${contains}”` })
    .toContain(contains);
  return text;
}

async function submit(page: Page, spec: SurfaceSpec): Promise<void> {
  await page.locator(spec.submit).first().click();
}

for (const { spec, input } of PHOTO_SURFACES) {
  test(`${spec.site}: a photo from the grounds warns and holds, one from elsewhere at the weekend does not, a sign with the school's name warns; no network request`, async ({ context }) => {
    test.setTimeout(240_000);
    const requests = recordRequests(context);
    await routeSitePages(context);
    await setPersonalPolicy(context, { ...PHOTO_SCHOOL, mode: 'confirm' });
    const page = await context.newPage();

    // 1. Elsewhere, at the weekend: nothing to say, and the post goes (after the checks, in confirm mode).
    await open(page, spec);
    await attach(page, input, await photo(page, 'grounds', { ...ELSEWHERE, ...WEEKEND_TIME }));
    await submit(page, spec);
    await expect.poll(async () => (await submitted(page)).length, { timeout: CHECKS_MS }).toBe(1);
    expect((await readCards(page)).text, 'no card for a photo from elsewhere at the weekend').toBe('');
    expect((await uploads(page)).length, 'the page’s own handler got the upload once').toBe(1);

    // 2. On the school's grounds in the school day: a high warning, and confirm mode holds the post.
    await open(page, spec);
    await attach(page, input, await photo(page, 'grounds', { ...ON_GROUNDS, ...SCHOOL_DAY_TIME }));
    const card = await cardText(page, `It was taken about 80 m from ${PHOTO_SCHOOL.schoolName}, according to its location data.`);
    expect(card).toContain('Checked on this computer: the photo was not sent anywhere or kept.');
    expect(card).toContain('It was taken in the school day (Monday at 10:15)');
    expect((await uploads(page)).length).toBe(1);
    await submit(page, spec);
    await expect.poll(async () => (await readCards(page)).roles).toContain('alertdialog');
    const held = (await readCards(page)).text;
    expect(held).toContain(spec.site === 'x' || spec.site === 'tiktok' ? 'holding the post stops it being published, not the upload' : 'Holding the post stops the photo being published.');
    expect(await submitted(page), 'held: nothing sent yet').toHaveLength(0);
    await clickCardButton(page, 'Post anyway');
    await expect.poll(async () => (await submitted(page)).length).toBe(1);

    // 3. A sign with the school's name: read on the computer, through the same text engine.
    await open(page, spec);
    await attach(page, input, await photo(page, 'sign', {}));
    await cardText(page, 'The school’s name can be read in it (“');

    expect(foreign(requests), 'no request from the pages').toEqual([]);
    expect(foreign(netLogUrls(context)), 'no request from any context: service worker, offscreen document, its workers').toEqual([]);
  });
}

test('x: photos dropped on the composer or pasted into it are checked too, and reach the page once', async ({ context }) => {
  test.setTimeout(120_000);
  const spec = PHOTO_SURFACES[0].spec;
  await routeSitePages(context);
  await setPersonalPolicy(context, { ...PHOTO_SCHOOL, photoChecks: { faces: false, text: false } });
  const page = await context.newPage();
  await open(page, spec);
  const bytes = [...(await photo(page, 'grounds', { ...ON_GROUNDS, ...SCHOOL_DAY_TIME }))];
  for (const how of ['drop', 'paste'] as const) {
    await page.locator(spec.editor).first().evaluate(
      (editor, { bytes, how }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], `IMG_${how}.jpg`, { type: 'image/jpeg' }));
        const event = how === 'drop' ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }) : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
        editor.dispatchEvent(event);
      },
      { bytes, how },
    );
  }
  const text = await cardText(page, 'The first photo: It was taken about 80 m from');
  expect(text).toContain('The second photo: It was taken about 80 m from');
  expect((await uploads(page)).map((u) => u.via)).toEqual(['drop', 'paste']);
});

test('“This isn’t at school” remembers the area as a salted hash, and a photo from the same place is quiet afterwards', async ({ context, evalInWorker }) => {
  test.setTimeout(120_000);
  const spec = PHOTO_SURFACES[0];
  await routeSitePages(context);
  await setPersonalPolicy(context, { ...PHOTO_SCHOOL, photoChecks: { faces: false, text: false } });
  const page = await context.newPage();
  await open(page, spec.spec);
  await attach(page, spec.input, await photo(page, 'grounds', { ...ON_GROUNDS }));
  await cardText(page, 'according to its location data');
  await clickCardButton(page, 'This isn’t at school');
  await expect.poll(async () => (await readCards(page)).text).toBe('');
  // Metadata only (faces and text off here): no offscreen document is opened for it.
  expect(await evalInWorker(async () => (await (chrome.runtime as unknown as { getContexts(f: object): Promise<unknown[]> }).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length)).toBe(0);

  const { exceptions } = (await evalInWorker(() => chrome.storage.local.get('exceptions'))) as { exceptions: { rule: string; hash: string }[] };
  expect(exceptions).toEqual([expect.objectContaining({ rule: 'school-photo', hash: expect.stringMatching(/^[0-9a-f]{32}$/) })]);
  expect(JSON.stringify(exceptions), 'no coordinates or area kept').not.toMatch(/51\.|0\.13|area/);

  // A few metres away, in another photo: the same area, so quiet.
  await open(page, spec.spec);
  await attach(page, spec.input, await photo(page, 'grounds', { lat: ON_GROUNDS.lat + 0.0001, lon: ON_GROUNDS.lon + 0.0001 }));
  await submit(page, spec.spec);
  await expect.poll(async () => (await submitted(page)).length, { timeout: CHECKS_MS }).toBe(1);
  expect((await readCards(page)).text).toBe('');
});

// A loopback address that answers nothing: the check itself must not reach out.
test('the network log sees requests from the extension’s own contexts (so an empty one means none were made)', async ({ context, evalInWorker }) => {
  await evalInWorker(() => fetch('http://127.0.0.1:9/second-look-recorder-check/model.wasm').catch(() => undefined));
  await expect.poll(() => netLogUrls(context)).toContain('http://127.0.0.1:9/second-look-recorder-check/model.wasm');
});

test('HEIC photos and videos are checked by their metadata only, and the card says so', async ({ context }) => {
  test.setTimeout(120_000);
  const spec = PHOTO_SURFACES[3];
  await routeSitePages(context);
  await setPersonalPolicy(context, PHOTO_SCHOOL);
  const page = await context.newPage();
  await open(page, spec.spec);
  await attach(page, spec.input, Buffer.from(heicWithExif({ ...ON_GROUNDS, ...SCHOOL_DAY_TIME })), 'IMG_0001.HEIC', 'image/heic');
  await cardText(page, 'only its location and time data could be checked, not what it shows');

  await open(page, spec.spec);
  const video = mp4({ createdUtc: '2025-03-31T09:15:00Z', xyz: '+51.5029-000.1339/', moovAtEnd: true }, 512 * 1024);
  await attach(page, spec.input, Buffer.from(video), 'class-garden.mp4', 'video/mp4');
  const text = await cardText(page, 'Only a video’s location and time data are checked');
  expect(text).toContain('It was taken about 80 m from');
});

test('faces together with the school day warn (medium, never held); faces are counted, never named', async ({ context, evalInWorker }) => {
  test.setTimeout(180_000);
  const spec = PHOTO_SURFACES[0];
  await routeSitePages(context);
  await setPersonalPolicy(context, { ...PHOTO_SCHOOL, mode: 'confirm', photoChecks: { text: false } });
  const page = await context.newPage();
  await open(page, spec.spec);
  await attach(page, spec.input, await groupPhoto(page, { ...SCHOOL_DAY_TIME }));
  const offscreen = () => evalInWorker(async () => (await (chrome.runtime as unknown as { getContexts(f: object): Promise<unknown[]> }).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);
  expect(await offscreen(), 'no offscreen document before the first photo').toBe(0);
  const text = await cardText(page, 'people’s faces. It was taken in the school day (Monday at 10:15).');
  expect(await offscreen(), 'the first photo opened it').toBe(1);
  expect(text).toMatch(/It shows [2-6] people’s faces\./);
  // The photo's own lines (the policy clause below them may well mention pupils).
  expect(text.slice(0, text.indexOf('Policy:')), 'a count, never who, never “a child”').not.toMatch(/child|pupil|girl|boy|woman|man\b/i);
  await submit(page, spec.spec);
  await expect.poll(async () => (await submitted(page)).length, { timeout: CHECKS_MS }).toBe(1);
});

test('working hours: a quiet reminder once a post, never held, when the school switches it on', async ({ context }) => {
  const spec = PHOTO_SURFACES[0].spec;
  await routeSitePages(context);
  const always = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' };
  await setPersonalPolicy(context, { ...PHOTO_SCHOOL, mode: 'confirm', schoolDay: always, rules: { 'working-hours': { enabled: true } } });
  const page = await context.newPage();
  await open(page, spec);
  const text = await cardText(page, 'in the school day: your school asks staff not to use personal social media during working hours.');
  expect(text).toContain('Low');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await submitted(page)).length, { message: 'never held, even in confirm mode' }).toBe(1);

  // The next post is reminded again; dismissed, it stays away for the rest of that post.
  await page.locator(spec.editor).first().click();
  await page.keyboard.type('Another lovely afternoon');
  await cardText(page, 'in the school day');
  await clickCardButton(page, 'Dismiss this warning for this text');
  await page.keyboard.type(' in the park');
  await page.waitForTimeout(500);
  expect((await readCards(page)).text).toBe('');
});

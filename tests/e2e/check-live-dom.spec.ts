/**
 * `npm run --silent check:live-dom`: the runtime's own page reading over a folder of captures, in
 * real Chromium. Run here on tests/fixtures/live-dom-sample (the project's own markup in live-dom's
 * format; the real captures stay outside the repository), as IT or a developer would run it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/run-cli';

const run = promisify(execFile);
const SAMPLE = 'tests/fixtures/live-dom-sample';

async function checkLiveDom(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'check:live-dom', '--', ...args], { cwd: REPO_ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test.setTimeout(120_000);

test('--json: each editor as the runtime classifies it, its send control and Enter, and each contact control with the person read', async () => {
  const { code, stdout } = await checkLiveDom(['--json', SAMPLE]);
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(report.captures).toEqual([
    { file: 'facebook/comment-fr.html', site: 'facebook', path: '/', editors: [{ surface: 'comment', matched: true, send: true, enterSends: true }], contacts: [] },
    { file: 'facebook/friend-request.html', site: 'facebook', path: '/', editors: [], contacts: [{ kind: 'friend-request', does: 'accept', name: 'Jack Smith ⚽', handle: '' }] },
    {
      file: 'facebook/chat-tab.html',
      site: 'facebook',
      path: '/',
      editors: [{ surface: 'message', matched: true, send: false, enterSends: true, recipient: { name: 'Jo Governor', handle: 'jo.governor.7' } }],
      contacts: [],
    },
    // The Post button 20 levels up is found; "Who to follow" cells are suggestions, nobody's own.
    { file: 'x/home.html', site: 'x', path: '/home', editors: [{ surface: 'post', matched: true, send: true, enterSends: false }], contacts: [] },
    // Already followed (-unfollow is no contact control); the sidebar's cell is excluded; the name without the @handle.
    { file: 'x/profile.html', site: 'x', path: '/jack_smith07', editors: [], contacts: [{ kind: 'profile', does: 'message', name: 'Jack Smith', handle: 'jack_smith07' }] },
    { file: 'instagram/comment-ru.html', site: 'instagram', path: '/p/ABC123/', editors: [{ surface: 'comment', matched: true, send: true, enterSends: true }], contacts: [] },
    // No h1: the display name, not the handle's h2 or "posts 12" (the handle, which is not the name, from the path).
    {
      file: 'instagram/profile-header.html',
      site: 'instagram',
      path: '/sunnyday_22/',
      editors: [],
      contacts: [
        { kind: 'profile', does: 'follow', name: 'Jack Smith', handle: 'sunnyday_22' },
        { kind: 'profile', does: 'message', name: 'Jack Smith', handle: 'sunnyday_22' },
      ],
    },
    {
      file: 'tiktok/profile.html',
      site: 'tiktok',
      path: '/@jack_smith07',
      editors: [],
      contacts: [
        { kind: 'profile', does: 'follow', name: 'jack_smith07 | Jack Smith ⚽', handle: 'jack_smith07' },
        { kind: 'profile', does: 'message', name: 'jack_smith07 | Jack Smith ⚽', handle: 'jack_smith07' },
      ],
    },
    { file: 'tiktok/unknown-composer.html', site: 'tiktok', path: '/live/notes', editors: [{ surface: 'comment', matched: false, send: false, enterSends: true }], contacts: [] },
  ]);
  // Every hook of every adapter is listed with the captures it matched in.
  const hook = (site: string, where: string) => report.hooks.find((h: { site: string; where: string }) => h.site === site && h.where === where);
  expect(hook('x', 'submitControls[1]')).toEqual({ site: 'x', where: 'submitControls[1]', selector: '[data-testid="tweetButtonInline"]', captures: ['x/home.html'] });
  expect(hook('x', 'submitControls[0]').captures).toEqual([]);
  expect(hook('facebook', 'contacts[0].controls[0]')).toMatchObject({ label: 'confirm', captures: ['facebook/friend-request.html'] });
  expect(report.invalid).toEqual([]);
  expect(report.missing).toEqual([]);
});

test('without --json: a readable table and the selectors that matched nothing', async () => {
  const { code, stdout } = await checkLiveDom([SAMPLE]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^capture +lang +what +surface \/ kind +hint matched +send found +Enter sends +person/);
  expect(stdout).toMatch(/facebook\/comment-fr\.html \(\/\) +fr +editor +comment +yes \(surfaces\[\d+\]\) +yes +yes/);
  expect(stdout).toMatch(/x\/profile\.html \(\/jack_smith07\) +ja +contact: message +profile +Jack Smith @jack_smith07/);
  expect(stdout).toContain('Selectors that matched nothing in any capture of their site:');
  expect(stdout).toMatch(/\n {2}x +submitControls\[0\] +\[data-testid="tweetButton"\]\n/);
});

test('--policy tries a school override on the captures before it is pushed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-check-live-dom-'));
  try {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({
      siteOverrides: {
        tiktok: {
          surfaces: [{ surface: 'message', selector: '[data-e2e="live-note-box"]' }],
          submitControls: [{ selector: '[data-e2e="live-note-send"]' }],
        },
      },
    }));
    const fixed = await checkLiveDom(['--json', '--policy', good, SAMPLE]);
    expect(fixed.code).toBe(0);
    const capture = JSON.parse(fixed.stdout).captures.find((c: { file: string }) => c.file === 'tiktok/unknown-composer.html');
    expect(capture.editors).toEqual([{ surface: 'message', matched: true, send: true, enterSends: true }]);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ siteOverrides: { tiktok: { submitControls: [{ selector: 'div >' }] } } }));
    const refused = await checkLiveDom(['--json', '--policy', bad, SAMPLE]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Error at siteOverrides.tiktok.submitControls[0].selector: Not a usable CSS selector: it ends with a combinator');
    expect(refused.stdout).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder without a manifest is refused with what it needs', async () => {
  const { code, stderr } = await checkLiveDom(['--json', 'tests/fixtures/sites']);
  expect(code).toBe(2);
  expect(stderr).toMatch(/No manifest\.json in .*tests\/fixtures\/sites: a capture folder lists its files as \[\{"file", "site", "path"\}\]\./);
});

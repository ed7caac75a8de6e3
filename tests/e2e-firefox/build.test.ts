/**
 * The Firefox build as Firefox and Mozilla's linter see it: Manifest V3 with an event page, the gecko
 * settings, none of Chrome's keys, and no errors from `web-ext lint` (the checks addons.mozilla.org runs
 * before it signs an add-on).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../lib/extension-identity';
import { BUILT_FIREFOX_EXTENSION, REPO_ROOT } from './support/firefox';

const manifest = JSON.parse(readFileSync(join(BUILT_FIREFOX_EXTENSION, 'manifest.json'), 'utf8'));

describe('the built Firefox manifest', () => {
  it('is Manifest V3 with an event page (background scripts), not a service worker', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background).not.toHaveProperty('service_worker');
  });

  it('names the add-on, the Firefox it needs and that it collects no data', () => {
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: FIREFOX_EXTENSION_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('carries none of Chrome’s keys or files', () => {
    for (const key of ['key', 'storage', 'minimum_chrome_version']) expect(manifest).not.toHaveProperty(key);
    expect(existsSync(join(BUILT_FIREFOX_EXTENSION, 'managed_schema.json'))).toBe(false);
  });
});

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

it('web-ext lint finds no errors', async () => {
  const run = promisify(execFile);
  const bin = join(REPO_ROOT, 'node_modules/.bin/web-ext');
  const args = ['lint', '--source-dir', BUILT_FIREFOX_EXTENSION, '--output', 'json', '--no-config-discovery'];
  // web-ext exits non-zero when it finds errors; the report is on standard output either way.
  const stdout = await run(bin, args, { cwd: REPO_ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? '',
  );
  const report = JSON.parse(stdout) as LintReport;
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  // Known warnings, documented in README (Firefox section): Preact's innerHTML for dangerouslySetInnerHTML
  // (never used here), and data_collection_permissions being newer than Firefox for Android 140.
  const unexpected = report.warnings.filter((w) => !['UNSAFE_VAR_ASSIGNMENT', 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION'].includes(w.code));
  expect(unexpected.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`)).toEqual([]);
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
});

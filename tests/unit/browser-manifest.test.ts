/**
 * The per-browser manifest split in wxt.config.ts: Chrome-only keys only in Chrome's build, Firefox's
 * gecko settings only in Firefox's. (The built Firefox manifest itself is checked, and linted with
 * web-ext, by the Firefox suite: tests/e2e-firefox/build.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { EXTENSION_PUBLIC_KEY, FIREFOX_EXTENSION_ID } from '../../lib/extension-identity';

type Manifest = Record<string, unknown>;
const manifestFor = async (browser: 'chrome' | 'firefox'): Promise<Manifest> => {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: 3; mode: string; command: 'build' }) => Manifest | Promise<Manifest>;
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
};

describe('manifest per browser', () => {
  it('builds Manifest V3 for every browser (WXT would otherwise build Firefox as MV2)', () => {
    expect(config.manifestVersion).toBe(3);
  });

  it('Chrome gets the pinned key, the managed schema and its minimum version, and no gecko settings', async () => {
    const chrome = await manifestFor('chrome');
    expect(chrome.key).toBe(EXTENSION_PUBLIC_KEY);
    expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(chrome.minimum_chrome_version).toBe('114');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox gets its add-on id, minimum version and data-collection statement, and none of Chrome’s keys', async () => {
    const firefox = await manifestFor('firefox');
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: FIREFOX_EXTENSION_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
    for (const key of ['key', 'storage', 'minimum_chrome_version']) expect(firefox).not.toHaveProperty(key);
  });

  it('both ask for the same permissions, but for Chrome\'s offscreen document (Firefox looks at photos in a frame)', async () => {
    const chrome = (await manifestFor('chrome')).permissions as string[];
    expect((await manifestFor('firefox')).permissions).toEqual(chrome.filter((p) => p !== 'offscreen'));
    expect(chrome).toContain('offscreen');
  });
});

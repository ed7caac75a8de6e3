/**
 * The manifest keys only one browser knows. Firefox warns about (and web-ext lint reports) Chrome's
 * `key`, `storage.managed_schema` and `minimum_chrome_version`; Chrome warns about
 * `browser_specific_settings`. wxt.config.ts adds one set or the other.
 */
import { FIREFOX_EXTENSION_ID } from './extension-identity';

/**
 * Firefox 140 (ESR) is the first to know `data_collection_permissions`, which says the add-on collects
 * nothing (shown at install, required for new add-ons on addons.mozilla.org and its signing service).
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const CHROME_MIN_VERSION = '114';

export function chromeOnlyManifest(publicKey: string) {
  return {
    // Pins the unpacked and store builds to one id (lib/extension-identity.ts).
    key: publicKey,
    // Tells Chrome (and admin consoles) the shape of the managed policy.
    storage: { managed_schema: 'managed_schema.json' },
    minimum_chrome_version: CHROME_MIN_VERSION,
  };
}

export function firefoxOnlyManifest() {
  return {
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_EXTENSION_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

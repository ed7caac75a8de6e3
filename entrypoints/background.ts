/**
 * Background service worker: works out which policy is in force (managed > personal > defaults)
 * and keeps it in extension storage for the content scripts and pages. It makes no network requests.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { refreshPolicyState, STORAGE_KEYS } from '../lib/policy/store';

export default defineBackground({
  type: 'module',
  main() {
    const storage = { managed: browser.storage.managed, local: browser.storage.local };
    const refresh = () => {
      refreshPolicyState(storage).catch((error: unknown) => console.warn('Second Look: could not read the policy', error));
    };
    refresh();
    browser.runtime.onStartup.addListener(refresh);
    browser.runtime.onInstalled.addListener(refresh);
    // Managed policy can arrive a few seconds after start-up, or change while the browser runs.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && STORAGE_KEYS.personal in changes)) refresh();
    });
  },
});

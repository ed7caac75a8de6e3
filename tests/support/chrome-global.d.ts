/**
 * `chrome` as seen by code that tests and the demo run inside the extension's service worker
 * (worker.evaluate). Typed with the promise-based WebExtension API, which Chrome MV3 implements.
 */
declare const chrome: import('webextension-polyfill').Browser;

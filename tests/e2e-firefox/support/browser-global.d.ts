/**
 * `browser` as seen by code the Firefox tests run inside the extension's own pages
 * (FirefoxSession.inExtension): Firefox's promise-based WebExtension API.
 */
declare const browser: import('webextension-polyfill').Browser;

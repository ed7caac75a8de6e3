/**
 * Which extension the artefacts point at, in each browser, and where it installs from. The Chromium
 * id is pinned by the manifest key (lib/extension-identity.ts); a store listing may have another.
 */
import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../extension-identity';

export { FIREFOX_EXTENSION_ID };

export interface DeployTarget {
  schoolName: string;
  chrome: { id: string; updateUrl?: string };
  edge: { id: string; updateUrl?: string };
  /** Firefox installs from an .xpi address (install_url), not from a Chrome-style update URL. */
  firefox: { id: string; installUrl?: string };
}

export function defaultTarget(schoolName: string): DeployTarget {
  return { schoolName, chrome: { id: EXTENSION_ID }, edge: { id: EXTENSION_ID }, firefox: { id: FIREFOX_EXTENSION_ID } };
}

/** One file to write into the output folder. */
export interface Artefact {
  /** Relative path with forward slashes, e.g. "windows/chrome.reg". */
  path: string;
  content: string | Uint8Array;
}

/** ExtensionSettings entry that force-installs the extension (Chrome, Edge). */
export function forceInstallSettings(id: string, updateUrl: string): Record<string, unknown> {
  return { [id]: { installation_mode: 'force_installed', update_url: updateUrl } };
}

export const CHROMIUM_EXTENSION_ID = /^[a-p]{32}$/;

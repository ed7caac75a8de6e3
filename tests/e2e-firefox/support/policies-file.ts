/**
 * Firefox's machine-wide enterprise policy file, as IT installs it on Linux:
 * /etc/firefox/policies/policies.json (not /etc/firefox-esr/…). Firefox reads it once, at start-up.
 *
 * Every Firefox on the machine reads this file, so the tests write it just before a launch and remove
 * it straight after. A marker beside it says the file is the tests' own: a run that crashed leaves the
 * marker too, and the next run's set-up (global-setup.ts) removes both. A policies.json without the
 * marker belongs to someone else and is never touched.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIREFOX_POLICIES_DIR = process.env.FIREFOX_POLICIES_DIR ?? '/etc/firefox/policies';
export const POLICIES_FILE = join(FIREFOX_POLICIES_DIR, 'policies.json');
const MARKER = join(FIREFOX_POLICIES_DIR, '.second-look-e2e');
export const IS_ROOT = process.getuid?.() === 0;
export const NEEDS_ROOT = `needs root to write ${POLICIES_FILE}`;

/** Writes policies.json (an object as JSON, or text as it is, broken or not). */
export function writePoliciesFile(content: unknown): void {
  if (existsSync(POLICIES_FILE) && !existsSync(MARKER)) {
    throw new Error(`${POLICIES_FILE} exists and was not written by these tests: move it away to run the managed-policy tests.`);
  }
  mkdirSync(FIREFOX_POLICIES_DIR, { recursive: true });
  writeFileSync(MARKER, `written by Second Look's Firefox tests (pid ${process.pid}); safe to delete with policies.json\n`);
  writeFileSync(POLICIES_FILE, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

/** Removes the tests' policies.json (and only theirs). Returns whether there was one. */
export function removePoliciesFile(): boolean {
  if (!existsSync(MARKER)) return false;
  rmSync(POLICIES_FILE, { force: true });
  rmSync(MARKER, { force: true });
  return true;
}

/**
 * The extension's own state and pages, as the Firefox tests use them: the person's own settings, the
 * policy in force, everything the extension stores, and what the popup and options page show.
 *
 * Pages are read as a person reads them (visible text, fields by their label), not by their markup, so
 * the popup and options page can change shape without these helpers changing.
 */
import type { Page } from 'puppeteer-core';
import type { PolicyState } from '../../../lib/policy/storage-keys';
import { gotoExtensionPage, waitUntil, type FirefoxSession } from './firefox';

/** Saves the person's own settings, as the options page does, and waits until the background has put them in force. */
export async function setPersonalPolicy(ff: FirefoxSession, policy: Record<string, unknown>): Promise<void> {
  const before = (await policyState(ff))?.updatedAt ?? -1;
  await ff.inExtension((p) => browser.storage.local.set({ personalPolicy: p }), policy);
  await waitUntil('the background to put the person’s settings in force', async () => {
    const state = await policyState(ff);
    return !!state && state.updatedAt !== before && state.source !== 'defaults';
  });
}

/** The policy in force, its source and problems, as the background left them for the pages. */
export function policyState(ff: FirefoxSession): Promise<PolicyState | undefined> {
  return ff.inExtension(async () => (await browser.storage.local.get('policyState')).policyState as PolicyState | undefined);
}

/** Everything the extension keeps (local and session storage), as JSON, to look for typed text in. */
export function everythingStored(ff: FirefoxSession): Promise<string> {
  return ff.inExtension(async () => JSON.stringify({ local: await browser.storage.local.get(null), session: await browser.storage.session?.get(null) }));
}

/**
 * Opens the popup in a tab. With `over`, the popup is loaded while `over` is the active tab, as when the
 * person clicks the toolbar button on it, so it reports on that tab.
 */
export async function openPopup(ff: FirefoxSession, opts: { over?: Page } = {}): Promise<Page> {
  const popup = await ff.newPage();
  await popup.setViewport({ width: 352, height: 600 });
  await gotoExtensionPage(popup, 'popup.html');
  if (opts.over) {
    await opts.over.bringToFront();
    // Loaded again while `over` is the active tab (puppeteer's reload() waits on a load event Firefox does not report here).
    await popup.evaluate(() => document.querySelector('h1')?.remove());
    await gotoExtensionPage(popup, 'popup.html');
  }
  return popup;
}

export async function openOptions(ff: FirefoxSession): Promise<Page> {
  const page = await ff.newPage();
  await gotoExtensionPage(page, 'options.html');
  return page;
}

/** All the text a person sees on the page, whitespace collapsed. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
}

/** Waits until the page shows `text` somewhere; returns what it shows. */
export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<string> {
  let seen = '';
  await waitUntil(`the page to show "${text}" (it shows: ${seen.slice(0, 300)})`, async () => (seen = await visibleText(page)).includes(text), timeout);
  return seen;
}

export interface FieldView {
  value: string;
  /** Disabled or read-only: the person cannot change it. */
  locked: boolean;
  /** The text of its label, marks such as "Set by your school" included. */
  label: string;
}

/** A form field found by the start of its label's text, as a person would find it. */
export function fieldByLabel(page: Page, label: string): Promise<FieldView | null> {
  return page.evaluate((wanted) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    for (const el of document.querySelectorAll('input, textarea, select')) {
      const control = el as HTMLInputElement;
      const labels = [...(control.labels ?? [])].map((l) => norm(l.textContent));
      const aria = norm(control.getAttribute('aria-label'));
      const text = labels.find((l) => l.startsWith(wanted)) ?? (aria.startsWith(wanted) ? aria : undefined);
      if (text !== undefined) return { value: control.value, locked: control.disabled || control.readOnly, label: labels.join(' ') || aria };
    }
    return null;
  }, label);
}

/**
 * Which account the person is signed in as, read from the page where the site's adapter says
 * (`signedInAccount`), for the school's own accounts (policy `officialAccounts`). Read at most every
 * couple of seconds, never on each keystroke. Also the one-time note shown on such an account.
 */
import type { Storage } from 'webextension-polyfill';
import type { AccountHook, SiteAdapter } from '../sites/types';

/** How long a reading of the signed-in account is trusted (an account switch reloads most sites anyway). */
const FRESH_MS = 2000;

export function readSignedInAccount(hooks: readonly AccountHook[], root: ParentNode = document): string | undefined {
  for (const hook of hooks) {
    let el: Element | null;
    try {
      el = root.querySelector(hook.selector);
    } catch {
      continue; // a bad selector in an adapter must not break the page
    }
    if (!el) continue;
    const raw = (hook.from === 'text' ? el.textContent : el.getAttribute(hook.from))?.trim();
    if (!raw) continue;
    const value = hook.pattern ? new RegExp(hook.pattern).exec(raw)?.[1] : raw;
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

export class SignedInAccount {
  private value?: string;
  private readAt = -Infinity;

  constructor(private readonly adapter: Pick<SiteAdapter, 'signedInAccount'>) {}

  current(): string | undefined {
    const hooks = this.adapter.signedInAccount;
    if (!hooks?.length) return undefined;
    const now = performance.now();
    if (now - this.readAt > FRESH_MS) {
      this.value = readSignedInAccount(hooks);
      this.readAt = now;
    }
    return this.value;
  }
}

export const OFFICIAL_NOTE_KEY = 'officialAccountNotes';

/** Accounts whose note has been shown on this device (their names as the policy lists them). */
export class OfficialNotes {
  private shown = new Set<string>();
  private readonly loaded: Promise<void>;

  constructor(private readonly area: Pick<Storage.StorageArea, 'get' | 'set'>) {
    this.loaded = area
      .get(OFFICIAL_NOTE_KEY)
      .then((got) => {
        const list = (got as Record<string, unknown>)[OFFICIAL_NOTE_KEY];
        if (Array.isArray(list)) for (const a of list) if (typeof a === 'string') this.shown.add(a);
      })
      .catch(() => undefined);
  }

  /** True the first time for this account on this device; remembers it. */
  firstTime(account: string): boolean {
    if (this.shown.has(account)) return false;
    this.shown.add(account);
    void this.loaded.then(() => this.area.set({ [OFFICIAL_NOTE_KEY]: [...this.shown] })).catch(() => undefined);
    return true;
  }
}

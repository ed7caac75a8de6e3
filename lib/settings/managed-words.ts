/**
 * What the popup and options page say about the school's managed policy: when Second Look last read
 * it, when it last changed, and where it came from. Chrome and Edge do not tell an extension which
 * source a policy came from, so "where" is the note `policy build` writes into each console's copy
 * (`delivery`); without one, the words say where to look instead. Kept free of zod.
 */
import type { DeliveryRoute } from '../policy/schema';
import type { PolicyState } from '../policy/storage-keys';

const ROUTE_WORDS: Record<DeliveryRoute, string> = {
  'google-admin': 'your school’s Google Admin console, through the school account signed in to this browser (or this browser itself, if your school enrolled it)',
  'windows-registry': 'this computer’s policy (the Windows registry, set by your school)',
  'windows-script': 'this computer’s policy (the Windows registry, set by your school’s script)',
  'macos-profile': 'this computer’s policy (a configuration profile from your school)',
  'linux-file': 'this computer’s policy (a policy file on this computer)',
  'firefox-policies': 'this computer’s policy (Firefox’s policies.json)',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "today at 14:03", "yesterday at 09:15", "3 November 2026 at 09:15" (local time). */
export function whenWords(at: number, now: number): string {
  const d = new Date(at);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const day = (t: number) => new Date(t).toDateString();
  if (day(at) === day(now)) return `today at ${time}`;
  if (day(at) === day(now - 86_400_000)) return `yesterday at ${time}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${time}`;
}

function dayWords(isoDay: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export interface ManagedWords {
  /** "Last read today at 14:03; last changed 3 November 2026 at 09:15." */
  read: string;
  /** "It came from …" or where to look when the policy does not say. */
  from: string;
}

export function managedWords(state: Pick<PolicyState, 'source' | 'policy' | 'managedRead'> | undefined, now = Date.now()): ManagedWords | undefined {
  if (!state || state.source !== 'managed') return undefined;
  const r = state.managedRead;
  const read = r
    ? `Last read from the browser ${whenWords(r.at, now)}` +
      (r.changedAt !== r.at ? `; last changed ${whenWords(r.changedAt, now)}.` : ' (new or changed then).')
    : 'Not read from the browser since it started: the copy kept from last time is in force.';
  const route = state.policy.delivery?.route;
  const built = state.policy.delivery?.built ? dayWords(state.policy.delivery.built) : undefined;
  const from = route && ROUTE_WORDS[route]
    ? `It came from ${ROUTE_WORDS[route]}${built ? `, built on ${built}` : ''}.`
    : 'The browser does not say where it came from: chrome://policy (edge://policy) shows its source.';
  return { read, from };
}

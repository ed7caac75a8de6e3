/**
 * Reading the policy sources from extension storage and keeping the resolved policy for the rest of
 * the extension. `storage.managed` may be missing (Firefox without policies, some Chromium builds),
 * empty at start-up before the real policy arrives, or change later: never block on it, and re-resolve
 * whenever either source changes.
 */
import type { Storage } from 'webextension-polyfill';
import { canonicalJson, jsonDigest } from './digest';
import { resolvePolicy } from './resolve';
import type { PolicyIssue } from './validate';
import { STORAGE_KEYS, type ManagedRead, type PolicyState } from './storage-keys';
import type { Policy } from './schema';

export { STORAGE_KEYS, type PolicyState } from './storage-keys';

export interface PolicyStorage {
  managed?: Pick<Storage.StorageArea, 'get'>;
  local: Pick<Storage.StorageArea, 'get' | 'set'>;
  /**
   * storage.session, if there is one: digests of the source copies last validated, so the refresh on
   * every wake-up of the worker does not validate the same roster again. Emptied when the browser
   * closes and when the extension is updated, so a new version always validates afresh.
   */
  session?: Pick<Storage.StorageArea, 'get' | 'set'>;
}

/** storage.session key: per source, the digest of the copy last validated and its problems. */
export const VALIDATED_KEY = 'validatedPolicySources';

type ValidatedRecords = Partial<Record<'managed' | 'personal', { digest: string; issues: PolicyIssue[] }>>;

async function digestOf(raw: unknown): Promise<string | undefined> {
  if (isEmptyPolicy(raw)) return undefined;
  try {
    return await jsonDigest(raw, 'policy-source');
  } catch {
    return undefined; // no digest here: validate
  }
}

async function readValidated(session: PolicyStorage['session']): Promise<ValidatedRecords> {
  try {
    const got = session ? ((await session.get(VALIDATED_KEY)) as Record<string, unknown>)[VALIDATED_KEY] : undefined;
    return got && typeof got === 'object' ? (got as ValidatedRecords) : {};
  } catch {
    return {};
  }
}

const SLOW = Symbol('managed policy not read yet');
/**
 * storage.managed answered with an error. Chrome does so only without a managed schema; Firefox does
 * so when policies.json is missing, has no entry for the extension, or has a mistake in it, and cannot
 * tell the three apart. Before any school policy was in force this means "none"; after one was, it
 * stays in force (a broken file must never switch the school's settings off) and the popup says why.
 */
const UNREADABLE = Symbol('managed policy could not be read');

export const UNREADABLE_MANAGED_MESSAGE =
  'Your school’s settings could not be read when the browser started (in Firefox: policies.json is missing, has a mistake, or has no entry for Second Look).';

async function readManaged(area: PolicyStorage['managed']): Promise<unknown> {
  if (!area) return undefined;
  try {
    return await area.get(null);
  } catch {
    return UNREADABLE;
  }
}

export interface RefreshOptions {
  now?: number;
  /** How long to wait for storage.managed before using the cached copy (it can take seconds at start-up). */
  managedWaitMs?: number;
  /** Called when a slow managed read finally answers, so the caller can refresh again. */
  onManagedLate?: () => void;
  /** Called once the state is written when the policy in force is not the one stored before (pages check again). */
  onPolicyChanged?: (state: PolicyState) => void;
}

/** FNV-1a of the policy's JSON: enough to tell "read again" from "changed" (not a security check). */
function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

function isEmptyPolicy(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw as object).length === 0);
}

/** When managed policy was read (just now, if it answered) and when it last changed. */
function managedReadOf(managed: unknown, answered: boolean, previous: ManagedRead | undefined, now: number): ManagedRead | undefined {
  if (!answered) return previous;
  if (isEmptyPolicy(managed)) return undefined;
  const print = fingerprint(managed);
  return { at: now, changedAt: previous?.fingerprint === print ? previous.changedAt : now, fingerprint: print };
}

export async function refreshPolicyState(storage: PolicyStorage, options: RefreshOptions = {}): Promise<PolicyState> {
  const { now = Date.now(), managedWaitMs = 300, onManagedLate, onPolicyChanged } = options;
  const local = (await storage.local.get([STORAGE_KEYS.personal, STORAGE_KEYS.lastGoodManaged, STORAGE_KEYS.lastGoodPersonal, STORAGE_KEYS.state])) as Record<string, unknown>;
  const reading = readManaged(storage.managed);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const managed = await Promise.race([reading, new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), managedWaitMs)))]);
  clearTimeout(timer);
  const lastGoodManaged = local[STORAGE_KEYS.lastGoodManaged] as Policy | undefined;
  if (managed === SLOW) void reading.then(() => onManagedLate?.());
  const keptUnreadable = managed === UNREADABLE && lastGoodManaged !== undefined;
  // Never block on managed storage: until it answers, the cached copy stands in for it.
  const managedRaw = managed === SLOW || keptUnreadable ? lastGoodManaged : managed === UNREADABLE ? undefined : managed;
  const personalRaw = local[STORAGE_KEYS.personal];
  const lastGoodPersonal = local[STORAGE_KEYS.lastGoodPersonal] as Policy | undefined;
  const [records, managedDigest, personalDigest] = await Promise.all([readValidated(storage.session), digestOf(managedRaw), digestOf(personalRaw)]);
  const known = (source: 'managed' | 'personal', digest: string | undefined) => (digest !== undefined && records[source]?.digest === digest ? records[source]!.issues : undefined);
  const resolved = resolvePolicy(
    { raw: managedRaw, lastGood: lastGoodManaged, known: known('managed', managedDigest) },
    { raw: personalRaw, lastGood: lastGoodPersonal, known: known('personal', personalDigest) },
  );
  const { newLastGood, ...rest } = resolved;
  const previousState = local[STORAGE_KEYS.state] as PolicyState | undefined;
  const previous = previousState?.managedRead;
  // An unreadable managed area has not answered: what was last read stays the last read.
  const answered = managed !== SLOW && managed !== UNREADABLE && storage.managed !== undefined;
  const managedRead = managedReadOf(managed, answered, previous, now);
  const state: PolicyState = { ...rest, updatedAt: now, ...(managedRead ? { managedRead } : {}) };
  if (keptUnreadable) {
    state.issues = [{ source: 'managed', issues: [{ path: '', message: UNREADABLE_MANAGED_MESSAGE, level: 'error' }] }, ...state.issues.filter((g) => g.source !== 'managed')];
  }
  const writes: Record<string, unknown> = { [STORAGE_KEYS.state]: state, [STORAGE_KEYS.siteOverrides]: state.policy.siteOverrides ?? {} };
  if (newLastGood.managed) writes[STORAGE_KEYS.lastGoodManaged] = newLastGood.managed;
  if (newLastGood.personal) writes[STORAGE_KEYS.lastGoodPersonal] = newLastGood.personal;
  await storage.local.set(writes);
  if (canonicalJson(previousState?.policy) !== canonicalJson(state.policy)) onPolicyChanged?.(state);
  // Only copies that validated just now, once their last good copy is written: a copy is only ever
  // taken as known when its last good copy is its own validated form.
  const issuesOf = (source: 'managed' | 'personal') => resolved.issues.find((g) => g.source === source)?.issues ?? [];
  const fresh: ValidatedRecords = { ...records };
  if (newLastGood.managed) fresh.managed = managedDigest ? { digest: managedDigest, issues: issuesOf('managed') } : undefined;
  if (newLastGood.personal) fresh.personal = personalDigest ? { digest: personalDigest, issues: issuesOf('personal') } : undefined;
  if (storage.session && (fresh.managed !== records.managed || fresh.personal !== records.personal)) {
    await storage.session.set({ [VALIDATED_KEY]: fresh }).catch(() => undefined);
  }
  return state;
}

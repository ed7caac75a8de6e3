/**
 * Reading the policy sources from extension storage and keeping the resolved policy for the rest of
 * the extension. `storage.managed` may be missing (Firefox without policies, some Chromium builds),
 * empty at start-up before the real policy arrives, or change later: never block on it, and re-resolve
 * whenever either source changes.
 */
import type { Storage } from 'webextension-polyfill';
import { resolvePolicy, type ResolvedPolicy } from './resolve';
import type { Policy } from './schema';

export const STORAGE_KEYS = {
  /** The person's own settings (storage.local), written by the options page. */
  personal: 'personalPolicy',
  /** Last copies that validated, so a broken update keeps the previous policy working. */
  lastGoodManaged: 'lastGoodManagedPolicy',
  lastGoodPersonal: 'lastGoodPersonalPolicy',
  /** The policy in force, its source and any problems, for content scripts, popup and options page. */
  state: 'policyState',
} as const;

export interface PolicyState extends Omit<ResolvedPolicy, 'newLastGood'> {
  updatedAt: number;
}

export interface PolicyStorage {
  managed?: Pick<Storage.StorageArea, 'get'>;
  local: Pick<Storage.StorageArea, 'get' | 'set'>;
}

async function readManaged(area: PolicyStorage['managed']): Promise<unknown> {
  if (!area) return undefined;
  try {
    return await area.get(null);
  } catch {
    // Chrome rejects when no managed schema/policy is available; treat it as "no managed policy".
    return undefined;
  }
}

export async function refreshPolicyState(storage: PolicyStorage, now = Date.now()): Promise<PolicyState> {
  const local = (await storage.local.get([STORAGE_KEYS.personal, STORAGE_KEYS.lastGoodManaged, STORAGE_KEYS.lastGoodPersonal])) as Record<string, unknown>;
  const managedRaw = await readManaged(storage.managed);
  const resolved = resolvePolicy(
    { raw: managedRaw, lastGood: local[STORAGE_KEYS.lastGoodManaged] as Policy | undefined },
    { raw: local[STORAGE_KEYS.personal], lastGood: local[STORAGE_KEYS.lastGoodPersonal] as Policy | undefined },
  );
  const { newLastGood, ...rest } = resolved;
  const state: PolicyState = { ...rest, updatedAt: now };
  const writes: Record<string, unknown> = { [STORAGE_KEYS.state]: state };
  if (newLastGood.managed) writes[STORAGE_KEYS.lastGoodManaged] = newLastGood.managed;
  if (newLastGood.personal) writes[STORAGE_KEYS.lastGoodPersonal] = newLastGood.personal;
  await storage.local.set(writes);
  return state;
}

/**
 * Which policy is in force: managed policy (locked) > the person's own settings > built-in defaults.
 *
 * A policy that fails validation never takes the extension down: the last good copy from the same
 * source stays in force (or, failing that, the next source down) and the problems are kept for the
 * popup and options page. Pure: callers do the storage reads and writes.
 */
import { packedListsOf } from './hash-policy';
import type { Policy } from './schema';
import { DEFAULT_POLICY, type PolicySource } from './storage-keys';
import { validatePolicy, type PolicyIssue } from './validate';

export { DEFAULT_POLICY, type PolicySource };


export interface SourceInput {
  /** What the storage area holds now (undefined or `{}` when nothing is set). */
  raw: unknown;
  /** The last copy of this source that validated, if any. */
  lastGood?: Policy;
  /**
   * Set when `raw` is the very copy `lastGood` was validated from (store.ts keeps digests): its
   * problems then, so it is not validated again.
   */
  known?: PolicyIssue[];
}

export interface ResolvedPolicy {
  policy: Policy;
  /** The strongest source that contributed, for "Managed by <school>" / "Your own settings". */
  source: PolicySource;
  /** Top-level keys set by managed policy: the person cannot change these. */
  lockedKeys: string[];
  /** Problems found, per source. Errors mean that source's last good copy (or nothing) was used. */
  issues: { source: Exclude<PolicySource, 'defaults'>; issues: PolicyIssue[] }[];
  /** Fresh copies that validated, for the caller to cache as the new last good ones. */
  newLastGood: { managed?: Policy; personal?: Policy };
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw as object).length === 0);
}

function pick(input: SourceInput): { policy?: Policy; issues: PolicyIssue[]; fresh?: Policy } {
  if (isEmpty(input.raw)) return { policy: undefined, issues: [] };
  if (input.known && input.lastGood) return { policy: input.lastGood, issues: input.known };
  const result = validatePolicy(input.raw);
  if (result.policy) return { policy: result.policy, issues: result.issues, fresh: result.policy };
  return { policy: input.lastGood, issues: result.issues };
}

/** Merge top-level keys, stronger over weaker; `rules` and `sites` merge one level deeper. */
export function mergePolicies(stronger: Policy, weaker: Policy): Policy {
  const merged: Record<string, unknown> = { ...weaker, ...stronger };
  for (const key of ['rules', 'sites'] as const) {
    if (stronger[key] || weaker[key]) {
      const a = (weaker[key] ?? {}) as Record<string, object>;
      const b = (stronger[key] ?? {}) as Record<string, object>;
      const inner: Record<string, object> = { ...a };
      for (const [id, settings] of Object.entries(b)) inner[id] = { ...(a[id] ?? {}), ...settings };
      merged[key] = inner;
    }
  }
  return merged as Policy;
}

export function resolvePolicy(managed: SourceInput, personal: SourceInput): ResolvedPolicy {
  const m = pick(managed);
  const p = pick(personal);
  let policy = DEFAULT_POLICY;
  let source: PolicySource = 'defaults';
  if (p.policy) {
    policy = mergePolicies(p.policy, policy);
    source = 'personal';
  }
  // A list the school sends packed in rosterHash is the school's list: it replaces the person's own,
  // as a plain list would, and is locked.
  const packed = m.policy ? packedListsOf(m.policy) : [];
  if (m.policy) {
    policy = mergePolicies(m.policy, policy);
    for (const list of packed) if (!(list in m.policy)) delete (policy as Record<string, unknown>)[list];
    source = 'managed';
  }
  const issues: ResolvedPolicy['issues'] = [];
  if (m.issues.length) issues.push({ source: 'managed', issues: m.issues });
  if (p.issues.length) issues.push({ source: 'personal', issues: p.issues });
  return {
    policy,
    source,
    lockedKeys: m.policy ? [...new Set([...Object.keys(m.policy), ...packed])] : [],
    issues,
    newLastGood: { managed: m.fresh, personal: p.fresh },
  };
}

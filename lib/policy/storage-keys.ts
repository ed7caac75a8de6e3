/**
 * Where the extension keeps policy state in storage.local, and its shape. Kept free of zod so content
 * scripts can import it without the validator.
 */
import type { Policy } from './schema';
import type { PolicyIssue } from './validate';

export const STORAGE_KEYS = {
  /** The person's own settings (storage.local), written by the options page. */
  personal: 'personalPolicy',
  /** Last copies that validated, so a broken update keeps the previous policy working. */
  lastGoodManaged: 'lastGoodManagedPolicy',
  lastGoodPersonal: 'lastGoodPersonalPolicy',
  /** The policy in force, its source and any problems, for the popup and options page (never content scripts: it holds the rosters). */
  state: 'policyState',
  /** The policy's siteOverrides alone, for the content scripts: all of the policy a web page's process needs. */
  siteOverrides: 'siteOverrides',
} as const;

export type PolicySource = 'managed' | 'personal' | 'defaults';

export interface PolicyState {
  policy: Policy;
  /** The strongest source that contributed, for "Managed by <school>" / "Your own settings". */
  source: PolicySource;
  /** Top-level keys set by managed policy: the person cannot change these. */
  lockedKeys: string[];
  /** Problems found, per source. Errors mean that source's last good copy (or nothing) was used. */
  issues: { source: Exclude<PolicySource, 'defaults'>; issues: PolicyIssue[] }[];
  updatedAt: number;
  /** When the browser's managed policy was last read, and when its content last changed; absent without one. */
  managedRead?: ManagedRead;
}

export interface ManagedRead {
  at: number;
  changedAt: number;
  /** A short fingerprint of what was read, to tell a change from a re-read. */
  fingerprint: string;
}

export const DEFAULT_POLICY: Policy = { mode: 'warn', rules: { 'working-hours': { enabled: false } } };

/**
 * The school's own accounts (policy `officialAccounts`, per site). The page tells which account the
 * person is signed in as (each site's adapter says where: `signedInAccount`); when it is one of the
 * school's, naming the school, school life and the profession are what the account is for.
 */
import { foldText } from '../engine/tokenise';
import type { Site } from '../policy/rule-ids';
import type { Policy } from '../policy/schema';

/** "@OakfieldPS", "oakfieldps" and "OakfieldPS " are the same account; so are a Page's name in any case. */
export function accountKey(account: string): string {
  return foldText(account.trim().replace(/^https?:\/\/[^/]+\//i, '').replace(/^@/, '').replace(/\/+$/, '')).replace(/ /g, '');
}

/** The school's account the person is signed in as, as the policy lists it, or undefined. */
export function officialAccount(policy: Pick<Policy, 'officialAccounts'>, site: Site, signedIn: string | undefined): string | undefined {
  if (!signedIn) return undefined;
  const key = accountKey(signedIn);
  if (!key) return undefined;
  return (policy.officialAccounts?.[site] ?? []).find((a) => accountKey(a) === key);
}

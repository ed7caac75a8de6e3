/**
 * Firefox: policies.json. Extension policy goes under "3rdparty" → "Extensions" → the add-on id
 * (Firefox Extension Workshop, "Enterprise development"); force-install is "ExtensionSettings" with
 * an install_url pointing at the .xpi. Firefox does not read a managed schema, so our own validation
 * is all that checks the values.
 */
import type { Policy } from '../policy/schema';

export function firefoxPolicies(policy: Policy, geckoId: string, installUrl?: string): string {
  const policies: Record<string, unknown> = { '3rdparty': { Extensions: { [geckoId]: policy } } };
  if (installUrl) policies.ExtensionSettings = { [geckoId]: { installation_mode: 'force_installed', install_url: installUrl } };
  return JSON.stringify({ policies }, null, 2) + '\n';
}

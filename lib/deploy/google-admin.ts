/**
 * Google Admin console: Devices → Chrome → Apps & extensions → the extension → "Policy for
 * extensions" takes a JSON object whose every top-level key is wrapped as {"Value": ...}
 * (chromium.org, "Configuring Apps and Extensions by Policy").
 */
import type { Policy } from '../policy/schema';

export function googleAdminPolicy(policy: Policy): string {
  const wrapped = Object.fromEntries(Object.entries(policy).map(([key, value]) => [key, { Value: value }]));
  return JSON.stringify(wrapped, null, 2) + '\n';
}

/**
 * The routes IT uses to get a policy onto laptops, and the size each can carry. `policy build` writes
 * a route's files only when the policy fits, and otherwise says why and which route to use instead.
 *
 * Limits (the sources are listed in docs/deploy.md, "Limits"):
 * - Group Policy with our ADMX: one text setting holds at most the `maxLength` the template gives it,
 *   4,000 characters for plain text and 1,000,000 for JSON values (admx.ts).
 * - Intune, imported ADMX: Chrome only (Intune will not let an imported template write under
 *   Software\Policies\Microsoft\Edge); one value is reported to fail above about 350,000 characters.
 * - Intune PowerShell script (Platform scripts): the script file must be under 200 KB.
 * - Google Admin console: Chrome accepts at most 5 MiB of policy for one extension from the cloud
 *   (kPolicyDataMaxSize in Chromium); a larger download fails without a message.
 * - .reg files, macOS profiles, Linux files, Firefox policies.json: no limit found.
 */
import { JSON_MAX_LENGTH } from './admx';
import type { Policy } from '../policy/schema';

/** Characters an ADMX plain-text setting holds (admx.ts writes maxLength="4000"). */
export const ADMX_TEXT_MAX_LENGTH = 4000;
export const ADMX_JSON_MAX_LENGTH = JSON_MAX_LENGTH;
/** Second-hand report: an Intune OMA-URI/imported-ADMX value fails above about this many characters. */
export const INTUNE_ADMX_VALUE_LIMIT = 350_000;
export const INTUNE_SCRIPT_LIMIT_BYTES = 200 * 1024;
export const GOOGLE_ADMIN_LIMIT_BYTES = 5 * 1024 * 1024;

export type RouteId = 'group-policy' | 'intune-admx' | 'intune-script' | 'google-admin';

export interface RouteVerdict {
  route: RouteId;
  /** What the route is called for IT. */
  label: string;
  fits: boolean;
  /** Why not, and what to use instead; for a route that fits, an empty string. */
  message: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How a policy key's value is written as one ADMX/registry text value. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The longest value Group Policy would have to hold, and its limit. */
function longestAdmxValue(policy: Policy): { key: string; length: number; limit: number } | undefined {
  let worst: { key: string; length: number; limit: number } | undefined;
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value === 'boolean' || typeof value === 'number' || value === undefined) continue;
    const length = valueText(value).length;
    const limit = typeof value === 'string' ? ADMX_TEXT_MAX_LENGTH : ADMX_JSON_MAX_LENGTH;
    if (!worst || length / limit > worst.length / worst.limit) worst = { key, length, limit };
  }
  return worst;
}

export interface RouteSizes {
  /** Bytes of the Google Admin file, as uploaded. */
  googleAdminBytes: number;
  /** Bytes of the larger of the two Intune scripts. */
  intuneScriptBytes: number;
}

export function checkRoutes(policy: Policy, sizes: RouteSizes): RouteVerdict[] {
  const verdicts: RouteVerdict[] = [];
  const worst = longestAdmxValue(policy);
  const gpFits = !worst || worst.length <= worst.limit;
  verdicts.push({
    route: 'group-policy',
    label: 'Group Policy (ADMX templates)',
    fits: gpFits,
    message: gpFits
      ? ''
      : `the ${worst!.key} value is ${fmt(worst!.length)} characters, over the ${fmt(worst!.limit)} one ADMX text setting can hold. ` +
        'Use the .reg files (windows/chrome.reg, windows/edge.reg) from a logon script or an Intune Win32 app, or Google Admin, instead.',
  });
  const intuneFits = gpFits && (!worst || worst.length <= INTUNE_ADMX_VALUE_LIMIT);
  verdicts.push({
    route: 'intune-admx',
    label: 'Intune, imported ADMX (Chrome only)',
    fits: intuneFits,
    message: intuneFits
      ? ''
      : `the ${worst!.key} value is ${fmt(worst!.length)} characters; Intune is reported to refuse one value over about ${fmt(INTUNE_ADMX_VALUE_LIMIT)}. ` +
        'Use the PowerShell scripts (windows/intune/) or the .reg files in an Intune Win32 app instead.',
  });
  const scriptFits = sizes.intuneScriptBytes <= INTUNE_SCRIPT_LIMIT_BYTES;
  verdicts.push({
    route: 'intune-script',
    label: 'Intune PowerShell script',
    fits: scriptFits,
    message: scriptFits
      ? ''
      : `the script would be ${fmt(sizes.intuneScriptBytes)} bytes, over the 200 KB Intune accepts for a platform script. ` +
        'Use the .reg files (windows/chrome.reg, windows/edge.reg) in an Intune Win32 app, or Google Admin, instead.',
  });
  const adminFits = sizes.googleAdminBytes <= GOOGLE_ADMIN_LIMIT_BYTES;
  verdicts.push({
    route: 'google-admin',
    label: 'Google Admin console',
    fits: adminFits,
    message: adminFits
      ? ''
      : `the policy is ${mb(sizes.googleAdminBytes)}, over the 5 MiB Chrome accepts for one extension's policy from the cloud ` +
        '(a larger one fails without a message and is tried again only every 12 hours). ' +
        'Use the .reg files, the macOS profiles or the Linux files instead, or build one policy per school with --split-by.',
  });
  return verdicts;
}

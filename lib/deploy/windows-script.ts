/**
 * Windows: a PowerShell script that writes the policy into the registry, for Intune's platform
 * scripts (Devices → Scripts and remediations → Platform scripts) or to run by hand as administrator.
 * It is the Intune route for Edge, whose extension policy Intune's imported ADMX cannot write.
 *
 * Same key and value types as the .reg files (windows-reg.ts): text as String, true/false and whole
 * numbers as DWord, lists and objects as String holding their JSON; the old policy key is removed
 * first. Saved as UTF-8 with a byte-order mark, which Windows PowerShell 5.1 needs to read accents.
 */
import type { Policy } from '../policy/schema';
import { extensionPolicyKey, type Browser } from './windows-reg';

const BROWSER_NAME: Record<Browser, string> = { chrome: 'Google Chrome', edge: 'Microsoft Edge' };

/** A PowerShell single-quoted literal: only ' needs doubling. */
export function psString(value: string): string {
  if (/[\r\n\u0000]/.test(value)) throw new Error(`A line break cannot be written as a Windows registry text value: ${JSON.stringify(value.slice(0, 40))}`);
  return `'${value.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
}

function setLine(key: string, value: unknown): string {
  const name = psString(key);
  if (typeof value === 'boolean') return `Set-Policy ${name} DWord ${value ? 1 : 0}`;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return `Set-Policy ${name} DWord ${value}`;
  return `Set-Policy ${name} String ${psString(typeof value === 'string' ? value : JSON.stringify(value))}`;
}

export function windowsPolicyScript(policy: Policy, browser: Browser, id: string, schoolName: string): Uint8Array {
  const key = `HKLM:\\${extensionPolicyKey(browser, id).replace(/^HKEY_LOCAL_MACHINE\\/, '')}`;
  const text = [
    `# Second Look policy for ${schoolName.replace(/[\r\n]/g, ' ')}: ${BROWSER_NAME[browser]}.`,
    '# Made by "policy build": build it again rather than editing it.',
    '# Intune: Devices > Scripts and remediations > Platform scripts > Add (Windows 10 and later).',
    '#   Run this script using the logged on credentials: No. Run script in 64 bit PowerShell Host: Yes.',
    '# By hand: in PowerShell opened as administrator, run  .\\' + `${browser}-policy.ps1`,
    "$ErrorActionPreference = 'Stop'",
    `$key = ${psString(key)}`,
    '# Remove the previous policy first, so a setting dropped from it does not linger.',
    'if (Test-Path -LiteralPath $key) { Remove-Item -LiteralPath $key -Recurse -Force }',
    'New-Item -Path $key -Force | Out-Null',
    'function Set-Policy([string]$Name, [string]$Type, $Value) {',
    '  New-ItemProperty -LiteralPath $key -Name $Name -PropertyType $Type -Value $Value -Force | Out-Null',
    '}',
    ...Object.entries(policy).map(([k, v]) => setLine(k, v)),
    `Write-Output "Second Look policy written to $key. ${BROWSER_NAME[browser]} applies it within 15 minutes, or at once from ${browser}://policy > Reload policies."`,
    '',
  ].join('\r\n');
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(3 + body.length);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

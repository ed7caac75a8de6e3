/**
 * Each route's limit, checked where it bites: a roster exactly at the limit gets the route's files,
 * one character (or byte) over gets none, and the message says why and what to use instead.
 */
import { describe, expect, it } from 'vitest';
import { ARTEFACT_PATHS, buildArtefacts } from '../../../lib/deploy/artefacts';
import {
  ADMX_JSON_MAX_LENGTH,
  ADMX_TEXT_MAX_LENGTH,
  GOOGLE_ADMIN_LIMIT_BYTES,
  INTUNE_ADMX_VALUE_LIMIT,
  INTUNE_SCRIPT_LIMIT_BYTES,
  type RouteId,
} from '../../../lib/deploy/routes';
import { defaultTarget } from '../../../lib/deploy/target';
import type { Policy } from '../../../lib/policy/schema';

const target = defaultTarget('Oakfield Primary School');
const KEY = 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ';

/** A hashed policy whose roster (the rosterHash value) is padded to `extra` more characters. */
function policyWith(extra: number): Policy {
  return { schoolName: 'Oakfield Primary School', rosterHash: { scheme: 'hmac-sha256-48', key: KEY, words: 'A'.repeat(extra) } };
}
const build = (p: Policy) => buildArtefacts(p, target, { hashed: true, built: '2026-11-03' });
const verdict = (p: Policy, route: RouteId) => build(p).routes.find((r) => r.route === route)!;
const written = (p: Policy) => build(p).files.map((f) => f.path);
const bytes = (p: Policy, path: string) => {
  const f = build(p).files.find((a) => a.path === path)!;
  return typeof f.content === 'string' ? new TextEncoder().encode(f.content).length : f.content.length;
};

/** The padding that makes `measure` exactly `limit`: measures grow one for one with the padding. */
function paddingFor(limit: number, measure: (p: Policy) => number): number {
  const base = measure(policyWith(0));
  const n = limit - base;
  expect(measure(policyWith(n))).toBe(limit);
  return n;
}

const rosterValueLength = (p: Policy) => JSON.stringify(p.rosterHash).length;

describe('route limits', () => {
  it('Group Policy: a roster value of 1,000,000 characters fits the ADMX text setting; 1,000,001 does not', () => {
    const n = paddingFor(ADMX_JSON_MAX_LENGTH, rosterValueLength);
    expect(verdict(policyWith(n), 'group-policy').fits).toBe(true);
    expect(written(policyWith(n))).toContain(ARTEFACT_PATHS.admxChrome);
    const over = verdict(policyWith(n + 1), 'group-policy');
    expect(over.fits).toBe(false);
    expect(over.message).toBe(
      'the rosterHash value is 1,000,001 characters, over the 1,000,000 one ADMX text setting can hold. ' +
        'Use the .reg files (windows/chrome.reg, windows/edge.reg) from a logon script or an Intune Win32 app, or Google Admin, instead.',
    );
    const files = written(policyWith(n + 1));
    for (const f of [ARTEFACT_PATHS.admxChrome, ARTEFACT_PATHS.admlChrome, ARTEFACT_PATHS.admxEdge, ARTEFACT_PATHS.admlEdge]) expect(files).not.toContain(f);
    expect(files).toContain(ARTEFACT_PATHS.regChrome);
  });

  it('Group Policy: a plain text setting holds 4,000 characters', () => {
    const contact = (n: number): Policy => ({ schoolName: 'Oakfield', contact: 'x'.repeat(n) });
    expect(verdict(contact(ADMX_TEXT_MAX_LENGTH), 'group-policy').fits).toBe(true);
    expect(verdict(contact(ADMX_TEXT_MAX_LENGTH + 1), 'group-policy').message).toMatch(/^the contact value is 4,001 characters, over the 4,000/);
  });

  it('Intune imported ADMX (Chrome): 350,000 characters in one value fits; 350,001 is reported, and the files stay for Group Policy', () => {
    const n = paddingFor(INTUNE_ADMX_VALUE_LIMIT, rosterValueLength);
    expect(verdict(policyWith(n), 'intune-admx').fits).toBe(true);
    const over = verdict(policyWith(n + 1), 'intune-admx');
    expect(over.fits).toBe(false);
    expect(over.message).toMatch(/Use the PowerShell scripts \(windows\/intune\/\) or the \.reg files in an Intune Win32 app instead\.$/);
    expect(written(policyWith(n + 1))).toContain(ARTEFACT_PATHS.admxChrome);
  });

  it('Intune PowerShell script: a 200 KB script is written; one byte more is not', () => {
    const n = paddingFor(INTUNE_SCRIPT_LIMIT_BYTES, (p) => Math.max(bytes(p, ARTEFACT_PATHS.scriptChrome), bytes(p, ARTEFACT_PATHS.scriptEdge)));
    expect(written(policyWith(n))).toContain(ARTEFACT_PATHS.scriptEdge);
    const over = policyWith(n + 1);
    expect(written(over)).not.toContain(ARTEFACT_PATHS.scriptEdge);
    expect(written(over)).not.toContain(ARTEFACT_PATHS.scriptChrome);
    expect(verdict(over, 'intune-script').message).toBe(
      'the script would be 204,801 bytes, over the 200 KB Intune accepts for a platform script. ' +
        'Use the .reg files (windows/chrome.reg, windows/edge.reg) in an Intune Win32 app, or Google Admin, instead.',
    );
  });

  it('Google Admin: 5 MiB of policy is written; one byte more is not, with the other routes to use', () => {
    const n = paddingFor(GOOGLE_ADMIN_LIMIT_BYTES, (p) => bytes(p, ARTEFACT_PATHS.googleAdmin));
    expect(written(policyWith(n))).toContain(ARTEFACT_PATHS.googleAdmin);
    const over = policyWith(n + 1);
    expect(written(over)).not.toContain(ARTEFACT_PATHS.googleAdmin);
    expect(verdict(over, 'google-admin').message).toMatch(/^the policy is 5\.0 MB, over the 5 MiB Chrome accepts .* Use the \.reg files, the macOS profiles or the Linux files instead, or build one policy per school with --split-by\.$/);
    // Routes with no limit are always written; README.txt lists what was skipped and why.
    const files = build(over).files;
    for (const f of [ARTEFACT_PATHS.regChrome, ARTEFACT_PATHS.linuxChrome, ARTEFACT_PATHS.macChrome, ARTEFACT_PATHS.firefox, ARTEFACT_PATHS.policy]) expect(files.map((a) => a.path)).toContain(f);
    const readme = files.find((a) => a.path === ARTEFACT_PATHS.readme)!.content as string;
    expect(readme).toContain('Routes this policy is too large for');
    expect(readme).toContain('Google Admin console: the policy is 5.0 MB');
  });
});

/**
 * Putting a school's policy together from the rosters it imported, its name and aliases, and an
 * optional settings file (a partial policy: mode, rules, sites, contact...). Everything is checked
 * with the same validation the extension uses, and problems are given with their JSON path.
 */
import type { RosterKind } from '../roster-import/import-roster';
import type { Policy, StaffMember } from '../policy/schema';
import { validatePolicy } from '../policy/validate';

export interface PolicyParts {
  schoolName: string;
  schoolAliases?: string[];
  rosters: Partial<Record<RosterKind, StaffMember[]>>;
  /** A partial policy, already parsed from JSON; `settingsLabel` names it in messages. */
  settings?: unknown;
  settingsLabel?: string;
}

export type BuiltPolicy = { ok: true; policy: Policy; messages: string[] } | { ok: false; messages: string[] };

const ROSTER_KEYS: RosterKind[] = ['staff', 'pupils', 'formerPupils', 'parents'];

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.trim().toLowerCase();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function buildPolicy(parts: PolicyParts): BuiltPolicy {
  const label = parts.settingsLabel ?? 'settings';
  const messages: string[] = [];
  let settings: Record<string, unknown> = {};
  if (parts.settings !== undefined) {
    const checked = validatePolicy(parts.settings);
    messages.push(...checked.issues.map((i) => `${label}: ${i.level} at ${i.path || '(top level)'}: ${i.message}`));
    if (!checked.policy) return { ok: false, messages: [...messages, `${label}: the settings have errors, so no policy was built.`] };
    settings = parts.settings as Record<string, unknown>;
    if (settings.rosterHash) {
      return { ok: false, messages: [...messages, `${label}: error at rosterHash: leave it out; "policy build --hash" writes it.`] };
    }
    for (const key of ROSTER_KEYS) {
      if (parts.rosters[key] && settings[key]) messages.push(`${label}: note: "${key}" from the settings is replaced by the imported list.`);
    }
    if (typeof settings.schoolName === 'string' && settings.schoolName !== parts.schoolName) {
      messages.push(`${label}: note: schoolName "${settings.schoolName}" is replaced by --school "${parts.schoolName}".`);
    }
  }

  const aliases = unique([...((settings.schoolAliases as string[] | undefined) ?? []), ...(parts.schoolAliases ?? [])]);
  const combined: Record<string, unknown> = { ...settings, schoolName: parts.schoolName.trim() };
  if (aliases.length) combined.schoolAliases = aliases;
  for (const key of ROSTER_KEYS) if (parts.rosters[key]) combined[key] = parts.rosters[key];

  const { policy, issues } = validatePolicy(combined);
  const errors = issues.filter((i) => i.level === 'error');
  if (!policy || errors.length) {
    return { ok: false, messages: [...messages, ...errors.map((i) => `policy: error at ${i.path || '(top level)'}: ${i.message}`)] };
  }
  if (!policy.schoolName) return { ok: false, messages: [...messages, 'policy: error at schoolName: the school needs a name (--school).'] };
  return { ok: true, policy, messages };
}

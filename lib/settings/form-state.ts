/**
 * The options page's form, and how it becomes the person's own policy (storage.local personalPolicy).
 *
 * The form edits only some of the policy; everything else already saved (organisations, clause
 * wording, extra terms, per-surface switches, settings from a newer version) is carried over
 * untouched. Keys locked by managed policy are never written: whatever the person had saved for them
 * stays as it was, so it comes back if the school's policy is removed.
 */
import { hashPolicyPerEntry, newRosterKey } from '../policy/hash-policy';
import { PUPIL_NAME_ANSWERS, SITES, TEXT_RULE_IDS, type PupilNameAnswers, type Severity, type Site } from '../policy/rule-ids';
import type { Policy, StaffMember } from '../policy/schema';
import { validatePolicy } from '../policy/validate';
import { parseRosterLines, formatRosterLines, type RosterKindName } from './roster-lines';

export const ROSTER_KINDS: readonly RosterKindName[] = ['pupils', 'staff', 'formerPupils', 'parents'];

/**
 * The rules the form switches: the text rules, and pupil-contact (friend, follow and message requests,
 * which runs on the pages from issue 4). school-photo and working-hours are switched in the page's
 * "Photos and the school day" section (lib/settings/photo-form.ts); this form keeps them as they are.
 */
export const RULES_IN_FORM = [...TEXT_RULE_IDS, 'pupil-contact'] as const;
export type RuleInForm = (typeof RULES_IN_FORM)[number];

export interface RosterField {
  /** Plain names, one a line. */
  text: string;
  /** Entries already saved in hashed form: kept, but they cannot be shown as names. */
  hashed: StaffMember[];
}

export interface RuleField {
  enabled: boolean;
  /** '' keeps the rule's own default. */
  severity: '' | Severity;
}

export interface SettingsForm {
  schoolName: string;
  /** One a line. */
  schoolAliases: string;
  pupils: RosterField;
  staff: RosterField;
  formerPupils: RosterField;
  parents: RosterField;
  keepHashed: boolean;
  mode: 'warn' | 'confirm';
  rules: Record<RuleInForm, RuleField>;
  sites: Record<Site, boolean>;
  policyUrl: string;
  contact: string;
  /** The school's own accounts, per site, one a line. */
  officialAccounts: Record<Site, string>;
  /** '' keeps the default (this post only). */
  pupilNameAnswers: '' | PupilNameAnswers;
}

/** A form field, named by the policy key it writes; 'other' for problems in settings the form does not show. */
export type FieldId = keyof SettingsForm | 'other';

export interface FieldProblem {
  field: FieldId;
  message: string;
  /** The JSON path in the saved policy, when the problem came from the schema. */
  path?: string;
}

type Raw = Record<string, unknown>;

function asObject(v: unknown): Raw {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
}
function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function asPeople(v: unknown): StaffMember[] {
  return Array.isArray(v) ? v.filter((p): p is StaffMember => !!p && typeof p === 'object') : [];
}

/**
 * The form as it opens: the person's saved settings, except keys locked by managed policy, which show
 * the values in force (`inForce`).
 */
export function policyToForm(personal: unknown, inForce: Policy, lockedKeys: readonly string[]): SettingsForm {
  const mine = asObject(personal);
  const from = (key: string): unknown => (lockedKeys.includes(key) ? (inForce as Raw)[key] : mine[key]);
  const roster = (key: RosterKindName): RosterField => {
    const people = asPeople(from(key));
    return { text: formatRosterLines(people), hashed: people.filter((p) => p.name === undefined) };
  };
  const rules = asObject(from('rules'));
  const sites = asObject(from('sites'));
  const official = asObject(from('officialAccounts'));
  const reach = from('pupilNameAnswers');
  return {
    schoolName: asString(from('schoolName')),
    schoolAliases: (Array.isArray(from('schoolAliases')) ? (from('schoolAliases') as unknown[]) : []).filter((a) => typeof a === 'string').join('\n'),
    pupils: roster('pupils'),
    staff: roster('staff'),
    formerPupils: roster('formerPupils'),
    parents: roster('parents'),
    keepHashed: mine.rosterHash !== undefined,
    mode: from('mode') === 'confirm' ? 'confirm' : 'warn',
    rules: Object.fromEntries(
      RULES_IN_FORM.map((id) => {
        const r = asObject(rules[id]);
        const severity = r.severity === 'high' || r.severity === 'medium' || r.severity === 'low' ? r.severity : '';
        return [id, { enabled: r.enabled !== false, severity }];
      }),
    ) as Record<RuleInForm, RuleField>,
    sites: Object.fromEntries(SITES.map((s) => [s, asObject(sites[s]).enabled !== false])) as Record<Site, boolean>,
    policyUrl: asString(from('policyUrl')),
    contact: asString(from('contact')),
    officialAccounts: Object.fromEntries(
      SITES.map((site) => [site, (Array.isArray(official[site]) ? (official[site] as unknown[]) : []).filter((a) => typeof a === 'string').join('\n')]),
    ) as Record<Site, string>,
    pupilNameAnswers: PUPIL_NAME_ANSWERS.includes(reach as PupilNameAnswers) ? (reach as PupilNameAnswers) : '',
  };
}

/**
 * The form to save for one step of the options page: what is saved now, with only `fields` taken
 * from what the person has in front of them. Other steps' unsaved edits are not saved with it.
 */
export function stepForm(edited: SettingsForm, saved: SettingsForm, fields: readonly (keyof SettingsForm)[]): SettingsForm {
  const out = { ...saved };
  for (const f of fields) (out as Record<string, unknown>)[f] = edited[f];
  return out;
}

export interface BuildOptions {
  /** What is saved now in personalPolicy (may be missing or invalid). */
  stored: unknown;
  lockedKeys: readonly string[];
  /** The roster key in force, used when managed policy locks `rosterHash`. */
  inForceRosterKey?: string;
  /** For tests: a fixed key instead of a fresh random one. */
  makeKey?: () => string;
}

export interface BuildResult {
  /** The policy to save; absent when there are errors (nothing is saved then). */
  policy?: Policy;
  problems: FieldProblem[];
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function setOrDelete(target: Raw, key: string, value: unknown): void {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
  if (empty) delete target[key];
  else target[key] = value;
}

export function formToPolicy(form: SettingsForm, opts: BuildOptions): BuildResult {
  const locked = new Set(opts.lockedKeys);
  const out: Raw = structuredClone(asObject(opts.stored));
  const problems: FieldProblem[] = [];
  const write = (key: string, value: unknown) => {
    if (!locked.has(key)) setOrDelete(out, key, value);
  };

  write('schoolName', form.schoolName.trim());
  write('schoolAliases', lines(form.schoolAliases));

  /** For each roster, which line each saved entry came from (hashed entries first, from no line). */
  const lineOf: Partial<Record<RosterKindName, { hashedCount: number; lines: number[] }>> = {};
  for (const kind of ROSTER_KINDS) {
    if (locked.has(kind)) continue;
    const parsed = parseRosterLines(form[kind].text, kind);
    for (const p of parsed.problems) problems.push({ field: kind, message: `Line ${p.line}: ${p.message}` });
    lineOf[kind] = { hashedCount: form[kind].hashed.length, lines: parsed.lines };
    write(kind, [...form[kind].hashed, ...parsed.people]);
  }

  write('mode', form.mode);

  if (!locked.has('rules')) {
    const rules = structuredClone(asObject(out.rules));
    for (const id of RULES_IN_FORM) {
      const r = asObject(rules[id]);
      setOrDelete(r, 'enabled', form.rules[id].enabled ? undefined : false);
      setOrDelete(r, 'severity', form.rules[id].severity || undefined);
      setOrDelete(rules, id, r);
    }
    write('rules', rules);
  }
  if (!locked.has('sites')) {
    const sites = structuredClone(asObject(out.sites));
    for (const site of SITES) {
      const s = asObject(sites[site]);
      setOrDelete(s, 'enabled', form.sites[site] ? undefined : false);
      setOrDelete(sites, site, s);
    }
    write('sites', sites);
  }

  // Whether it is an https:// address is the shared validation's call (lib/policy/validate.ts).
  write('policyUrl', form.policyUrl.trim());
  write('contact', form.contact.trim());
  write('officialAccounts', Object.fromEntries(SITES.map((site) => [site, lines(form.officialAccounts[site])]).filter(([, list]) => list.length)));
  write('pupilNameAnswers', form.pupilNameAnswers || undefined);

  const hashedLeft = ROSTER_KINDS.some((k) => asPeople(out[k]).some((p) => p.name === undefined));
  let policy = out as Policy;
  if (form.keepHashed) {
    const rosterLocked = locked.has('rosterHash');
    const key = rosterLocked ? opts.inForceRosterKey : (policy.rosterHash?.key ?? (opts.makeKey ?? newRosterKey)());
    if (!key) {
      problems.push({ field: 'keepHashed', message: 'Your school’s settings do not give the key for hashed names, so names cannot be hashed here.' });
    } else {
      const { rosterHash: _previous, ...plain } = policy;
      const hashed = hashPolicyPerEntry(rosterLocked ? plain : policy, key) as Raw;
      if (rosterLocked) delete hashed.rosterHash;
      // hashPolicy gives every list a key, even absent ones; keep the saved policy tidy. A list the
      // school locks keeps exactly what the person had saved for it, unhashed or not.
      for (const kind of ROSTER_KINDS) setOrDelete(hashed, kind, locked.has(kind) ? out[kind] : hashed[kind]);
      policy = hashed as Policy;
    }
  } else if (!hashedLeft && !locked.has('rosterHash')) {
    delete (policy as Raw).rosterHash;
  }

  const validation = validatePolicy(policy);
  for (const issue of validation.issues) {
    if (issue.level !== 'error') continue;
    problems.push(problemFromIssue(issue.path, issue.message, lineOf));
  }
  return problems.length ? { problems } : { policy, problems };
}

/** Puts a schema problem next to the field that wrote it, with the line number for roster entries. */
function problemFromIssue(path: string, message: string, lineOf: Partial<Record<RosterKindName, { hashedCount: number; lines: number[] }>>): FieldProblem {
  const top = path.match(/^[^.[]+/)?.[0] ?? '';
  const index = Number(path.match(/^[^.[]+\[(\d+)\]/)?.[1]);
  const roster = lineOf[top as RosterKindName];
  if (roster && Number.isInteger(index)) {
    const line = roster.lines[index - roster.hashedCount];
    const where = line ? `Line ${line}` : `Hashed entry ${index + 1}`;
    return { field: top as FieldId, message: `${where}: ${message}`, path };
  }
  const known: FieldId[] = ['schoolName', 'schoolAliases', 'mode', 'rules', 'sites', 'policyUrl', 'contact', 'pupils', 'staff', 'formerPupils', 'parents', 'officialAccounts', 'pupilNameAnswers'];
  const field = top === 'rosterHash' ? 'keepHashed' : known.includes(top as FieldId) ? (top as FieldId) : 'other';
  return { field, message, path };
}


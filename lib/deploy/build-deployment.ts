/**
 * What `policy build` does, from the bytes of the MIS exports to every console's files, with no Node
 * and no browser APIs: the command line (lib/cli/policy-build-command.ts) and the extension's IT
 * set-up page (components/it-setup/) both run it, so they accept, refuse and write exactly the same.
 *
 * Bad input (a file it cannot read, a layout it cannot use, a setting that is wrong) gives errors
 * that say what and where, and no files at all. With `splitBy`, one trust-wide export becomes one
 * policy and one set of files per school (each school's devices then carry only their own roster).
 */
import type { HmacFn } from '../engine/names/keys';
import { rosterHmac } from '../engine/names/keys';
import { hashPolicy } from '../policy/hash-policy';
import type { Policy, StaffMember } from '../policy/schema';
import { validatePolicy } from '../policy/validate';
import Papa from 'papaparse';
import { findColumn } from '../roster-import/columns';
import { decodeCsvBytes } from '../roster-import/decode';
import { importRoster, type RosterKind } from '../roster-import/import-roster';
import { buildArtefacts } from './artefacts';
import { buildPolicy } from './build-policy';
import { slug } from './macos-profile';
import { withPhotoSettings } from './photo-settings';
import type { RouteVerdict } from './routes';
import type { Artefact, DeployTarget } from './target';

export interface InputFile {
  /** How messages name the file: its path on the command line, its name on the IT page. */
  label: string;
  bytes: Uint8Array;
}

export const ROSTER_KINDS: { kind: RosterKind; one: string; words: string }[] = [
  { kind: 'staff', one: 'member of staff', words: 'members of staff' },
  { kind: 'pupils', one: 'pupil', words: 'pupils' },
  { kind: 'formerPupils', one: 'former pupil', words: 'former pupils' },
  { kind: 'parents', one: 'parent or carer', words: 'parents and carers' },
];

/** "1 pupil", "6 pupils". */
export function countWords(n: number, kind: RosterKind): string {
  const k = ROSTER_KINDS.find((r) => r.kind === kind)!;
  return `${n} ${n === 1 ? k.one : k.words}`;
}

export interface DeploymentRequest {
  /** The school's full name; with `splitBy`, each school's name comes from that column instead. */
  schoolName?: string;
  aliases?: string[];
  rosters: Partial<Record<RosterKind, InputFile>>;
  /** A JSON file with the rest of the policy (mode, rules, contact...). */
  settings?: InputFile;
  /** Photo and school-day settings from their own options, laid over the settings file's. */
  photoSettings?: Partial<Policy>;
  /** The roster key, to hash the rosters; plain names when absent. */
  rosterKey?: string;
  target: DeployTarget;
  /** A column of the exports naming each row's school. */
  splitBy?: string;
  /** With `splitBy`: a CSV with that column and an "Aliases" column (other names, separated by ; or ,). */
  schoolAliases?: InputFile;
  /** YYYY-MM-DD for the files' `delivery` note (today when absent). */
  built?: string;
  /** Files that could not be read at all, reported with the import's own errors. */
  inputErrors?: string[];
  /** A faster HMAC with the same output (node:crypto on the command line). */
  hmac?: (rosterKey: string) => HmacFn;
}

export type MessageLevel = 'error' | 'warning' | 'note' | 'info';
export interface BuildMessage {
  level: MessageLevel;
  text: string;
}

export interface SchoolDeployment {
  schoolName: string;
  /** Folder for this school's files: '' for one school, its name as a folder with --split-by. */
  folder: string;
  policy: Policy;
  counts: Partial<Record<RosterKind, number>>;
  files: Artefact[];
  routes: RouteVerdict[];
}

export type DeploymentResult = { ok: true; messages: BuildMessage[]; schools: SchoolDeployment[] } | { ok: false; messages: BuildMessage[] };

const error = (text: string): BuildMessage => ({ level: 'error', text });

function parseSettings(file: InputFile): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { error: `${file.label}: the settings are not valid JSON: ${(e as Error).message}.` };
  }
}

export function buildDeployment(req: DeploymentRequest): DeploymentResult {
  const messages: BuildMessage[] = [];
  const fail = (...errors: BuildMessage[]): DeploymentResult => ({ ok: false, messages: [...messages, ...errors] });
  if (!req.splitBy && !req.schoolName?.trim()) return fail(error('policy build needs --school "<the school\'s full name>".'));
  if (!req.rosters.pupils && !req.inputErrors?.length) return fail(error("policy build needs --pupils <pupils.csv> (an export from the school's MIS)."));
  if (req.splitBy && req.schoolName) return fail(error('--school and --split-by do not go together: with --split-by, each school\'s name comes from the column.'));
  if (req.splitBy && req.aliases?.length) {
    return fail(error('--aliases names one school\'s other names; with --split-by, give each school\'s in --school-aliases <schools.csv> (a column with the school as in the exports, and an "Aliases" column).'));
  }
  if (req.schoolAliases && !req.splitBy) return fail(error('--school-aliases is only used with --split-by; for one school, use --aliases.'));

  // 1. Rosters. Every file is read before anything fails, so all problems show at once.
  const imported: Partial<Record<RosterKind, ReturnType<typeof importRoster> & { ok: true }>> = {};
  const errors: BuildMessage[] = (req.inputErrors ?? []).map(error);
  for (const { kind } of ROSTER_KINDS) {
    const file = req.rosters[kind];
    if (!file) continue;
    const { text, encoding } = decodeCsvBytes(file.bytes);
    const result = importRoster(text, kind, file.label, { splitBy: req.splitBy });
    if (!result.ok) {
      errors.push(error(result.error));
      continue;
    }
    imported[kind] = result;
    messages.push({ level: 'info', text: `${file.label}: ${countWords(result.people.length, kind)} (columns used: ${result.columns.join(', ')}).` });
    if (encoding === 'windows-1252') messages.push({ level: 'note', text: `${file.label}: note: read as Windows-1252 text (it is not UTF-8); check accented names in policy.json.` });
    for (const n of result.notes) messages.push({ level: 'note', text: `${file.label}: note: ${n}` });
    for (const s of result.skipped) messages.push({ level: 'warning', text: `${file.label}: warning: row ${s.row} skipped: it ${s.message}` });
  }
  let aliasesBySchool = new Map<string, string[]>();
  if (req.schoolAliases) {
    const read = readSchoolAliases(req.schoolAliases, req.splitBy!);
    if (typeof read === 'string') errors.push(error(read));
    else aliasesBySchool = read;
  }
  let settings: unknown;
  if (req.settings) {
    const parsed = parseSettings(req.settings);
    if ('error' in parsed) errors.push(error(parsed.error));
    else settings = parsed.value;
  }
  if (errors.length) return fail(...errors);
  if (req.photoSettings) settings = withPhotoSettings(settings, req.photoSettings);
  const settingsLabel = req.settings?.label ?? (settings ? 'the photo and school-day options' : undefined);

  // 2. Which schools: one, or one per value of the split column (in the order the pupils file has them).
  const schools: { name: string; rosters: Partial<Record<RosterKind, StaffMember[]>> }[] = [];
  if (!req.splitBy) {
    const rosters: Partial<Record<RosterKind, StaffMember[]>> = {};
    for (const { kind } of ROSTER_KINDS) if (imported[kind]) rosters[kind] = imported[kind]!.people;
    schools.push({ name: req.schoolName!.trim(), rosters });
  } else {
    const names = new Map<string, Partial<Record<RosterKind, StaffMember[]>>>();
    for (const { kind } of ROSTER_KINDS) {
      for (const g of imported[kind]?.groups ?? []) {
        if (!names.has(g.name)) {
          if (kind !== 'pupils' && !imported.pupils!.groups!.some((p) => p.name === g.name)) {
            messages.push({ level: 'warning', text: `${req.rosters[kind]!.label}: warning: "${g.name}" has no pupils in ${req.rosters.pupils!.label}; it gets its own policy all the same.` });
          }
          names.set(g.name, {});
        }
        names.get(g.name)![kind] = g.people;
      }
    }
    for (const [name, rosters] of names) schools.push({ name, rosters });
    for (const name of aliasesBySchool.keys()) {
      if (!names.has(name)) messages.push({ level: 'warning', text: `${req.schoolAliases!.label}: warning: "${name}" is in no export, so its other names are not used.` });
    }
    const folders = new Map<string, string>();
    for (const s of schools) {
      const clash = folders.get(slug(s.name));
      if (clash) return fail(error(`"${clash}" and "${s.name}" would share the folder "${slug(s.name)}"; give them names that differ in letters or digits.`));
      folders.set(slug(s.name), s.name);
    }
  }

  // 3. Each school's policy, validated as the extension validates it, then hashed, then its files.
  const out: SchoolDeployment[] = [];
  const hmac = req.rosterKey ? (req.hmac ?? rosterHmac)(req.rosterKey) : undefined;
  for (const school of schools) {
    const aliases = req.splitBy ? aliasesBySchool.get(school.name) : req.aliases;
    const built = buildPolicy({ schoolName: school.name, schoolAliases: aliases, rosters: school.rosters, settings, settingsLabel });
    const label = req.splitBy ? `${school.name}: ` : '';
    if (!built.ok) return fail(...built.messages.map((m) => error(label + m)));
    if (out.length === 0) messages.push(...built.messages.map((text) => ({ level: (/: (warning|note)/.test(text) ? 'warning' : 'info') as MessageLevel, text })));
    let policy = built.policy;
    if (req.rosterKey) {
      policy = hashPolicy(policy, req.rosterKey, hmac);
      const recheck = validatePolicy(policy);
      if (!recheck.policy) return fail(...recheck.issues.map((i) => error(`${label}hashed policy: error at ${i.path}: ${i.message}`)));
    }
    let artefacts;
    try {
      artefacts = buildArtefacts(policy, { ...req.target, schoolName: school.name }, { hashed: !!req.rosterKey, built: req.built });
    } catch (e) {
      return fail(error(`${label}policy: ${(e as Error).message}`));
    }
    const counts: Partial<Record<RosterKind, number>> = {};
    for (const { kind } of ROSTER_KINDS) if (school.rosters[kind]) counts[kind] = school.rosters[kind]!.length;
    out.push({ schoolName: school.name, folder: req.splitBy ? slug(school.name) : '', policy, counts, files: artefacts.files, routes: artefacts.routes });
  }
  for (const s of out) {
    for (const r of s.routes.filter((v) => !v.fits)) {
      messages.push({ level: 'warning', text: `${req.splitBy ? `${s.schoolName}: ` : ''}${r.label}: no files written: ${r.message}` });
    }
  }
  return { ok: true, messages, schools: out };
}

/** Each school's other names, from a CSV with the split column and an "Aliases" column. */
function readSchoolAliases(file: InputFile, splitBy: string): Map<string, string[]> | string {
  const rows = Papa.parse<string[]>(decodeCsvBytes(file.bytes).text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const header = rows[0] ?? [];
  const school = findColumn(header, splitBy) ?? findColumn(header, 'School');
  const aliases = findColumn(header, 'Aliases') ?? findColumn(header, 'Other names');
  if (school === undefined || aliases === undefined) {
    return `${file.label}: needs a "${splitBy}" column (the school as the exports name it) and an "Aliases" column; headers found: ${header.map((h) => `"${h.trim()}"`).join(', ') || 'none'}.`;
  }
  const out = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const name = (row[school] ?? '').trim();
    if (!name) continue;
    const list = (row[aliases] ?? '').split(/[;,]/).map((a) => a.trim()).filter(Boolean);
    out.set(name, [...(out.get(name) ?? []), ...list]);
  }
  return out;
}

/** The summary table `--split-by` prints and writes: one line per school. */
export function summaryTable(schools: SchoolDeployment[]): string {
  const head = ['School', 'Folder', 'Pupils', 'Staff', 'Former pupils', 'Parents', 'policy.json', 'Routes skipped'];
  const rows = schools.map((s) => [
    s.schoolName,
    s.folder,
    String(s.counts.pupils ?? 0),
    String(s.counts.staff ?? 0),
    String(s.counts.formerPupils ?? 0),
    String(s.counts.parents ?? 0),
    `${Math.ceil(new TextEncoder().encode(s.files.find((f) => f.path === 'policy.json')!.content as string).length / 1024)} KB`,
    s.routes.filter((r) => !r.fits).map((r) => r.label).join('; ') || 'none',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Every file of a successful build, with its path in the output folder (or zip). */
export function outputFiles(schools: SchoolDeployment[], split: boolean): Artefact[] {
  const files = schools.flatMap((s) => s.files.map((f) => ({ path: s.folder ? `${s.folder}/${f.path}` : f.path, content: f.content })));
  if (split) files.push({ path: SUMMARY_FILE, content: summaryTable(schools) });
  return files;
}

export const SUMMARY_FILE = 'summary.txt';

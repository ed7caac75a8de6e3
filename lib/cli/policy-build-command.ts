/**
 * `policy build`: MIS exports (CSV) in, a validated policy and every deployment file out.
 * Bad input (a file it cannot read, a layout it cannot use, a settings error) is reported with what
 * and where, nothing is written, and the exit code is 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { buildArtefacts } from '../deploy/artefacts';
import { buildPolicy } from '../deploy/build-policy';
import { photoSettings, withPhotoSettings } from '../deploy/photo-settings';
import { CHROMIUM_EXTENSION_ID, defaultTarget, type DeployTarget } from '../deploy/target';
import { hashPolicy } from '../policy/hash-policy';
import type { StaffMember } from '../policy/schema';
import { validatePolicy } from '../policy/validate';
import { decodeCsvBytes } from '../roster-import/decode';
import { importRoster, type RosterKind } from '../roster-import/import-roster';
import type { ParsedOptions } from './options';
import { readOrMakeRosterKey, saveRosterKey } from './roster-key-file';

export const POLICY_BUILD_OPTIONS = {
  values: ['school', 'pupils', 'staff', 'former-pupils', 'parents', 'settings', 'out', 'key-file', 'update-url', 'edge-update-url', 'extension-id', 'edge-extension-id', 'firefox-id', 'firefox-install-url', 'school-day', 'time-zone'],
  lists: ['aliases', 'photo-checks'],
  switches: ['hash', 'working-hours'],
  // Photos and the school day (lib/deploy/photo-settings.ts): repeatable, commas kept.
  repeats: ['school-site', 'break', 'term'],
} as const;

export const DEFAULT_KEY_FILE = 'roster-key.txt';

const ROSTER_OPTIONS: [string, RosterKind, string][] = [
  ['staff', 'staff', 'members of staff'],
  ['pupils', 'pupils', 'pupils'],
  ['former-pupils', 'formerPupils', 'former pupils'],
  ['parents', 'parents', 'parents and carers'],
];

interface Io {
  stdout: Writable;
  stderr: Writable;
}

function readInput(path: string): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${path}: cannot read the file${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}.` };
  }
}

function checkUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol === 'https:' || u.protocol === 'http:') return undefined;
  } catch {
    /* reported below */
  }
  return `--${name} must be a web address (https://...); found ${JSON.stringify(value)}.`;
}

function targetFrom(opts: ParsedOptions): DeployTarget | string {
  const v = opts.values;
  const target = defaultTarget(v.school);
  const chromeId = v['extension-id'] ?? target.chrome.id;
  const edgeId = v['edge-extension-id'] ?? chromeId;
  for (const [name, id] of [['extension-id', chromeId], ['edge-extension-id', edgeId]] as const) {
    if (!CHROMIUM_EXTENSION_ID.test(id)) return `--${name} must be a Chrome/Edge extension id: 32 letters a to p; found ${JSON.stringify(id)}.`;
  }
  for (const name of ['update-url', 'edge-update-url', 'firefox-install-url']) {
    const problem = checkUrl(name, v[name]);
    if (problem) return problem;
  }
  return {
    schoolName: v.school,
    chrome: { id: chromeId, updateUrl: v['update-url'] },
    edge: { id: edgeId, updateUrl: v['edge-update-url'] ?? v['update-url'] },
    firefox: { id: v['firefox-id'] ?? target.firefox.id, installUrl: v['firefox-install-url'] },
  };
}

export function runPolicyBuild(opts: ParsedOptions, io: Io): number {
  const v = opts.values;
  const fail = (...lines: string[]) => {
    for (const l of lines) io.stderr.write(l + '\n');
    io.stderr.write('Nothing was written.\n');
    return 2;
  };
  if (!v.school?.trim()) return fail('policy build needs --school "<the school\'s full name>".');
  if (!v.pupils) return fail('policy build needs --pupils <pupils.csv> (an export from the school\'s MIS).');
  if (!v.out) return fail('policy build needs --out <folder> for the files it writes.');
  const target = targetFrom(opts);
  if (typeof target === 'string') return fail(target);

  // 1. Rosters. Every file is read before anything fails, so all problems show at once.
  const rosters: Partial<Record<RosterKind, StaffMember[]>> = {};
  const errors: string[] = [];
  for (const [option, kind, words] of ROSTER_OPTIONS) {
    const path = v[option];
    if (!path) continue;
    const input = readInput(path);
    if ('error' in input) {
      errors.push(input.error);
      continue;
    }
    const { text, encoding } = decodeCsvBytes(input.bytes);
    const result = importRoster(text, kind, path);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    rosters[kind] = result.people;
    io.stderr.write(`${path}: ${result.people.length} ${words} (columns used: ${result.columns.join(', ')}).\n`);
    if (encoding === 'windows-1252') io.stderr.write(`${path}: note: read as Windows-1252 text (it is not UTF-8); check accented names in policy.json.\n`);
    for (const n of result.notes) io.stderr.write(`${path}: note: ${n}\n`);
    for (const s of result.skipped) io.stderr.write(`${path}: warning: row ${s.row} skipped: it ${s.message}\n`);
  }

  let settings: unknown;
  if (v.settings) {
    const input = readInput(v.settings);
    if ('error' in input) errors.push(input.error);
    else {
      try {
        settings = JSON.parse(new TextDecoder().decode(input.bytes).replace(/^\uFEFF/, ''));
      } catch (e) {
        errors.push(`${v.settings}: the settings are not valid JSON: ${(e as Error).message}.`);
      }
    }
  }
  // Photos and the school day, from their own options, over the settings file's.
  const photo = photoSettings({
    schoolSites: opts.lists['school-site'],
    schoolDay: v['school-day'],
    timeZone: v['time-zone'],
    breaks: opts.lists.break,
    terms: opts.lists.term,
    photoChecks: opts.lists['photo-checks'],
    workingHours: opts.switches.has('working-hours'),
  });
  errors.push(...photo.errors);
  if (errors.length) return fail(...errors);
  settings = withPhotoSettings(settings, photo.settings);

  // 2. The policy, validated as the extension will validate it.
  const built = buildPolicy({ schoolName: v.school, schoolAliases: opts.lists.aliases, rosters, settings, settingsLabel: v.settings ?? (settings ? 'the photo and school-day options' : undefined) });
  for (const m of built.ok ? built.messages : []) io.stderr.write(m + '\n');
  if (!built.ok) return fail(...built.messages);
  let policy = built.policy;

  // 3. Keyed hashes, with the school's key kept between builds.
  const hashed = opts.switches.has('hash');
  if (!hashed && v['key-file']) return fail('--key-file is only used with --hash.');
  const keyPath = v['key-file'] ?? join(v.out, DEFAULT_KEY_FILE);
  let newKey: string | undefined;
  if (hashed) {
    const key = readOrMakeRosterKey(keyPath);
    if ('error' in key) return fail(key.error);
    if (key.isNew) newKey = key.key;
    policy = hashPolicy(policy, key.key);
    const recheck = validatePolicy(policy);
    if (!recheck.policy) return fail(...recheck.issues.map((i) => `hashed policy: error at ${i.path}: ${i.message}`));
  }

  // 4. The files.
  let artefacts;
  try {
    artefacts = buildArtefacts(policy, target, { hashed });
  } catch (e) {
    return fail(`policy: ${(e as Error).message}`);
  }
  const out = resolve(v.out);
  for (const a of artefacts) {
    const file = join(out, a.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.content);
  }
  if (target.chrome.updateUrl && !target.firefox.installUrl) {
    io.stderr.write('note: Firefox is not force-installed: it installs from an .xpi address, given with --firefox-install-url.\n');
  }
  if (!hashed) {
    io.stderr.write('note: rosters are written as plain names, which anyone can read in chrome://policy. For school-wide deployment, build with --hash.\n');
  } else {
    if (newKey) saveRosterKey(keyPath, newKey);
    io.stderr.write(
      newKey
        ? `${keyPath}: a new roster key was made and saved there. Keep this file and pass it as --key-file next term.\n`
        : `${keyPath}: the school's roster key was reused.\n`,
    );
  }
  const counts = ROSTER_OPTIONS.filter(([, kind]) => rosters[kind]).map(([, kind, words]) => `${rosters[kind]!.length} ${words}`);
  io.stdout.write(`Policy for ${policy.schoolName}: ${counts.join(', ')}${hashed ? ', names hashed' : ''}.\n`);
  io.stdout.write(`Wrote ${artefacts.length} files to ${out}:\n`);
  for (const a of artefacts) io.stdout.write(`  ${a.path}\n`);
  io.stdout.write('See README.txt there for which file goes where.\n');
  return 0;
}

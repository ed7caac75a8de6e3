/**
 * `policy build`: MIS exports (CSV) in, a validated policy and every deployment file out. The work is
 * lib/deploy/build-deployment.ts (shared with the extension's IT set-up page); this file reads the
 * files, keeps the school's roster key between builds and writes the output folder.
 * Bad input (a file it cannot read, a layout it cannot use, a settings error) is reported with what
 * and where, nothing is written, and the exit code is 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { buildDeployment, countWords, outputFiles, ROSTER_KINDS, SUMMARY_FILE, summaryTable, type InputFile } from '../deploy/build-deployment';
import { photoSettings } from '../deploy/photo-settings';
import { CHROMIUM_EXTENSION_ID, defaultTarget, type DeployTarget } from '../deploy/target';
import type { RosterKind } from '../roster-import/import-roster';
import { nodeRosterHmac } from './node-hmac';
import type { ParsedOptions } from './options';
import { readOrMakeRosterKey, saveRosterKey } from './roster-key-file';

export const DEFAULT_KEY_FILE = 'roster-key.txt';

const ROSTER_OPTIONS: Record<RosterKind, string> = { staff: 'staff', pupils: 'pupils', formerPupils: 'former-pupils', parents: 'parents' };

interface Io {
  stdout: Writable;
  stderr: Writable;
}

function readInput(path: string): InputFile | { error: string } {
  try {
    return { label: path, bytes: readFileSync(path) };
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

export function targetFrom(values: Record<string, string | undefined>): DeployTarget | string {
  const target = defaultTarget(values.school ?? '');
  const chromeId = values['extension-id'] ?? target.chrome.id;
  const edgeId = values['edge-extension-id'] ?? chromeId;
  for (const [name, id] of [['extension-id', chromeId], ['edge-extension-id', edgeId]] as const) {
    if (!CHROMIUM_EXTENSION_ID.test(id)) return `--${name} must be a Chrome/Edge extension id: 32 letters a to p; found ${JSON.stringify(id)}.`;
  }
  for (const name of ['update-url', 'edge-update-url', 'firefox-install-url']) {
    const problem = checkUrl(name, values[name]);
    if (problem) return problem;
  }
  return {
    schoolName: target.schoolName,
    chrome: { id: chromeId, updateUrl: values['update-url'] },
    edge: { id: edgeId, updateUrl: values['edge-update-url'] ?? values['update-url'] },
    firefox: { id: values['firefox-id'] ?? target.firefox.id, installUrl: values['firefox-install-url'] },
  };
}

export function runPolicyBuild(opts: ParsedOptions, io: Io): number {
  const v = opts.values;
  const fail = (...lines: string[]) => {
    for (const l of lines) io.stderr.write(l + '\n');
    io.stderr.write('Nothing was written.\n');
    return 2;
  };
  if (!v['split-by'] && !v.school?.trim()) return fail('policy build needs --school "<the school\'s full name>" (or --split-by <column> for a trust-wide export).');
  if (!v.pupils) return fail('policy build needs --pupils <pupils.csv> (an export from the school\'s MIS).');
  if (!v.out) return fail('policy build needs --out <folder> for the files it writes.');
  const target = targetFrom(v);
  if (typeof target === 'string') return fail(target);

  const rosters: Partial<Record<RosterKind, InputFile>> = {};
  const errors: string[] = [];
  for (const { kind } of ROSTER_KINDS) {
    const path = v[ROSTER_OPTIONS[kind]];
    if (!path) continue;
    const input = readInput(path);
    if ('error' in input) errors.push(input.error);
    else rosters[kind] = input;
  }
  let settings: InputFile | undefined;
  if (v.settings) {
    const input = readInput(v.settings);
    if ('error' in input) errors.push(input.error);
    else settings = input;
  }
  let schoolAliases: InputFile | undefined;
  if (v['school-aliases']) {
    const input = readInput(v['school-aliases']);
    if ('error' in input) errors.push(input.error);
    else schoolAliases = input;
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
  const hashed = opts.switches.has('hash');
  if (!hashed && v['key-file']) errors.push('--key-file is only used with --hash.');
  const keyPath = v['key-file'] ?? join(v.out, DEFAULT_KEY_FILE);
  let key: ReturnType<typeof readOrMakeRosterKey> | undefined;
  if (hashed && !errors.length) {
    key = readOrMakeRosterKey(keyPath);
    if ('error' in key) errors.push(key.error);
  }
  if (errors.length && !Object.keys(rosters).length) return fail(...errors);

  // Files that could not be read are reported together with what the readable ones had wrong.
  const result = buildDeployment({
    inputErrors: errors,
    schoolName: v['split-by'] ? undefined : v.school,
    aliases: opts.lists.aliases,
    rosters,
    settings,
    photoSettings: photo.settings,
    rosterKey: key && 'key' in key ? key.key : undefined,
    target,
    splitBy: v['split-by'],
    schoolAliases,
    hmac: nodeRosterHmac,
  });
  for (const m of result.messages) if (m.level !== 'error') io.stderr.write(m.text + '\n');
  if (!result.ok) return fail(...result.messages.filter((m) => m.level === 'error').map((m) => m.text));

  const out = resolve(v.out);
  const split = !!v['split-by'];
  const files = outputFiles(result.schools, split);
  for (const a of files) {
    const file = join(out, a.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.content);
  }
  const written = files.length;
  if (target.chrome.updateUrl && !target.firefox.installUrl) {
    io.stderr.write('note: Firefox is not force-installed: it installs from an .xpi address, given with --firefox-install-url.\n');
  }
  if (!hashed) {
    io.stderr.write('note: rosters are written as plain names, which anyone can read in chrome://policy. For school-wide deployment, build with --hash.\n');
  } else if (key && 'key' in key) {
    if (key.isNew) saveRosterKey(keyPath, key.key);
    io.stderr.write(
      key.isNew
        ? `${keyPath}: a new roster key was made and saved there. Keep this file and pass it as --key-file next term.\n`
        : `${keyPath}: the school's roster key was reused.\n`,
    );
  }
  for (const school of result.schools) {
    const counts = ROSTER_KINDS.filter(({ kind }) => school.counts[kind] !== undefined).map(({ kind }) => countWords(school.counts[kind]!, kind));
    io.stdout.write(`Policy for ${school.schoolName}: ${counts.join(', ')}${hashed ? ', names hashed' : ''}.\n`);
  }
  if (split) {
    io.stdout.write(`\n${summaryTable(result.schools)}\nWrote ${written} files for ${result.schools.length} schools to ${out}, one folder each (table in ${SUMMARY_FILE}).\n`);
  } else {
    const [school] = result.schools;
    io.stdout.write(`Wrote ${school.files.length} files to ${out}:\n`);
    for (const a of school.files) io.stdout.write(`  ${a.path}\n`);
  }
  io.stdout.write(`See README.txt ${split ? 'in each folder' : 'there'} for which file goes where.\n`);
  return 0;
}

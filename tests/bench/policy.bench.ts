/**
 * `npm run bench:policy`: what `policy build` costs at the size of a school and of a trust.
 *
 * For rosters of 2,000, 5,000 and 20,000 names (93% pupils, 7% staff; a tenth with a middle name, one
 * in twenty with a preferred forename, so the importer keeps the legal name as a nickname), it writes
 * SIMS-style CSV exports, runs the real command line (`policy build --hash`, then without `--hash` as
 * the baseline in the same run) in a child process, and prints: wall time and peak memory of the
 * command, the size of each generated file, characters a name, and the first scheme's size for the
 * same roster (computed here) as a ratio. `--json` prints one JSON object.
 *
 * Names: ONS given names weighted by births 2007–2021 and UK surnames by frequency, from ../shared/data
 * (SHARED_DATA or the folder beside the repository); without it, the 600-name fixtures (which share
 * more words, so files come out smaller: the output says which were used).
 * Figures only, never asserted: budgets from issue 13 are printed beside them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { hashPolicyPerEntry } from '../../lib/policy/hash-policy';
import { mulberry32, readNameFixture, weightedPicker as weighted } from '../support/name-samples';

const JSON_MODE = process.argv.includes('--json');
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SIZES = [2000, 5000, 20000];
const BUDGET = { charsPerNameAt2000: 70, trustBytes: 1.5 * 1024 * 1024, trustBuildSeconds: 3, trustBuildMB: 300 };
const KEY = 'YmVuY2gtcG9saWN5LWtleS0wMTIzNDU2Nzg5YWJjZGVm';

type Rng = () => number;


function readCsv<T>(path: string): T[] {
  return Papa.parse<T>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: true }).data;
}

const titleCase = (s: string) => s.replace(/(^|[-' ])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

function namePickers(): { source: string; given: (r: Rng) => string; surname: (r: Rng) => string } {
  const shared = resolve(process.env.SHARED_DATA ?? join(REPO, '../shared/data'));
  const givenFile = join(shared, 'names-ons-england-wales/ons_given_names_ew_1996_2024_by_name.csv');
  const surnameFile = join(shared, 'surnames-uk/lastname_uk.csv');
  if (existsSync(givenFile) && existsSync(surnameFile)) {
    const given = readCsv<{ name: string; births_2007_2021: number }>(givenFile).filter((r) => r.name && r.births_2007_2021 > 0);
    const surnames = readCsv<{ surname: string; freq: number }>(surnameFile).filter((r) => r.surname);
    const g = weighted(given, (r) => r.births_2007_2021);
    const s = weighted(surnames, (r) => r.freq);
    return { source: `ONS given names (${given.length}) and UK surnames (${surnames.length}) from ${shared}`, given: (r) => String(g(r).name), surname: (r) => titleCase(String(s(r).surname)) };
  }
  const given = readNameFixture<{ name: string; count: number }>('given-names.csv').filter((r) => r.name);
  const surnames = readNameFixture<{ surname: string; count: number }>('surnames.csv').filter((r) => r.surname);
  const g = weighted(given, (r) => r.count);
  const s = weighted(surnames, (r) => r.count);
  return { source: 'the 600-name fixtures in tests/fixtures/names (../shared/data not found)', given: (r) => g(r).name, surname: (r) => s(r).surname };
}

const csvCell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** SIMS-style exports: legal and preferred names, a job title for staff, columns the build leaves behind. */
function writeExports(dir: string, names: number, pick: ReturnType<typeof namePickers>): { pupils: string; staff: string; people: { name: string; aliases?: string[] }[] } {
  const rng = mulberry32(20261103 + names);
  const seen = new Set<string>();
  const people: { name: string; aliases?: string[] }[] = [];
  const rows: string[][] = [];
  while (rows.length < names) {
    let legal = pick.given(rng);
    if (rng() < 0.1) legal += ' ' + pick.given(rng);
    const surname = pick.surname(rng);
    const preferred = rng() < 0.05 ? pick.given(rng) : legal;
    const key = `${preferred} ${surname}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([surname, legal, surname, preferred]);
    people.push({ name: `${preferred} ${surname}`, ...(preferred !== legal ? { aliases: [`${legal} ${surname}`] } : {}) });
  }
  const staffCount = Math.round(names * 0.07);
  const pupilLines = ['Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,Reg Group,UPN'];
  const staffLines = ['Title,Forename,Surname,Role'];
  rows.forEach((r, i) => {
    if (i < staffCount) staffLines.push(['Mx', r[3], r[0], i === 0 ? 'Headteacher' : 'Teacher'].map(csvCell).join(','));
    else pupilLines.push([...r, `${1 + (i % 6)}A`, `A${String(100000000000 + i)}`].map(csvCell).join(','));
  });
  const pupils = join(dir, 'pupils.csv');
  const staff = join(dir, 'staff.csv');
  writeFileSync(pupils, pupilLines.join('\r\n') + '\r\n');
  writeFileSync(staff, staffLines.join('\r\n') + '\r\n');
  return { pupils, staff, people };
}

interface Run {
  /** Wall-clock seconds of the whole command, Node's start-up included. */
  seconds: number;
  /** CPU seconds (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakMB: number;
  files: Record<string, number>;
}

/** Runs the real command in a child process, timed and with its peak memory (GNU time, or Node's own). */
function runBuild(exports: { pupils: string; staff: string }, out: string, hash: boolean): Run {
  const usage = join(out, '..', `usage-${hash ? 'hashed' : 'plain'}.json`);
  const args = [
    '--import', 'tsx', '--import', join(REPO, 'tests/bench/report-usage.mjs'), join(REPO, 'lib/cli/main.ts'),
    'policy', 'build', '--school', 'Oakfield Academy Trust School', '--pupils', exports.pupils, '--staff', exports.staff, '--out', out,
    ...(hash ? ['--hash', '--key-file', join(out, '..', 'key.txt')] : []),
  ];
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: REPO, env: { ...process.env, SECOND_LOOK_USAGE_FILE: usage }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const { maxRSSkB, cpuMicros } = JSON.parse(readFileSync(usage, 'utf8')) as { maxRSSkB: number; cpuMicros: number };
  const files: Record<string, number> = {};
  for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const p = join(out, f);
    if (statSync(p).isFile()) files[relative(out, p)] = statSync(p).size;
  }
  return { seconds, cpuSeconds: cpuMicros / 1e6, peakMB: maxRSSkB / 1024, files };
}

if (!existsSync(join(REPO, '../shared/data')) && !process.env.SHARED_DATA && !JSON_MODE) {
  process.stderr.write('note: ../shared/data not found; using the small name fixtures.\n');
}
const pick = namePickers();
const base = mkdtempSync(join(tmpdir(), 'second-look-bench-policy-'));
const results: {
  names: number;
  hashed: Run;
  plain: Run;
  charsPerName: number;
  firstSchemeCharsPerName: number;
}[] = [];
try {
  for (const names of SIZES) {
    const dir = mkdtempSync(join(base, `${names}-`));
    const exports = writeExports(dir, names, pick);
    const hashed = runBuild(exports, join(dir, 'hashed'), true);
    const plain = runBuild(exports, join(dir, 'plain'), false);
    const policy = JSON.parse(readFileSync(join(dir, 'hashed', 'policy.json'), 'utf8')) as { rosterHash: Record<string, string> };
    const { rosterHash } = policy;
    const packedChars = ['words', 'pupils', 'staff'].reduce((n, k) => n + (rosterHash[k]?.length ?? 0), 0);
    const firstScheme = hashPolicyPerEntry({ pupils: exports.people }, KEY);
    results.push({
      names,
      hashed,
      plain,
      charsPerName: packedChars / names,
      firstSchemeCharsPerName: JSON.stringify(firstScheme.pupils).length / names,
    });
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

if (JSON_MODE) {
  process.stdout.write(JSON.stringify({ names: pick.source, budget: BUDGET, results }, null, 2) + '\n');
} else {
  const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  const out: string[] = [`policy build, measured (names: ${pick.source})`, ''];
  out.push('names  | build --hash: wall s, CPU s, peak MB | plain baseline: wall s, CPU s, peak MB | packed chars/name | first scheme chars/name');
  const run = (r: Run) => `${r.seconds.toFixed(2).padStart(5)}, ${r.cpuSeconds.toFixed(2).padStart(5)}, ${r.peakMB.toFixed(0).padStart(4)}`;
  for (const r of results) {
    out.push(
      `${String(r.names).padStart(6)} | ${run(r.hashed).padEnd(35)} | ${run(r.plain).padEnd(37)} | ${r.charsPerName.toFixed(1).padStart(17)} | ` +
        `${r.firstSchemeCharsPerName.toFixed(1)} (${(r.firstSchemeCharsPerName / r.charsPerName).toFixed(1)}× larger)`,
    );
  }
  out.push('', 'Generated files (--hash), sizes:');
  const paths = Object.keys(results[0].hashed.files).sort();
  out.push(`${'file'.padEnd(44)}${SIZES.map((n) => `${n} names`.padStart(14)).join('')}`);
  for (const p of paths) out.push(`${p.padEnd(44)}${results.map((r) => (r.hashed.files[p] === undefined ? 'not written' : kb(r.hashed.files[p])).padStart(14)).join('')}`);
  out.push('', 'Generated files without --hash (plain names), sizes:');
  for (const p of Object.keys(results[0].plain.files).sort()) out.push(`${p.padEnd(44)}${results.map((r) => (r.plain.files[p] === undefined ? 'not written' : kb(r.plain.files[p])).padStart(14)).join('')}`);
  const trust = results.find((r) => r.names === 20000)!;
  const school = results.find((r) => r.names === 2000)!;
  out.push(
    '',
    'Budgets (issue 13):',
    `  packed roster at 2,000 names: ${school.charsPerName.toFixed(1)} characters a name (budget ≤ ${BUDGET.charsPerNameAt2000})`,
    `  policy.json at 20,000 names: ${kb(trust.hashed.files['policy.json'])} (budget ≤ ${kb(BUDGET.trustBytes)})`,
    `  policy build --hash of 20,000 names: ${trust.hashed.seconds.toFixed(2)} s wall, ${trust.hashed.cpuSeconds.toFixed(2)} s CPU, ${trust.hashed.peakMB.toFixed(0)} MB peak (budget ≤ ${BUDGET.trustBuildSeconds} s, ≤ ${BUDGET.trustBuildMB} MB)`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

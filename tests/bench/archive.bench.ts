/**
 * Archive benchmark: `npm run bench:archive` checks an X archive of 50,000 tweets padded with stored
 * media to 1 GB, and prints time and peak memory next to the budgets (PRODUCT.md / issue 17: 50,000
 * tweets in at most 20 s, at most 300 MB with a 1 GB archive). Figures only, never asserted.
 *
 * Each run is a fresh Node process (tests/bench/archive-child.ts), so its peak RSS is its own. In the
 * same run, baselines: the modules alone (idle), reading without the engine (read), and the naive way
 * of inflating tweets.js whole and JSON.parse-ing it (whole). `-- --browser` also times the real page
 * in Chromium with the built extension (run `npm run build` first, and wrap it in
 * `flock /tmp/second-look-browser.lock`), with the peak memory of the extension's renderer process.
 *
 * Options: --tweets N (50000), --size-mb N (1024), --keep (leave the archive in the temp folder),
 * --browser-only (skip the Node runs).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { configure, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import type { Policy } from '../../lib/policy/schema';
import { fakeMedia, xTweet, ytd } from '../fixtures/archives/build';
import { mulberry32, readNameFixture } from '../support/name-samples';

configure({ useWebWorkers: false });

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TWEETS = arg('tweets', 50_000);
const SIZE_MB = arg('size-mb', 1024);
const BUDGET = { seconds: 20, memoryMB: 300 };
const ROOT = new URL('../../', import.meta.url).pathname;

function roster(): Policy {
  const rng = mulberry32(17);
  const given = readNameFixture<{ name: string }>('given-names.csv').slice(0, 400).map((r) => r.name);
  const surnames = readNameFixture<{ surname: string }>('surnames.csv').slice(0, 400).map((r) => r.surname);
  const name = () => `${given[Math.floor(rng() * given.length)]} ${surnames[Math.floor(rng() * surnames.length)]}`;
  return {
    schoolName: 'Oakfield Primary School',
    schoolAliases: ['Oakfield Primary', 'OPS', '#OakfieldFamily'],
    pupils: Array.from({ length: 2000 }, () => ({ name: name() })),
    staff: Array.from({ length: 150 }, () => ({ name: name(), role: 'Teacher' })),
  };
}

const EVERYDAY = [
  'What a weekend it has been, hours of rain and still the dog wanted his walk.',
  'Finally tried the lasagne recipe everyone keeps sharing and honestly it was worth the washing up.',
  'Can anyone recommend a decent plumber near the high street? Ours has stopped answering the phone.',
  'The traffic on the ring road this morning was unbelievable, forty minutes to go two miles.',
  'Booked a cottage in the Lakes for half term and I cannot wait to switch off.',
  'Reminder to self: never agree to run a half marathon after three glasses of wine.',
];

async function writeArchive(path: string, policy: Policy): Promise<void> {
  const rng = mulberry32(5);
  const pupils = policy.pupils!.slice(0, 50).map((p) => (p as { name: string }).name);
  const tweets = Array.from({ length: TWEETS }, (_, i) => {
    const text = rng() < 0.02 ? `So proud of ${pupils[i % pupils.length]} today, what a star.` : `${EVERYDAY[i % EVERYDAY.length]} #${i}`;
    return xTweet({ id: String(1300000000000000000n + BigInt(i)), text, date: 'Wed Oct 10 20:19:24 +0000 2018' });
  });
  const out = Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>;
  const zip = new ZipWriter(out, { zip64: SIZE_MB >= 4000 });
  const tweetsJs = new TextEncoder().encode(ytd('tweets', 0, tweets));
  await zip.add('data/account.js', new Uint8ArrayReader(new TextEncoder().encode(ytd('account', 0, [{ account: { username: 'bench', accountDisplayName: 'Bench' } }]))));
  await zip.add('data/tweets.js', new Uint8ArrayReader(tweetsJs), { level: 6 });
  const chunk = fakeMedia(16 * 1024 * 1024, 3);
  const mediaFiles = Math.max(0, Math.round((SIZE_MB * 1024 * 1024) / chunk.length) - 1);
  for (let i = 0; i < mediaFiles; i++) await zip.add(`data/tweets_media/${i}-video.mp4`, new Uint8ArrayReader(chunk), { level: 0 });
  await zip.close();
  console.log(`  wrote ${path}: ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB, tweets.js ${(tweetsJs.length / 1024 / 1024).toFixed(1)} MB uncompressed`);
}

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  checked: number;
  flagged: number;
}

function child(path: string, policyFile: string, mode: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/archive-child.ts', path, policyFile, mode], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

/** Chromium's extension renderer processes (the archive page and its worker, the background). */
function extensionRenderers(): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmd.includes('--type=renderer') && cmd.includes('--extension-process');
    } catch {
      return false;
    }
  });
}

/** Their resident memory, in MB. */
function extensionRendererRssMB(): number {
  let kb = 0;
  for (const pid of extensionRenderers()) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return kb / 1024;
}

/** Their CPU time so far (user + system), in seconds, including their threads (the worker's). */
function extensionRendererCpuSeconds(): number {
  let ticks = 0;
  for (const pid of extensionRenderers()) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended
    }
  }
  return ticks / 100; // USER_HZ
}

async function browserRun(path: string, policy: Policy): Promise<{ ms: number; cpuS: number; peakMB: number; idleMB: number }> {
  const { launchWithExtension, makeUserDataDir, removeDir } = await import('../e2e/fixtures/extension');
  const { setPersonalPolicy } = await import('../e2e/fixtures/policy');
  const { EXTENSION_ID } = await import('../../lib/extension-identity');
  const userDataDir = makeUserDataDir();
  const context = await launchWithExtension({ userDataDir });
  try {
    await setPersonalPolicy(context, policy as Record<string, unknown>);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/archive.html`);
    await page.getByLabel('Choose a downloaded export (.zip)').waitFor();
    const idleMB = extensionRendererRssMB();
    let peakMB = idleMB;
    const timer = setInterval(() => (peakMB = Math.max(peakMB, extensionRendererRssMB())), 100);
    const started = performance.now();
    const cpuBefore = extensionRendererCpuSeconds();
    await page.getByLabel('Choose a downloaded export (.zip)').setInputFiles(path);
    await page.locator('.run-status .ok-text').waitFor({ timeout: 300_000 });
    const ms = performance.now() - started;
    const cpuS = extensionRendererCpuSeconds() - cpuBefore;
    clearInterval(timer);
    return { ms: Math.round(ms), cpuS, peakMB: Math.round(peakMB), idleMB: Math.round(idleMB) };
  } finally {
    await context.close();
    removeDir(userDataDir);
  }
}

async function main(): Promise<void> {
  const policy = roster();
  const policyFile = join(tmpdir(), 'second-look-bench-policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  const path = join(tmpdir(), `second-look-bench-x-${TWEETS}-${SIZE_MB}mb.zip`);
  console.log(`Archive benchmark: X archive, ${TWEETS.toLocaleString('en-GB')} tweets, ${SIZE_MB} MB, roster of 2,150 names`);
  if (!existsSync(path)) await writeArchive(path, policy);
  try {
    if (!process.argv.includes('--browser-only')) nodeRuns(path, policyFile);
    if (process.argv.includes('--browser') || process.argv.includes('--browser-only')) {
      const b = await browserRun(path, policy);
      console.log(
        `  Chromium, archive page + worker: ${(b.ms / 1000).toFixed(2)} s wall, ${b.cpuS.toFixed(2)} s CPU; extension renderer ${b.peakMB} MB peak RSS (${b.idleMB} MB before the file was chosen)`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(path, { force: true });
  }
}

function nodeRuns(path: string, policyFile: string): void {
  const idle = child(path, policyFile, 'idle');
  const read = child(path, policyFile, 'read');
  const stream = child(path, policyFile, 'stream');
  const whole = child(path, policyFile, 'whole');
  const row = (label: string, r: Run, note = '') =>
    console.log(`  ${label.padEnd(36)} ${(r.ms / 1000).toFixed(2).padStart(6)} s wall ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s CPU ${String(r.maxRssMB).padStart(5)} MB peak RSS${note}`);
  row('modules only (baseline)', idle);
  row('read, no engine', read, `  ${read.checked.toLocaleString('en-GB')} items`);
  row('Second Look (stream + engine)', stream, `  ${stream.checked.toLocaleString('en-GB')} checked, ${stream.flagged.toLocaleString('en-GB')} flagged`);
  row('naive: tweets.js whole + JSON.parse', whole, `  ${whole.checked.toLocaleString('en-GB')} checked`);
  console.log(
    `  budget: ≤ ${BUDGET.seconds} s → ${(stream.ms / 1000).toFixed(2)} s wall, ${(stream.cpuMs / 1000).toFixed(2)} s CPU (${((stream.cpuMs / 1000 / BUDGET.seconds) * 100).toFixed(0)} % of it); ` +
      `≤ ${BUDGET.memoryMB} MB → ${stream.maxRssMB} MB (${stream.maxRssMB - idle.maxRssMB} MB above the modules alone); ` +
      `memory vs naive: ${(stream.maxRssMB / whole.maxRssMB).toFixed(2)}×; engine share of the CPU time: ${(((stream.cpuMs - read.cpuMs) / stream.cpuMs) * 100).toFixed(0)} %; ` +
      `load average ${loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores (wall time is CPU time on an idle machine)`,
  );
}

await main();

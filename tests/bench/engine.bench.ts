/**
 * Engine benchmark: `npm run bench` prints a table with the PRODUCT.md budgets next to the figures;
 * `npm run --silent bench -- --json` prints one JSON object and nothing else on stdout.
 *
 * Figures only: budgets are shown, never asserted (timings vary by machine and load).
 *
 * - Rosters of 100, 2,150 (2,000 pupils + 150 staff) and 10,000 names, made deterministically from the
 *   name fixtures; each smaller roster is a prefix of the larger one, so the same posts (which name
 *   people from the first 100) find the same people in all three.
 * - "fresh": cycling through many distinct ~2,000-character posts, so per-sentence and per-word caches
 *   only help as much as they would for real text. "typing": one post checked after each typed
 *   character (what the content script does while someone types).
 * - Baseline (PRODUCT.md: "finding names no slower than a straightforward one-RegExp-of-all-names
 *   baseline in the same run"): the engine's name finding alone (tokenise + name index, every name
 *   form) against one case-insensitive RegExp alternation of all the roster's full names with word
 *   boundaries, on the same posts, in alternating rounds; budget RegExp ÷ engine ≥ 1.
 * - Long posts (long-posts.ts): per-keystroke worker time at 500 and 10,000 characters, and the ratio.
 * - Adversarial families at growing sizes, with time per character, to show whether cost is linear.
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../support/name-samples';
import { given, makePost, pick, POST_CHARS, rosterPolicy, type Rng } from './engine-fixtures';
import { analyse } from '../../lib/engine/analysis';
import { createEngine, Engine } from '../../lib/engine/check';
import { restoreCompiled, storeCompiled } from '../../lib/engine/stored-compile';
import { measureCold } from './cold-start';
import { jobSignal } from '../../lib/engine/job';
import { encodeRosterKey } from '../../lib/engine/names/keys';
import { tokenise } from '../../lib/engine/tokenise';
import { timeLongPosts } from './long-posts';
import { hashPolicy } from '../../lib/policy/hash-policy';
import type { Policy } from '../../lib/policy/schema';

const JSON_MODE = process.argv.includes('--json');

const ROSTER_SIZES = [100, 2150, 10000];
const FRESH_POSTS = 300;
const FRESH_WARMUP = 150;
const FRESH_RUNS = 1500;
const TYPED_CHARS = 200;
const TYPING_POSTS = 6;
/** PRODUCT.md "Speed and size budgets"; longTypingRatio from issue 16 (10,000- ÷ 500-character keystroke). */
const BUDGET = { medianMs: 0.25, rosterGrowth: 1.5, namesVsRegExp: 1, compileMs: 50, compileColdMs: 100, longTypingRatio: 3 };
const NAME_ROUNDS = 15;
/** An adversarial run slower than this stops that family's larger sizes. */
const ADVERSARIAL_STOP_MS = 4000;

// ---------------------------------------------------------------------------------------------
// Measuring

interface Stats { medianMs: number; p95Ms: number; runs: number }

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { medianMs: round(q(0.5)), p95Ms: round(q(0.95)), runs: s.length };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

let sink = 0;

function timeFresh(engine: Engine, posts: readonly string[]): Stats {
  for (let i = 0; i < FRESH_WARMUP; i++) sink += engine.check(posts[i % posts.length], { surface: 'post' }).length;
  const samples: number[] = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    const post = posts[(i * 7 + 3) % posts.length];
    const t0 = performance.now();
    const f = engine.check(post, { surface: 'post' });
    samples.push(performance.now() - t0);
    sink += f.length;
  }
  return stats(samples);
}

/** Type the last TYPED_CHARS characters of each post one at a time, checking after each. */
function timeTyping(engine: Engine, posts: readonly string[]): Stats {
  const samples: number[] = [];
  for (let p = 0; p <= TYPING_POSTS; p++) {
    const post = posts[p];
    for (let len = post.length - TYPED_CHARS; len <= post.length; len++) {
      const text = post.slice(0, len);
      const t0 = performance.now();
      const f = engine.check(text, { surface: 'post' });
      const dt = performance.now() - t0;
      if (p > 0) samples.push(dt); // the first post warms up
      sink += f.length;
    }
  }
  return stats(samples);
}

/**
 * A post that is mostly common first names ("Well done to Jack, Olivia, Thomas…"): every roster person
 * who shares one of them is a candidate, so this shows how much roster size still costs.
 */
const FIRST_NAME_POST = (() => {
  const common = [...new Set(given.slice(0, 40).map((r) => r.name))];
  const rng = mulberry32(99);
  let s = 'Well done to';
  while (s.length < POST_CHARS) s += ` ${pick(rng, common)}${rng() < 0.3 ? ' and' : ','}`;
  return s.slice(0, POST_CHARS);
})();

function timeRepeated(engine: Engine, text: string, runs = 200): Stats {
  for (let i = 0; i < 20; i++) sink += engine.check(text, { surface: 'post' }).length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += engine.check(text, { surface: 'post' }).length;
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** The job model alone (cues + hashed words, lib/engine/classifier/), on the tokens and terms a check has found. */
function timeJobModel(engine: Engine, posts: readonly string[]): Stats {
  const inputs = posts.map((text) => {
    const a = analyse(engine.compiled, text, 'post');
    return { text, tokens: a.tokens, terms: a.terms, names: a.names };
  });
  for (let i = 0; i < FRESH_WARMUP; i++) sink += jobSignal(inputs[i % inputs.length]).score;
  const samples: number[] = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    const input = inputs[(i * 7 + 3) % inputs.length];
    const t0 = performance.now();
    sink += jobSignal(input).score;
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function timeBaseline(re: RegExp, posts: readonly string[]): Stats {
  const run = (post: string) => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(post)) n++;
    return n;
  };
  for (let i = 0; i < FRESH_WARMUP; i++) sink += run(posts[i % posts.length]);
  const samples: number[] = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    const post = posts[(i * 7 + 3) % posts.length];
    const t0 = performance.now();
    const n = run(post);
    samples.push(performance.now() - t0);
    sink += n;
  }
  return stats(samples);
}

/**
 * Like for like with the baseline: only the engine's name finding (tokenise + name index), which
 * finds every name form, against the RegExp, which finds full names only; the same posts, in
 * alternating rounds (which goes first alternates too), so that load falls on both alike. Medians
 * of the rounds' ms per post, and the median of the rounds' ratios (RegExp ÷ engine).
 */
function timeNamesAgainstRegExp(engine: Engine, re: RegExp, posts: readonly string[]): { engineMs: number; regexMs: number; ratio: number } {
  const names = (post: string) => engine.compiled.names.find(tokenise(post)).length;
  const regex = (post: string) => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(post)) n++;
    return n;
  };
  const round = (run: (post: string) => number) => {
    const t0 = performance.now();
    for (const post of posts) sink += run(post);
    return (performance.now() - t0) / posts.length;
  };
  round(names);
  round(regex);
  const e: number[] = [];
  const r: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < NAME_ROUNDS; i++) {
    let te: number;
    let tr: number;
    if (i % 2) {
      te = round(names);
      tr = round(regex);
    } else {
      tr = round(regex);
      te = round(names);
    }
    e.push(te);
    r.push(tr);
    ratios.push(tr / te);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return { engineMs: round4(median(e)), regexMs: round4(median(r)), ratio: round4(median(ratios), 2) };
}

function round4(x: number, digits = 4): number {
  return round(x, digits);
}

function fullNameRegExp(policy: Policy): RegExp {
  const names = [...policy.pupils!, ...policy.staff!].map((p) => p.name!);
  return new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\b`, 'gi');
}

// ---------------------------------------------------------------------------------------------
// Adversarial texts

function mutateName(rng: Rng, name: string): string {
  const chars = [...name];
  const letters = chars.map((c, i) => (/[a-z]/i.test(c) && i > 0 ? i : -1)).filter((i) => i >= 0);
  const i = pick(rng, letters);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  const op = rng();
  if (op < 0.4) chars[i] = pick(rng, [...alphabet]);
  else if (op < 0.7) chars.splice(i, 1);
  else chars.splice(i, 0, pick(rng, [...alphabet]));
  return chars.join('');
}

function fill(length: number, next: () => string): string {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const p = next();
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, length);
}

const ROSTER_2150_NAMES = [...rosterPolicy(2150).pupils!, ...rosterPolicy(2150).staff!].map((p) => p.name!);

interface Family {
  id: string;
  label: string;
  sizes: number[];
  /** Run against the hashed roster instead of the plain one. */
  hashed?: boolean;
  make: (size: number, variant: number) => string;
}

const EMOJI = ['😀', '🎉', '👍🏽', '👩‍🏫', '🏳️‍🌈', '❤️', '🙈', '🇬🇧', '✨', '🤦‍♀️'];

const FAMILIES: Family[] = [
  {
    id: 'near-miss',
    label: 'near-miss roster names (one letter changed, some glued)',
    sizes: [25000, 50000, 100000],
    make: (size, v) => {
      const rng = mulberry32(1000 + v);
      return fill(size, () => {
        const a = mutateName(rng, pick(rng, ROSTER_2150_NAMES));
        const r = rng();
        if (r < 0.3) return a.replace(/ /g, '') + mutateName(rng, pick(rng, ROSTER_2150_NAMES)).replace(/ /g, '') + ' ';
        if (r < 0.5) return `${a}'s `;
        return `${a} `;
      });
    },
  },
  {
    id: 'one-letter-run',
    label: 'one letter repeated ("a" × n)',
    sizes: [10000, 50000, 100000],
    make: (size, v) => 'aeo'[v % 3].repeat(size),
  },
  {
    id: 'tag-soup',
    label: 'hashtag/handle soup, no spaces (#JackSmith@jack_smith#…)',
    sizes: [25000, 50000, 100000],
    make: (size, v) => {
      const rng = mulberry32(2000 + v);
      return fill(size, () => {
        const [first, ...rest] = pick(rng, ROSTER_2150_NAMES).split(' ');
        const last = rest[rest.length - 1];
        return `#${first}${last}@${first.toLowerCase()}_${last.toLowerCase()}#${first}'s`;
      });
    },
  },
  {
    id: 'unicode',
    label: 'random Unicode: emoji, combining marks, CJK, Arabic, Latin',
    sizes: [25000, 50000, 100000],
    make: (size, v) => {
      const rng = mulberry32(3000 + v);
      const latin = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèçñøß';
      return fill(size, () => {
        const r = rng();
        if (r < 0.2) return pick(rng, EMOJI);
        if (r < 0.35) return pick(rng, [...latin]) + String.fromCharCode(0x0300 + Math.floor(rng() * 0x6f));
        if (r < 0.45) return String.fromCharCode(0x4e00 + Math.floor(rng() * 0x5000));
        if (r < 0.5) return String.fromCharCode(0x0627 + Math.floor(rng() * 0x20));
        if (r < 0.65) return ' ';
        if (r < 0.68) return pick(rng, ['.', '!', '?', '\n', '#', '@', "'", '-']);
        return pick(rng, [...latin]);
      });
    },
  },
  {
    id: 'long-word',
    label: 'one long word, "hahaha…" / "lololo…" / "xoxoxo…" (no spaces)',
    sizes: [1000, 2000, 5000, 10000],
    make: (size, v) => ['ha', 'lo', 'xo'][v % 3].repeat(size).slice(0, size),
  },
  {
    id: 'long-word-hashed',
    label: 'the same long words against the hashed 2150 roster',
    sizes: [1000, 2000, 5000, 10000],
    hashed: true,
    make: (size, v) => ['ha', 'lo', 'xo'][v % 3].repeat(size).slice(0, size),
  },
];

interface AdversarialRow { size: number; ms: number; nsPerChar: number }
interface AdversarialResult { family: string; label: string; rows: AdversarialRow[]; perCharGrowth: number; stoppedAt?: number }

/** Each size: three distinct texts, each checked once with a freshly built engine (cold caches); the best time. */
function timeAdversarial(policy: Policy, family: Family): AdversarialResult {
  const rows: AdversarialRow[] = [];
  let stoppedAt: number | undefined;
  // Warm-up on a small text, so the first size does not pay for the JIT.
  sink += createEngine(policy).check(family.make(Math.min(1000, family.sizes[0]), 9), { surface: 'post' }).length;
  for (const size of family.sizes) {
    const times: number[] = [];
    for (let v = 0; v < 3; v++) {
      const text = family.make(size, v);
      const engine = createEngine(policy);
      const t0 = performance.now();
      sink += engine.check(text, { surface: 'post' }).length;
      const dt = performance.now() - t0;
      times.push(dt);
      if (dt > ADVERSARIAL_STOP_MS) break;
    }
    times.sort((a, b) => a - b);
    const ms = times[0]; // best of three: other processes only ever add time
    rows.push({ size, ms: round(ms, 2), nsPerChar: round((ms * 1e6) / size, 1) });
    if (times[times.length - 1] > ADVERSARIAL_STOP_MS) {
      stoppedAt = size;
      break;
    }
  }
  const perCharGrowth = round(rows[rows.length - 1].nsPerChar / rows[0].nsPerChar, 2);
  return { family: family.id, label: family.label, rows, perCharGrowth, ...(stoppedAt ? { stoppedAt } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Run

function log(line = ''): void {
  if (!JSON_MODE) process.stdout.write(line + '\n');
}

async function main(): Promise<void> {
  const posts = Array.from({ length: FRESH_POSTS }, (_, i) => makePost(7919 * (i + 1)));
  log(`Second Look engine benchmark · Node ${process.version} · posts of ${POST_CHARS} characters`);
  log();

  // Compiling first, so the cold figure includes loading the term lists once.
  const policy10k = rosterPolicy(10000);
  const compileTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    sink += createEngine(policy10k).compiled.names.size;
    compileTimes.push(performance.now() - t0);
  }
  const compileMs = stats(compileTimes.slice(1)).medianMs;

  // Reading the compiled policy back from its storage.session form (what a woken worker does),
  // against compiling, alternating in this process; JSON.parse is included, as storage hands it over as JSON.
  const restore = [2150, 10000].map((names) => {
    const policy = rosterPolicy(names);
    const stored = JSON.stringify(storeCompiled(createEngine(policy).compiled));
    const compile: number[] = [];
    const back: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      sink += createEngine(policy).compiled.names.size;
      compile.push(performance.now() - t);
      t = performance.now();
      sink += new Engine(policy, restoreCompiled(policy, JSON.parse(stored))).compiled.names.size;
      back.push(performance.now() - t);
    }
    const c = stats(compile.slice(1)).medianMs;
    const r = stats(back.slice(1)).medianMs;
    return { names, compileMs: round(c, 2), restoreMs: round(r, 2), compileOverRestore: round(c / r, 2), storedKB: Math.round(stored.length / 1024) };
  });
  // Cold: fresh processes, nothing warm (tests/bench/cold-start.ts).
  const cold = measureCold([2150, 10000].map((names) => ({ names, policy: rosterPolicy(names) })));
  const coldRow = (names: number, mode: 'compile' | 'restore') => cold.rows.find((r) => r.names === names && r.mode === mode)!;
  const compileColdMs = coldRow(10000, 'compile').buildMs;

  const rosters: ({ names: number; pupils: number; staff: number } & Stats & { typingMedianMs: number; typingP95Ms: number })[] = [];
  let engine2150: Engine | undefined;
  const firstNameHeavy: ({ names: number } & Stats)[] = [];
  for (const n of ROSTER_SIZES) {
    const policy = rosterPolicy(n);
    const engine = createEngine(policy);
    if (n === 2150) engine2150 = engine;
    const fresh = timeFresh(engine, posts);
    const typing = timeTyping(engine, posts);
    firstNameHeavy.push({ names: n, ...timeRepeated(engine, FIRST_NAME_POST) });
    rosters.push({
      names: n,
      pupils: policy.pupils!.length,
      staff: policy.staff!.length,
      ...fresh,
      typingMedianMs: typing.medianMs,
      typingP95Ms: typing.p95Ms,
    });
  }

  const policy2150 = rosterPolicy(2150);
  const key = encodeRosterKey(Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255));
  let t0 = performance.now();
  const hashedPolicy = hashPolicy(policy2150, key);
  const hashPolicyMs = round(performance.now() - t0, 2);
  t0 = performance.now();
  const hashedEngine = createEngine(hashedPolicy);
  const hashedCompileMs = round(performance.now() - t0, 2);
  const hashedFresh = timeFresh(hashedEngine, posts);
  const hashedTyping = timeTyping(hashedEngine, posts);

  const allNames = [...policy2150.pupils!, ...policy2150.staff!].map((p) => p.name!);
  t0 = performance.now();
  const baselineRe = new RegExp(`\\b(?:${allNames.map(escapeRegExp).join('|')})\\b`, 'gi');
  const baselineCompileMs = round(performance.now() - t0, 3);
  const baseline = timeBaseline(baselineRe, posts);

  // How many findings a typical post gets, so a reader can see the engine is doing real work.
  const sample = engine2150!.check(posts[0], { surface: 'post' });
  const findingsPerPost = round(posts.slice(0, 50).reduce((s, p) => s + engine2150!.check(p, { surface: 'post' }).length, 0) / 50, 1);
  const baselineMatchesPerPost = round(posts.slice(0, 50).reduce((s, p) => s + (p.match(baselineRe)?.length ?? 0), 0) / 50, 1);

  // Names only, engine against baseline, at every roster size.
  const likeForLike = ROSTER_SIZES.map((n) => {
    const policy = rosterPolicy(n);
    const t = timeNamesAgainstRegExp(createEngine(policy), fullNameRegExp(policy), posts);
    return { names: n, engineNamesMedianMs: t.engineMs, baselineRegexMedianMs: t.regexMs, regexOverEngine: t.ratio };
  });
  const names2150 = likeForLike.find((r) => r.names === 2150)!;
  const longPosts = await timeLongPosts(policy2150);

  const jobModel = timeJobModel(engine2150!, posts);

  const adversarial = FAMILIES.map((f) => timeAdversarial(f.hashed ? hashedPolicy : policy2150, f));

  const r100 = rosters.find((r) => r.names === 100)!;
  const r2150 = rosters.find((r) => r.names === 2150)!;
  const r10k = rosters.find((r) => r.names === 10000)!;
  const rosterGrowth = round(r10k.medianMs / r100.medianMs, 2);

  const result = {
    postChars: POST_CHARS,
    rosters: rosters.map((r) => ({ names: r.names, medianMs: r.medianMs, p95Ms: r.p95Ms, pupils: r.pupils, staff: r.staff, runs: r.runs, typingMedianMs: r.typingMedianMs, typingP95Ms: r.typingP95Ms })),
    baselineRegexMedianMs: baseline.medianMs,
    baselineRegexP95Ms: baseline.p95Ms,
    baselineRegexCompileMs: baselineCompileMs,
    compileMs,
    compileColdMs,
    restore,
    cold: cold.rows,
    typingMedianMs: r2150.typingMedianMs,
    typingP95Ms: r2150.typingP95Ms,
    rosterGrowth,
    namesVsRegExp: names2150.regexOverEngine,
    namesOnlyVsBaseline: likeForLike,
    longPosts,
    findingsPerPost,
    baselineMatchesPerPost,
    jobModel: { medianMs: jobModel.medianMs, p95Ms: jobModel.p95Ms },
    firstNameHeavy: firstNameHeavy.map((r) => ({ names: r.names, medianMs: r.medianMs, p95Ms: r.p95Ms })),
    firstNameHeavyGrowth: round(firstNameHeavy[2].medianMs / firstNameHeavy[0].medianMs, 2),
    hashed: {
      names: 2150,
      hashPolicyMs,
      compileMs: hashedCompileMs,
      medianMs: hashedFresh.medianMs,
      p95Ms: hashedFresh.p95Ms,
      typingMedianMs: hashedTyping.medianMs,
      typingP95Ms: hashedTyping.p95Ms,
    },
    adversarial,
    budgets: BUDGET,
    node: process.version,
  };

  if (JSON_MODE) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }

  const ms = (x: number) => x.toFixed(3).padStart(8);
  const ok = (good: boolean) => (good ? 'within' : 'OVER');
  log('Check one post (surface "post"); fresh = cycling through ' + `${FRESH_POSTS} distinct posts, typing = one character appended per check`);
  log('  roster              median     p95   typing median  typing p95');
  for (const r of rosters) {
    log(`  ${`${r.names} names`.padEnd(16)} ${ms(r.medianMs)} ${ms(r.p95Ms)} ${ms(r.typingMedianMs)}      ${ms(r.typingP95Ms)}   ms`);
  }
  log(`  ${'2150 hashed'.padEnd(16)} ${ms(hashedFresh.medianMs)} ${ms(hashedFresh.p95Ms)} ${ms(hashedTyping.medianMs)}      ${ms(hashedTyping.p95Ms)}   ms`);
  log(`  baseline RegExp  ${ms(baseline.medianMs)} ${ms(baseline.p95Ms)}   (2150 full names, \\b(?:…)\\b gi)`);
  log(`  findings per post (2150): ${findingsPerPost}; baseline matches per post: ${baselineMatchesPerPost}; e.g. ${sample.slice(0, 4).map((f) => `${f.rule}:"${posts[0].slice(f.start, f.end)}"`).join(', ')}`);
  log(`  of which the job model (cues + hashed words), 2150 names: median ${jobModel.medianMs.toFixed(3)} ms, p95 ${jobModel.p95Ms.toFixed(3)} ms (${((100 * jobModel.medianMs) / r2150.medianMs).toFixed(0)} % of a check)`);
  log(`  first-name-heavy post ("Well done to Jack, Olivia, …", same text each run), median: ${firstNameHeavy.map((r) => `${r.names} names ${r.medianMs.toFixed(3)} ms`).join(' · ')} (${result.firstNameHeavyGrowth}×)`);
  log();
  log(`Names only, like for like (engine: tokenise + name index, every name form; RegExp: one alternation of all full names), same posts, ${NAME_ROUNDS} alternating rounds, median ms per post`);
  for (const r of likeForLike) log(`  ${String(r.names).padEnd(6)} names   engine ${r.engineNamesMedianMs.toFixed(3)}   RegExp ${r.baselineRegexMedianMs.toFixed(3)}   RegExp ÷ engine ${r.regexOverEngine.toFixed(2)}×`);
  log();
  log('Long posts: the worker\'s check service, one request per typed character, median ms per keystroke (alternating rounds)');
  log('  typing          500 chars   10,000 chars   10,000 ÷ 500    in full: 500   10,000   ratio');
  for (const r of longPosts.rows) {
    log(`  ${`at the ${r.where}`.padEnd(14)} ${ms(r.incremental[500])}     ${ms(r.incremental[10000])}       ${r.ratio.toFixed(2).padStart(5)}×       ${ms(r.full[500])} ${ms(r.full[10000])}  ${r.fullRatio.toFixed(1).padStart(5)}×`);
  }
  log(`  (cache: pieces of the typed text in the worker's memory, at most ${longPosts.cache.entries} entries and ${longPosts.cache.chars.toLocaleString('en-GB')} characters of keys in each of its two tables, and the last text's pieces)`);
  log();
  log('Budgets (PRODUCT.md)                      figure        budget     ');
  log(`  median, 2000 chars, 2150 names         ${r2150.medianMs.toFixed(3)} ms     ≤ ${BUDGET.medianMs} ms    ${ok(r2150.medianMs <= BUDGET.medianMs)}`);
  log(`  100 → 10,000 names slowdown            ${rosterGrowth.toFixed(2)}×         ≤ ${BUDGET.rosterGrowth}×       ${ok(rosterGrowth <= BUDGET.rosterGrowth)}`);
  log(`  names vs one-RegExp baseline (÷ engine) ${names2150.regexOverEngine.toFixed(2)}×        ≥ ${BUDGET.namesVsRegExp}×        ${ok(names2150.regexOverEngine >= BUDGET.namesVsRegExp)}`);
  for (const r of longPosts.rows) log(`  long post keystroke, 10,000 ÷ 500 (${r.where.padEnd(6)}) ${r.ratio.toFixed(2)}×         ≤ ${BUDGET.longTypingRatio}×        ${ok(r.ratio <= BUDGET.longTypingRatio)}   (issue 16's target, for the engine alone; bench:browser measures it in the page and the worker)`);
  log(`  compile 10,000 names (median of 5)     ${compileMs.toFixed(2)} ms     ≤ ${BUDGET.compileMs} ms      ${ok(compileMs <= BUDGET.compileMs)}`);
  log(`  first compile, cold, 10,000 names      ${compileColdMs.toFixed(2)} ms    ≤ ${BUDGET.compileColdMs} ms     ${ok(compileColdMs <= BUDGET.compileColdMs)}`);
  const restoreCold = coldRow(10000, 'restore').buildMs;
  log(`  restore stored compile, cold, 10,000   ${restoreCold.toFixed(2)} ms     ≤ ${BUDGET.compileColdMs} ms     ${ok(restoreCold <= BUDGET.compileColdMs)}   (what a woken worker does)`);
  log(`  (hashPolicy of 2150: ${hashPolicyMs} ms; hashed compile: ${hashedCompileMs} ms; baseline RegExp build: ${baselineCompileMs} ms)`);
  log();
  log('Worker wake-up: compile against restoring the compiled policy from its storage.session form (JSON.parse included)');
  log('  warm, in this process, median of 6, alternating:');
  for (const r of restore) log(`    ${String(r.names).padStart(6)} names   compile ${r.compileMs.toFixed(2).padStart(7)} ms   restore ${r.restoreMs.toFixed(2).padStart(7)} ms   compile ÷ restore ${r.compileOverRestore.toFixed(2)}×   stored ${r.storedKB} KB`);
  log(`  cold, a fresh process per run (engine bundled by esbuild), median of ${cold.rows[0].runs}, alternating; load = the bundle's module-level setup:`);
  for (const names of [2150, 10000]) {
    const c = coldRow(names, 'compile');
    const r = coldRow(names, 'restore');
    log(`    ${String(names).padStart(6)} names   compile ${c.buildMs.toFixed(1).padStart(7)} ms (best ${c.buildBestMs.toFixed(1)})   restore ${r.buildMs.toFixed(1).padStart(6)} ms (best ${r.buildBestMs.toFixed(1)})   compile ÷ restore ${(c.buildMs / r.buildMs).toFixed(2)}×   load ${c.loadMs.toFixed(1)} ms   first check after ${c.firstCheckMs.toFixed(1)} / ${r.firstCheckMs.toFixed(1)} ms`);
  }
  log();
  log('Adversarial inputs (2150 names, fresh engine per run, best of 3 texts); linear = ns/char stays flat');
  for (const a of adversarial) {
    log(`  ${a.label}`);
    for (const r of a.rows) log(`    ${String(r.size).padStart(7)} chars ${r.ms.toFixed(1).padStart(10)} ms ${r.nsPerChar.toFixed(1).padStart(10)} ns/char`);
    log(`    ns/char, largest ÷ smallest: ${a.perCharGrowth}×${a.stoppedAt ? `  (stopped after ${a.stoppedAt} chars: over ${ADVERSARIAL_STOP_MS} ms)` : ''}`);
  }
  if (sink === -1) log(); // keeps the measured work from being optimised away
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

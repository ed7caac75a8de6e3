/**
 * Same-run comparison of two versions of the engine (a tool for speed work): the engine of a git
 * revision (default `main`) and the working tree's, each bundled on its own, loaded into one process
 * and run in alternating rounds on the same posts, so that load from other processes falls on both
 * alike. Prints each side's median time per check and the ratio (working tree ÷ base), the figure to
 * quote on a busy machine.
 *
 *   npx tsx tests/bench/compare-engine.ts [--base <rev>] [--rounds 40] [--names 2150] [--mode check|typing|compile]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Policy } from '../../lib/policy/schema';
import { makePost, rosterPolicy } from './engine-fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BASE = arg('base', 'main');
const ROUNDS = Number(arg('rounds', '40'));
const NAMES = Number(arg('names', '2150'));
const MODE = arg('mode', 'check');

interface EngineModule {
  createEngine(policy: Policy): { check(text: string, o: { surface: 'post' }): unknown[]; compiled: { names: { size: number } } };
}

async function bundle(srcRoot: string, out: string): Promise<EngineModule> {
  const entry = join(srcRoot, 'compare-entry.ts');
  writeFileSync(entry, "export { createEngine } from './lib/engine/check';\n");
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
  rmSync(entry);
  return (await import(pathToFileURL(out).href)) as EngineModule;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'second-look-compare-'));
  try {
    const baseSrc = join(work, 'base');
    mkdirSync(baseSrc);
    const archive = execFileSync('git', ['archive', '--format=tar', BASE, 'lib', 'assets'], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', baseSrc], { input: archive });
    const base = await bundle(baseSrc, join(work, 'base.mjs'));
    const head = await bundle(ROOT, join(work, 'head.mjs'));

    const policy = rosterPolicy(MODE === 'compile' ? 10000 : NAMES);
    const posts = Array.from({ length: 300 }, (_, i) => makePost(7919 * (i + 1)));
    const typed = posts[7];
    let sink = 0;
    const sides = [base, head].map((m) => ({ m, engine: m.createEngine(policy), samples: [] as number[] }));
    const round = (side: (typeof sides)[number]): number => {
      const t0 = performance.now();
      if (MODE === 'compile') for (let i = 0; i < 5; i++) sink += side.m.createEngine(policy).compiled.names.size;
      else if (MODE === 'typing') for (let i = 0; i < 200; i++) sink += side.engine.check(typed.slice(0, typed.length - 200 + i), { surface: 'post' }).length;
      else for (let i = 0; i < posts.length; i++) sink += side.engine.check(posts[i], { surface: 'post' }).length;
      return (performance.now() - t0) / (MODE === 'compile' ? 5 : MODE === 'typing' ? 200 : posts.length);
    };
    for (let r = 0; r < 5; r++) for (const s of sides) round(s); // warm-up: JIT and per-word caches
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which side goes first, so neither always runs straight after a collection.
      const order = r % 2 ? [1, 0] : [0, 1];
      const t: number[] = [];
      for (const i of order) t[i] = round(sides[i]);
      sides[0].samples.push(t[0]);
      sides[1].samples.push(t[1]);
      ratios.push(t[1] / t[0]);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const unit = MODE === 'compile' ? 'per compile of 10,000 names' : MODE === 'typing' ? 'per typed character' : `per check, ${NAMES} names`;
    console.log(`mode ${MODE}, ${ROUNDS} alternating rounds, median ms ${unit}`);
    console.log(`  base (${BASE})       ${median(sides[0].samples).toFixed(4)}`);
    console.log(`  working tree       ${median(sides[1].samples).toFixed(4)}`);
    console.log(`  ratio (tree ÷ base), median of rounds: ${median(ratios).toFixed(3)}`);
    if (sink === -1) console.log(sink);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

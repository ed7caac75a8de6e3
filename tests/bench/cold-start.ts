/**
 * Cold figures for `npm run bench`: each run is a fresh Node process (tests/bench/cold-child.ts)
 * loading the engine bundled as the extension bundles it (esbuild), so nothing is warm: the first
 * compile of a roster, against reading back the compiled policy the worker keeps in storage.session
 * (lib/background/compiled-cache.ts). Median and best of a few runs each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { createEngine } from '../../lib/engine/check';
import { storeCompiled } from '../../lib/engine/stored-compile';
import type { Policy } from '../../lib/policy/schema';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ColdRow {
  names: number;
  mode: 'compile' | 'restore';
  /** Loading the engine bundle: its module-level setup, paid by both. */
  loadMs: number;
  /** The first compile, or reading the stored compile back. */
  buildMs: number;
  buildBestMs: number;
  firstCheckMs: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;

export function measureCold(policies: { names: number; policy: Policy }[], runs = 5): { rows: ColdRow[]; storedKB: Record<number, number> } {
  const work = mkdtempSync(join(tmpdir(), 'second-look-cold-'));
  try {
    const entry = join(work, 'entry.ts');
    writeFileSync(
      entry,
      `export { createEngine, Engine } from ${JSON.stringify(join(ROOT, 'lib/engine/check'))};\nexport { restoreCompiled } from ${JSON.stringify(join(ROOT, 'lib/engine/stored-compile'))};\n`,
    );
    const engineBundle = join(work, 'engine.mjs');
    const child = join(work, 'child.mjs');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', outfile: engineBundle, logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
    buildSync({ entryPoints: [join(ROOT, 'tests/bench/cold-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'warning' });
    const rows: ColdRow[] = [];
    const storedKB: Record<number, number> = {};
    for (const { names, policy } of policies) {
      const policyFile = join(work, `policy-${names}.json`);
      const storedFile = join(work, `stored-${names}.json`);
      const stored = JSON.stringify(storeCompiled(createEngine(policy).compiled));
      writeFileSync(policyFile, JSON.stringify(policy));
      writeFileSync(storedFile, stored);
      storedKB[names] = Math.round(stored.length / 1024);
      const samples: Record<'compile' | 'restore', { loadMs: number; buildMs: number; firstCheckMs: number }[]> = { compile: [], restore: [] };
      // Alternating, so load from other processes falls on both alike.
      for (let i = 0; i < runs; i++) {
        for (const mode of ['compile', 'restore'] as const) {
          const out = execFileSync(process.execPath, [child, engineBundle, policyFile, storedFile, mode], { encoding: 'utf8' });
          samples[mode].push(JSON.parse(out));
        }
      }
      for (const mode of ['compile', 'restore'] as const) {
        const s = samples[mode];
        rows.push({
          names,
          mode,
          loadMs: round(median(s.map((x) => x.loadMs))),
          buildMs: round(median(s.map((x) => x.buildMs))),
          buildBestMs: round(Math.min(...s.map((x) => x.buildMs))),
          firstCheckMs: round(median(s.map((x) => x.firstCheckMs))),
          runs,
        });
      }
    }
    return { rows, storedKB };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * One cold start for tests/bench/cold-start.ts, in a fresh Node process with nothing warmed up, as a
 * worker Chrome has just restarted:
 *   node cold-child.mjs <engine bundle> <policy.json> <stored.json> compile|restore
 * Reading the files is not timed. Timed: loading the engine bundle (its module-level setup), then
 * either the first compile or reading the stored compile back (JSON.parse included: storage hands it
 * over as JSON), then the first check. Prints one JSON line; CPU time (all threads) beside the wall
 * clock for the build, the figure to trust on a busy machine.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

interface EngineBundle {
  createEngine(policy: unknown): Checker;
  Engine: new (policy: unknown, compiled?: unknown) => Checker;
  restoreCompiled(policy: unknown, stored: unknown): unknown;
}
interface Checker {
  check(text: string, options: { surface: 'post' }): unknown[];
  compiled: { names: { size: number } };
}

const [bundle, policyPath, storedPath, mode] = process.argv.slice(2);
const policy = JSON.parse(readFileSync(policyPath, 'utf8'));
const storedText = readFileSync(storedPath, 'utf8');

const t0 = performance.now();
const m = (await import(pathToFileURL(bundle).href)) as EngineBundle;
const t1 = performance.now();
const cpu = process.cpuUsage();
let engine: Checker;
if (mode === 'restore') {
  const compiled = m.restoreCompiled(policy, JSON.parse(storedText));
  if (!compiled) throw new Error('the stored compile was not read back');
  engine = new m.Engine(policy, compiled);
} else {
  engine = m.createEngine(policy);
}
const t2 = performance.now();
const { user, system } = process.cpuUsage(cpu);
const findings = engine.check('Well done to Jack Smith and Olivia in Year 6 today!', { surface: 'post' }).length;
const t3 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, buildMs: t2 - t1, buildCpuMs: (user + system) / 1000, firstCheckMs: t3 - t2, names: engine.compiled.names.size, findings }) + '\n');

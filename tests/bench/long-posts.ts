/**
 * Per-keystroke worker time on long posts (issue 16): the background's check service answering one
 * check request per typed character, as it does while someone types, for a 500- and a 10,000-
 * character post, typing at the end and typing in the middle. The two lengths run in alternating
 * rounds, so load from other processes falls on both alike; the figure to read is the ratio
 * (10,000 ÷ 500), budget ≤ 3×. The same keystrokes checked in full (no cache) are shown beside it.
 */
import { performance } from 'node:perf_hooks';
import { CheckService } from '../../lib/background/check-service';
import { createEngine } from '../../lib/engine/check';
import { MAX_CHARS, MAX_ENTRIES } from '../../lib/engine/incremental';
import type { Policy } from '../../lib/policy/schema';
import { makePost } from './engine-fixtures';

export const LONG_LENGTHS = [500, 10000] as const;
const KEYSTROKES = 100;
const ROUNDS = 6;
const TYPED = ' Thanks to everyone who came along today, it was lovely to see so many of you there.';

interface Keystrokes {
  /** Each keystroke's text, in order; the first is checked before timing starts (the post as it was). */
  texts: string[];
}

/** Typing TYPED at the end of a post of `length` characters, or into its middle. */
function keystrokes(seed: number, length: number, where: 'end' | 'middle'): Keystrokes {
  const post = makePost(seed, length);
  const at = where === 'end' ? post.length : post.lastIndexOf(' ', Math.floor(post.length / 2));
  const texts: string[] = [];
  for (let i = 0; i <= KEYSTROKES; i++) texts.push(post.slice(0, at) + TYPED.repeat(2).slice(0, i) + post.slice(at));
  return { texts };
}

/** storage.local as the worker sees it, in memory. */
function memoryArea(data: Record<string, unknown>) {
  return {
    async get(keys: string | string[] | null) {
      const list = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, items);
    },
  };
}

let sink = 0;

/** Median ms per keystroke of the check service, with its cache warm from the first text. */
async function typeInto(policy: Policy, { texts }: Keystrokes): Promise<number[]> {
  const service = new CheckService(memoryArea({}) as never);
  service.apply({ policy, source: 'personal', lockedKeys: [], issues: [], updatedAt: 1 } as never);
  const request = (text: string) => ({ type: 'second-look:check' as const, text, surface: 'post' as const, site: 'x' as const });
  sink += (await service.handle(request(texts[0]))).findings.length;
  const samples: number[] = [];
  for (let i = 1; i < texts.length; i++) {
    const t0 = performance.now();
    const r = await service.handle(request(texts[i]));
    samples.push(performance.now() - t0);
    sink += r.findings.length;
  }
  return samples;
}

/** The same keystrokes checked in full, as before the incremental check. */
function checkInFull(policy: Policy, { texts }: Keystrokes, engine = createEngine(policy)): number[] {
  const samples: number[] = [];
  for (let i = 1; i < texts.length; i++) {
    const t0 = performance.now();
    sink += engine.inspect(texts[i], { surface: 'post', site: 'x' }).findings.length;
    samples.push(performance.now() - t0);
  }
  return samples;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export interface LongPostRow {
  where: 'end' | 'middle';
  /** Median ms per keystroke, incremental (the worker now) and in full (before), by length. */
  incremental: Record<number, number>;
  full: Record<number, number>;
  /** 10,000 ÷ 500, median of the rounds' ratios. */
  ratio: number;
  fullRatio: number;
}

export async function timeLongPosts(policy: Policy): Promise<{ rows: LongPostRow[]; cache: { entries: number; chars: number } }> {
  const engine = createEngine(policy);
  const rows: LongPostRow[] = [];
  for (const where of ['end', 'middle'] as const) {
    const inc: Record<number, number[]> = { 500: [], 10000: [] };
    const full: Record<number, number[]> = { 500: [], 10000: [] };
    const ratios: number[] = [];
    const fullRatios: number[] = [];
    for (let r = 0; r < ROUNDS + 1; r++) {
      const m: Record<number, number> = {};
      const f: Record<number, number> = {};
      // Alternate which length goes first; round 0 warms up.
      for (const length of r % 2 ? [...LONG_LENGTHS].reverse() : LONG_LENGTHS) {
        const keys = keystrokes(7919 * (r + 1) + length, length, where);
        m[length] = median(await typeInto(policy, keys));
        f[length] = median(checkInFull(policy, keys, engine));
      }
      if (r === 0) continue;
      for (const length of LONG_LENGTHS) {
        inc[length].push(m[length]);
        full[length].push(f[length]);
      }
      ratios.push(m[10000] / m[500]);
      fullRatios.push(f[10000] / f[500]);
    }
    rows.push({
      where,
      incremental: { 500: median(inc[500]), 10000: median(inc[10000]) },
      full: { 500: median(full[500]), 10000: median(full[10000]) },
      ratio: median(ratios),
      fullRatio: median(fullRatios),
    });
  }
  if (sink === -1) console.log(sink);
  return { rows, cache: { entries: MAX_ENTRIES, chars: MAX_CHARS } };
}

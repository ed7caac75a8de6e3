/**
 * Shared by the benchmark and the evaluation scripts: the name fixture files and a small seeded
 * random generator, so rosters and posts are the same on every run.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const NAMES_DIR = new URL('../fixtures/names/', import.meta.url);

/** mulberry32: a tiny, fast, seeded PRNG giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows of tests/fixtures/names/<file> (given-names.csv, surnames.csv). */
export function readNameFixture<T>(file: string): T[] {
  return Papa.parse<T>(readFileSync(new URL(file, NAMES_DIR), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: true }).data;
}

/** Picks by weight (how common a name is), with a prefix-sum table and binary search. */
export function weightedPicker<T>(items: readonly T[], weight: (t: T) => number): (rng: () => number) => T {
  const cum: number[] = [];
  let total = 0;
  for (const it of items) cum.push((total += weight(it)));
  return (rng) => {
    const r = rng() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/**
 * What the job model reads in a post, shared by the engine and by the training script
 * (scripts/train/train-job-model.ts), so the weights always meet the features they were trained on.
 *
 * Two kinds of feature:
 * - cues: counts of the term lists and roster names found in the post (school-life words, a role, a
 *   pupil's full name, the author writing as a parent…), each with a named weight;
 * - words: unigrams and bigrams of the folded tokens, hashed into a fixed table. Numbers are read as
 *   their number of digits and roster names as the group they belong to, so the model learns
 *   "<pupil> in my class", never a name.
 */
import type { Token } from '../tokenise';

/** Cue names, in the order their weights are stored. */
export const CUES = [
  'school-life',
  'school-life-weak',
  'school-setting',
  'school-setting-weak',
  'school-context',
  'school-context-weak',
  'position',
  'position-weak',
  'confidential',
  'confidential-weak',
  'pupil-name',
  'staff-name',
  'first-name',
  'parent-name',
  'school-name',
  'parent-cue',
  'family-cue',
] as const;
export type Cue = (typeof CUES)[number];

/** A cue seen in the post, with the words it rests on (for evidence). */
export interface CueHit {
  cue: Cue;
  start: number;
  end: number;
}

/** A counted cue saturates: the third "my class" says little more than the second. */
export const CUE_CAP = 3;

/**
 * Word features of a post: parallel arrays, one entry per distinct slot (presence, not counts).
 * The arrays are scratch space reused by the next call: read them (or copy) straight away.
 */
export interface WordFeatures {
  /** Index into the hashed weight table. */
  slots: Int32Array;
  /** First token the feature covers; a bigram also covers the next one. */
  first: Int32Array;
  bigram: Uint8Array;
  length: number;
}

/** 32-bit FNV-1a of a string, continuing from `h`. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads the bits of a combined hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The word a token stands for in the model: its folded form, a digit count, or a roster group. */
export function modelWord(t: Token, nameGroup: string | undefined): string {
  if (nameGroup) return `<${nameGroup}>`;
  if (t.isNumber) return `<n${Math.min(t.norm.length, 4)}>`;
  return t.norm;
}

const UNIGRAM = 0x2545f491;
const BIGRAM = 0x9e3779b9;
/** Which slots a post has used already: stamped with a counter instead of cleared each time. */
let stamps = new Uint32Array(0);
let stamp = 0;
let scratch = { slots: new Int32Array(0), first: new Int32Array(0), bigram: new Uint8Array(0) };

/**
 * Unigram and bigram slots of a post (bits = log2 of the table size), each distinct slot once, with
 * no strings built per token. `groupAt[i]` is the roster group of token i when it is part of a
 * roster name. Bigrams do not cross a line break.
 */
export function wordFeatures(tokens: readonly Token[], groupAt: readonly (string | undefined)[], bits: number): WordFeatures {
  const size = 1 << bits;
  const mask = size - 1;
  if (stamps.length !== size) {
    stamps = new Uint32Array(size);
    stamp = 0;
  }
  if (++stamp === 0xffffffff) {
    stamps.fill(0);
    stamp = 1;
  }
  const n = tokens.length;
  if (scratch.slots.length < 2 * n) {
    const room = Math.max(2 * n, 2 * scratch.slots.length, 256);
    scratch = { slots: new Int32Array(room), first: new Int32Array(room), bigram: new Uint8Array(room) };
  }
  const { slots, first, bigram } = scratch;
  let length = 0;
  const add = (slot: number, at: number, pair: boolean) => {
    if (stamps[slot] === stamp) return;
    stamps[slot] = stamp;
    slots[length] = slot;
    first[length] = at;
    bigram[length++] = pair ? 1 : 0;
  };
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const h = fnv1a(groupAt[i] || t.isNumber ? modelWord(t, groupAt[i]) : t.norm);
    add(mix(h ^ UNIGRAM) & mask, i, false);
    if (i > 0 && !t.newlineBefore) add(mix(Math.imul(prev, BIGRAM) ^ h) & mask, i - 1, true);
    prev = h;
  }
  return { slots, first, bigram, length };
}

/** Word weights are scaled by 1/√(number of slots), so a long post does not pile up small weights. */
export function wordNorm(slots: number): number {
  return slots > 0 ? 1 / Math.sqrt(slots) : 0;
}

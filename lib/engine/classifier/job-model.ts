/**
 * The job model: logistic regression over the features in ./features.ts, trained by
 * scripts/train/train-job-model.ts and shipped as assets/model/job-model.json (weights only; no
 * text from any corpus). It runs in the engine, so in the background worker, never in a page.
 *
 * Word weights are stored as signed bytes (base64) times one scale, which keeps the file small and
 * the script's output byte-for-byte reproducible.
 */
import shipped from '../../../assets/model/job-model.json';
import { CUES, type Cue } from './features';

export interface JobModelFile {
  about: string;
  bits: number;
  bias: number;
  /** Score (log-odds) from which a post counts as tied to the job. */
  threshold: number;
  /** How far above the bias the rest of a post must be for a weak word to count (see JobSignal.tiedApartFrom). */
  support: number;
  cues: Record<Cue, number>;
  wordScale: number;
  /** base64 of 2^bits signed bytes. */
  words: string;
  [other: string]: unknown;
}

export interface JobModel {
  bits: number;
  bias: number;
  threshold: number;
  support: number;
  cues: Float64Array;
  words: Float64Array;
  /**
   * The shipped weights as stored (signed bytes) and their scale: `bytes[i] * scale` is exactly
   * `words[i]`, from a table an eighth of the size, which matters for a lookup per word of text.
   */
  compact?: { bytes: Int8Array; scale: number };
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadJobModel(file: JobModelFile): JobModel {
  const size = 1 << file.bits;
  const words = new Float64Array(size);
  let compact: JobModel['compact'];
  if (file.words) {
    const bytes = decodeBase64(file.words);
    if (bytes.length !== size) throw new Error(`job model: ${bytes.length} word weights, expected ${size}`);
    for (let i = 0; i < size; i++) words[i] = ((bytes[i] << 24) >> 24) * file.wordScale;
    compact = { bytes: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), scale: file.wordScale };
  }
  return { bits: file.bits, bias: file.bias, threshold: file.threshold, support: file.support, cues: Float64Array.from(CUES, (c) => file.cues[c] ?? 0), words, ...(compact ? { compact } : {}) };
}

let current: JobModel | undefined;

/** The model the engine uses (the shipped one unless an evaluation script swapped it). */
export function jobModel(): JobModel {
  return (current ??= loadJobModel(shipped as JobModelFile));
}

/** For training and evaluation scripts only: score with another model (undefined: the shipped one). */
export function useJobModel(model: JobModel | undefined): void {
  current = model;
}

/**
 * Trains the job model (is a post about the author's own school job?) and writes
 * assets/model/job-model.json. Deterministic: the same data gives the same file, byte for byte
 * (full-batch training from zero weights, no random order; numbers written with fixed precision).
 *
 *   npm run train:job                         train on everything shippable, cross-validate, write the model
 *   npm run train:job -- --check              train the shipped model only (no cross-validation) and fail if
 *                                             assets/model/job-model.json differs from it (nothing written)
 *   npm run train:job -- --with-eval-only     also use r/teaching 2017–18 as job posts (NOT shippable; never written)
 *   SHARED_DATA_DIR=/path/to/shared/data npm run train:job
 *
 * Data (read from ../shared/data at run time, never copied into the repository):
 * - staff-posts-dev/<school>/posts.jsonl: the labelled development corpus (the team's own data).
 *   A post is tied to the job when its labels include pupil-mention, colleague-mention,
 *   school-mention, school-life or confidential. Profile fields are left out.
 * - offensive-davidson/labeled_data.csv (MIT): the 4,163 tweets labelled "neither", as everyday
 *   text that is not about anyone's school job.
 * Evaluation-only corpora (r/teaching, TweetEval, OLID: no licence to ship) are not used for the
 * shipped weights; --with-eval-only shows what r/teaching would add, without writing anything.
 *
 * Printed: leave-one-school-out figures (train on one school, test on the other) for the job signal
 * and for the school-life and confidential rules with that fold's model; 5-fold figures over both
 * schools; the chosen threshold; the heaviest words; the file size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { analyse } from '../../lib/engine/analysis';
import { compilePolicy } from '../../lib/engine/compile';
import { CUE_CAP, CUES, wordFeatures, wordNorm } from '../../lib/engine/classifier/features';
import { loadJobModel, useJobModel, type JobModel, type JobModelFile } from '../../lib/engine/classifier/job-model';
import { jobCues, nameGroups } from '../../lib/engine/job';
import { modelWord } from '../../lib/engine/classifier/features';
import { validatePolicy } from '../../lib/policy/validate';
import type { Policy } from '../../lib/policy/schema';
import type { TextRuleId } from '../../lib/policy/rule-ids';
import { evalPolicy, REPO_ROOT, SHARED_DATA_DIR } from '../eval/everyday-tweets';
import { evaluateSchool, readCorpus } from '../eval/staff-posts';
import { redditBodies } from '../eval/real';

const MODEL_PATH = join(REPO_ROOT, 'assets', 'model', 'job-model.json');
const SCHOOLS = ['beckfield', 'castlegate'];
const JOB_RULES: TextRuleId[] = ['pupil-mention', 'colleague-mention', 'school-mention', 'school-life', 'confidential'];
const PROFILE = new Set(['profile-job', 'profile-bio', 'profile-name']);

const BITS = 16;
const STEPS = 400;
const LEARNING_RATE = 0.05;
/**
 * L2 on word weights and on cue weights (per unit of sample weight). Words are held back hard: with
 * a few hundred staff posts, leave-one-school-out figures were best at 3e-3 (against 1e-4, 3e-4 and
 * no word weights at all), and weaker regularisation learns each school's turns of phrase.
 */
const L2_WORDS = 3e-3;
const L2_CUES = 1e-4;
/** A staff post counts this many times an everyday tweet: it is the text the model is for. */
const STAFF_POST_WEIGHT = 4;
/** A weak word counts when the rest of the post is this far above the bias (about one other weak cue). */
const SUPPORT = 1.25;
/** A job post counts this much more again, so the rare positives are not drowned by tweets. */
const POSITIVE_WEIGHT = 1.5;

interface Sample {
  cues: Float64Array;
  slots: Int32Array;
  /** The value of each present slot (1/√slots). */
  norm: number;
  label: 0 | 1;
  weight: number;
  school?: string;
}

/** Slot → the feature strings seen there and how often (for printing the heaviest words). */
const slotNames = new Map<number, Map<string, number>>();

function featurise(policy: Policy, texts: { text: string; surface: 'post' | 'comment' | 'reply' | 'message' }[], label: (i: number) => 0 | 1, weight: number, school?: string): Sample[] {
  const compiled = compilePolicy(policy);
  return texts.map(({ text, surface }, i) => {
    const a = analyse(compiled, text, surface);
    const cues = new Float64Array(CUES.length);
    for (const c of jobCues(a)) cues[CUES.indexOf(c.cue)]++;
    for (let k = 0; k < cues.length; k++) cues[k] = Math.min(cues[k], CUE_CAP);
    const groups = nameGroups(a.tokens, a.names);
    const features = wordFeatures(a.tokens, groups, BITS);
    for (let k = 0; k < features.length; k++) {
      const at = features.first[k];
      const name = a.tokens.slice(at, at + 1 + features.bigram[k]).map((t, j) => modelWord(t, groups[at + j])).join(' ');
      let names = slotNames.get(features.slots[k]);
      if (!names) slotNames.set(features.slots[k], (names = new Map()));
      names.set(name, (names.get(name) ?? 0) + 1);
    }
    const y = label(i);
    const slots = features.slots.slice(0, features.length).sort();
    return { cues, slots, norm: wordNorm(slots.length), label: y, weight: weight * (y ? POSITIVE_WEIGHT : 1), school };
  });
}

function policyOf(folder: string): Policy {
  const { policyJson } = readCorpus(folder);
  const { policy, issues } = validatePolicy(policyJson);
  if (!policy) throw new Error(`${folder}/policy.json: ${issues.map((i) => i.message).join('; ')}`);
  return policy;
}

function staffSamples(school: string): Sample[] {
  const folder = join(SHARED_DATA_DIR, 'staff-posts-dev', school);
  const posts = readCorpus(folder).posts.filter((p) => !PROFILE.has(p.surface));
  return featurise(
    policyOf(folder),
    posts.map((p) => ({ text: p.text, surface: p.surface as 'post' })),
    (i) => (posts[i].expect.some((r) => JOB_RULES.includes(r)) ? 1 : 0),
    STAFF_POST_WEIGHT,
    school,
  );
}

function decodeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/**
 * Twitter's own furniture (RT, @handles, links) is taken out, so the model cannot learn "looks like a
 * tweet" instead of "is not about a school job".
 */
function withoutTwitterFurniture(s: string): string {
  return s.replace(/https?:\/\/\S+/g, ' ').replace(/(^|\s)RT(?=\s|:)/g, ' ').replace(/@\w+:?/g, ' ').replace(/\s+/g, ' ').trim();
}

function everydaySamples(): Sample[] {
  const rows = Papa.parse<{ class: number; tweet: string }>(readFileSync(join(SHARED_DATA_DIR, 'offensive-davidson', 'labeled_data.csv'), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: true }).data;
  const texts = rows
    .filter((r) => r.class === 2 && typeof r.tweet === 'string')
    .map((r) => ({ text: withoutTwitterFurniture(decodeEntities(r.tweet)), surface: 'post' as const }))
    .filter((t) => t.text.length > 0);
  return featurise(evalPolicy(), texts, () => 0, 1);
}

function redditSamples(): Sample[] {
  const texts = redditBodies('r_teaching_2017_2018_posts.csv', 'selftext').map((text) => ({ text, surface: 'post' as const }));
  return featurise(evalPolicy(), texts, () => 1, 1);
}

// ---------------------------------------------------------------------------------------------
// Logistic regression, full batch, Adam, from zero weights: deterministic.

interface Weights {
  bias: number;
  cues: Float64Array;
  words: Float64Array;
}

function logit(w: Weights, s: Sample): number {
  let z = w.bias;
  for (let k = 0; k < s.cues.length; k++) z += w.cues[k] * s.cues[k];
  for (const slot of s.slots) z += w.words[slot] * s.norm;
  return z;
}

function train(samples: Sample[]): Weights {
  const size = 1 << BITS;
  const w: Weights = { bias: 0, cues: new Float64Array(CUES.length), words: new Float64Array(size) };
  const n = 1 + CUES.length + size;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const g = new Float64Array(n);
  const total = samples.reduce((s, x) => s + x.weight, 0);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let step = 1; step <= STEPS; step++) {
    g.fill(0);
    for (const s of samples) {
      const p = 1 / (1 + Math.exp(-logit(w, s)));
      const d = (s.weight * (p - s.label)) / total;
      g[0] += d;
      for (let k = 0; k < s.cues.length; k++) g[1 + k] += d * s.cues[k];
      for (const slot of s.slots) g[1 + CUES.length + slot] += d * s.norm;
    }
    for (let k = 0; k < CUES.length; k++) g[1 + k] += L2_CUES * w.cues[k];
    for (let j = 0; j < size; j++) g[1 + CUES.length + j] += L2_WORDS * w.words[j];
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let j = 0; j < n; j++) {
      if (g[j] === 0 && m[j] === 0) continue;
      m[j] = b1 * m[j] + (1 - b1) * g[j];
      v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
      const delta = (LEARNING_RATE * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
      if (j === 0) w.bias -= delta;
      else if (j <= CUES.length) w.cues[j - 1] -= delta;
      else w.words[j - 1 - CUES.length] -= delta;
    }
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Quantising and writing

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function toFile(w: Weights, threshold: number, extra: Record<string, unknown>): JobModelFile {
  let max = 0;
  for (const x of w.words) max = Math.max(max, Math.abs(x));
  const scale = round6(max / 127 || 1);
  const bytes = new Uint8Array(w.words.length);
  for (let i = 0; i < w.words.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(w.words[i] / scale))) & 255;
  return {
    about:
      'Job model for Second Look: is a post about the author\'s own school job? Logistic regression over term-list cues and hashed word pairs (lib/engine/classifier/). Written by scripts/train/train-job-model.ts; do not edit by hand.',
    bits: BITS,
    bias: round6(w.bias),
    threshold: round6(threshold),
    support: SUPPORT,
    cues: Object.fromEntries(CUES.map((c, k) => [c, round6(w.cues[k])])) as JobModelFile['cues'],
    wordScale: scale,
    words: Buffer.from(bytes).toString('base64'),
    ...extra,
  };
}

/** What the engine will actually compute with the written (quantised) file. */
function quantised(w: Weights, threshold: number): JobModel {
  return loadJobModel(toFile(w, threshold, {}));
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function confusion(scores: number[], labels: number[], threshold: number): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  scores.forEach((s, i) => {
    const yes = s >= threshold;
    if (yes && labels[i]) c.tp++;
    else if (yes) c.fp++;
    else if (labels[i]) c.fn++;
    else c.tn++;
  });
  return c;
}

const pr = (c: Confusion) => ({ precision: c.tp / Math.max(1, c.tp + c.fp), recall: c.tp / Math.max(1, c.tp + c.fn) });
const f1 = (c: Confusion) => {
  const { precision, recall } = pr(c);
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
};
const fmt = (x: number) => x.toFixed(2);

/** Held-out everyday text may be called tied to the job at most this often. */
const MAX_EVERYDAY_TIED = 0.01;

/**
 * The threshold with the best F1 on held-out staff posts (ties: the higher one, fewer false alarms)
 * among those that call at most 1 % of held-out everyday tweets tied to the job.
 */
function bestThreshold(scores: number[], labels: number[], everyday: number[]): number {
  let best = 0;
  let bestF = -1;
  for (let t = -4; t <= 4.0001; t += 0.25) {
    if (everyday.filter((x) => x >= t).length > MAX_EVERYDAY_TIED * everyday.length) continue;
    const f = f1(confusion(scores, labels, t));
    if (f >= bestF) {
      bestF = f;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

function ruleFigures(school: string, model: JobModel): string {
  useJobModel(model);
  const r = evaluateSchool(join(SHARED_DATA_DIR, 'staff-posts-dev', school));
  useJobModel(undefined);
  return (['school-life', 'confidential', 'derogatory', 'pupil-mention'] as TextRuleId[]).map((id) => `${id} ${fmt(r.rules[id].precision)} / ${fmt(r.rules[id].recall)}`).join(' · ');
}

function main(): void {
  const check = process.argv.includes('--check');
  const withEvalOnly = process.argv.includes('--with-eval-only');
  const log = (s = '') => process.stdout.write(s + '\n');
  const staff = Object.fromEntries(SCHOOLS.map((s) => [s, staffSamples(s)]));
  const everyday = everydaySamples();
  const extra = withEvalOnly ? redditSamples() : [];
  log(`Job model: ${SCHOOLS.map((s) => `${s} ${staff[s].length} posts (${staff[s].filter((x) => x.label).length} tied to the job)`).join(', ')}; ${everyday.length} everyday tweets (Davidson "neither", MIT)${withEvalOnly ? `; ${extra.length} r/teaching 2017–18 posts (evaluation-only licence: not shippable)` : ''}.`);
  log(`Features: ${CUES.length} cues + 2^${BITS} hashed word/word-pair slots; L2 ${L2_WORDS} (words) ${L2_CUES} (cues); ${STEPS} full-batch Adam steps.`);

  const threshold = check ? thresholdInFile() : crossValidate(staff, everyday, extra, log);

  // The shipped model: everything shippable.
  const pooled = SCHOOLS.flatMap((s) => staff[s]);
  const w = train([...pooled, ...everyday, ...extra]);
  if (!check) printWeights(w, log);
  if (withEvalOnly) {
    log('');
    log('(--with-eval-only: trained with r/teaching; nothing written.)');
    return;
  }
  const file = toFile(w, threshold, {
    trainedOn: ['staff-posts-dev (beckfield, castlegate): labelled development corpus', 'offensive-davidson labeled_data.csv class "neither" (MIT, Davidson et al. 2017)'],
  });
  const json = JSON.stringify(file, null, 1) + '\n';
  log(`Model file: ${(json.length / 1024).toFixed(1)} KB`);
  if (check) {
    const shipped = readFileSync(MODEL_PATH, 'utf8');
    if (shipped !== json) {
      process.stderr.write(`train:job --check: ${MODEL_PATH} is not what the script writes; run npm run train:job.\n`);
      process.exit(1);
    }
    log('--check: the shipped model is what this script writes.');
    return;
  }
  writeFileSync(MODEL_PATH, json);
  log(`Wrote ${resolve(MODEL_PATH)}`);
}

/** --check reuses the threshold the full run chose by cross-validation. */
function thresholdInFile(): number {
  return (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as JobModelFile).threshold;
}

/**
 * Leave one school out, then 5-fold over both schools; prints the figures and returns the
 * threshold chosen on the held-out posts.
 */
function crossValidate(staff: Record<string, Sample[]>, everyday: Sample[], extra: Sample[], log: (s?: string) => void): number {
  log('');
  log('Train on one school (+ everyday tweets), test on the other:');
  const heldScores: number[] = [];
  const heldLabels: number[] = [];
  const heldEveryday: number[] = [];
  const folds: { test: string; w: Weights; scores: number[]; labels: number[] }[] = [];
  // Every 5th everyday tweet is held out of the folds, to choose the threshold on.
  const everydayTrain = everyday.filter((_, i) => i % 5 !== 0);
  const everydayHeld = everyday.filter((_, i) => i % 5 === 0);
  for (const test of SCHOOLS) {
    const trainSet = [...SCHOOLS.filter((s) => s !== test).flatMap((s) => staff[s]), ...everydayTrain, ...extra];
    const w = train(trainSet);
    const scores = staff[test].map((s) => logit(w, s));
    const labels = staff[test].map((s) => s.label);
    heldScores.push(...scores);
    heldLabels.push(...labels);
    heldEveryday.push(...everydayHeld.map((s) => logit(w, s)));
    folds.push({ test, w, scores, labels });
  }
  const threshold = bestThreshold(heldScores, heldLabels, heldEveryday);
  for (const f of folds) {
    const c = confusion(f.scores, f.labels, threshold);
    const q = quantised(f.w, threshold);
    log(`  test ${f.test.padEnd(11)} job signal P ${fmt(pr(c).precision)} R ${fmt(pr(c).recall)} (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn}) · rules with this model: ${ruleFigures(f.test, q)}`);
  }
  log(`  threshold ${threshold}: best held-out F1 among those calling ≤ ${MAX_EVERYDAY_TIED * 100} % of held-out everyday tweets tied (here ${((100 * heldEveryday.filter((x) => x >= threshold).length) / heldEveryday.length).toFixed(2)} %)`);

  // 5-fold over both schools' posts, everyday tweets always in training.
  const pooled = SCHOOLS.flatMap((s) => staff[s]);
  const k = 5;
  const kScores: number[] = [];
  const kLabels: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const trainSet = [...pooled.filter((_, i) => i % k !== fold), ...everyday, ...extra];
    const w = train(trainSet);
    pooled.forEach((s, i) => {
      if (i % k !== fold) return;
      kScores.push(logit(w, s));
      kLabels.push(s.label);
    });
  }
  const kc = confusion(kScores, kLabels, threshold);
  log(`5-fold over both schools (every 5th post): job signal P ${fmt(pr(kc).precision)} R ${fmt(pr(kc).recall)} (tp ${kc.tp} fp ${kc.fp} fn ${kc.fn} tn ${kc.tn})`);
  return threshold;
}

function printWeights(w: Weights, log: (s?: string) => void): void {
  log('');
  log(`Cue weights: ${CUES.map((c, i) => `${c} ${w.cues[i].toFixed(2)}`).join(', ')}; bias ${w.bias.toFixed(2)}`);
  const ranked = [...w.words.keys()].filter((i) => slotNames.has(i)).sort((x, y) => w.words[y] - w.words[x]);
  // A slot may hold several features (hashing); the most frequent one names it.
  const nameOf = (slot: number) => [...slotNames.get(slot)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
  const show = (slots: number[]) => slots.map((s) => `${nameOf(s)} ${w.words[s].toFixed(2)}`).join(', ');
  log(`Heaviest words for the job: ${show(ranked.slice(0, 25))}`);
  log(`Heaviest words against:     ${show(ranked.slice(-15).reverse())}`);
}

main();

/**
 * The job signal: is this post about the author's own school job? Worked out once per check (in
 * analysis.ts) from the whole post, and used by the rules that need it:
 *
 * - school-life and confidential count their weaker words ("marking", "cover", "my kids",
 *   "excluded") only when the post is tied to the job;
 * - a school occasion ("sports day", "parents' evening") is left alone when the author writes as a
 *   parent about their own child (`asParent`);
 * - the name rules may use `tied` to decide a pupil's first name alone.
 *
 * The score is the job model's log-odds (lib/engine/classifier/): weighted cues (the term lists
 * and roster names found in the post) plus hashed word and word-pair weights learned from labelled
 * posts. `evidence` lists the words that weighed most for the job, strongest first, so a warning
 * can point at them and name them.
 */
import type { PhraseHit } from './terms/phrase-matcher';
import type { Token } from './tokenise';
import type { NameHit } from './names/name-index';
import type { TermTag } from './compile';
import { CUE_CAP, CUES, wordFeatures, wordNorm, type Cue, type CueHit, type WordFeatures } from './classifier/features';
import { jobModel, type JobModel } from './classifier/job-model';

export interface JobEvidence {
  /** UTF-16 offsets into the checked text. */
  start: number;
  end: number;
  /** How much these words added to the score (log-odds). */
  weight: number;
}

export interface JobSignal {
  /** The post is about the author's school job: score ≥ the model's threshold. */
  tied: boolean;
  /** Log-odds that the post is about the author's school job. */
  score: number;
  /** The score needed for `tied` (so callers can ask for more certainty, e.g. threshold + 2). */
  threshold: number;
  /** The author writes as a parent about their own child's school, with nothing else tying the post to their job. */
  asParent: boolean;
  /** The words that raised the score most, strongest first (at most 3). */
  evidence: JobEvidence[];
  /**
   * The post is tied to the job and, without what the words in the given spans add, something else
   * in it still points at the job: a weak word ("marking", "excluded") must not vouch for itself.
   */
  tiedApartFrom(spans: readonly Span[]): boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface JobInput {
  text: string;
  tokens: readonly Token[];
  terms: readonly PhraseHit<TermTag>[];
  names: readonly NameHit[];
  /** The word features of `tokens`, when the caller has them already (an incremental check). */
  words?: WordFeatures;
  /** The own-child cues of the text, likewise. */
  ownChild?: readonly CueHit[];
}

/** Below this a word's weight (log-odds) is not worth showing as evidence. */
const EVIDENCE_MIN = 0.25;
const STRONG_NAME_FORMS = new Set(['full', 'initial-surname', 'first-initial', 'joined', 'alias', 'title-surname']);
const SCHOOL_LIFE_LISTS = new Set(['school-life', 'school-life-class', 'school-life-events', 'school-life-work']);
const CONFIDENTIAL_LISTS = new Set(['confidential', 'confidential-staff', 'confidential-school']);
/** Capitalised words after "our" that are roles or school words, not a family member ("our Head", "our Year 6"). */
const NOT_FAMILY_AFTER_OUR = new Set(['head', 'year', 'deputy', 'vp', 'principal', 'senco', 'dsl', 'slt', 'school', 'trust', 'academy', 'reception', 'nursery', 'ta', 'tas', 'hlta', 'ofsted', 'head\u2019s', 'u', 'key', 'ks', 'eyfs', 'sixth', 'pta', 'office', 'site', 'business', 'chair', 'ceo', 'lady', 'lord', 'god', 'father']);

function cueOfTerm(tag: TermTag): Cue | undefined {
  const { list, contextual } = tag;
  if (SCHOOL_LIFE_LISTS.has(list)) return contextual ? 'school-life-weak' : 'school-life';
  if (list === 'school-life-setting') return contextual ? 'school-setting-weak' : 'school-setting';
  if (list === 'school-context') return contextual ? 'school-context-weak' : 'school-context';
  if (list === 'positions') return contextual ? 'position-weak' : 'position';
  if (CONFIDENTIAL_LISTS.has(list)) return contextual ? 'confidential-weak' : 'confidential';
  if (list === 'school') return 'school-name';
  if (list === 'parent-cues') return 'parent-cue';
  if (list === 'family-cues') return 'family-cue';
  return undefined;
}

function cueOfName(h: NameHit): Cue | undefined {
  const strong = STRONG_NAME_FORMS.has(h.form);
  if (h.group === 'pupil') return strong ? 'pupil-name' : h.form === 'first' ? 'first-name' : undefined;
  if (h.group === 'staff') return strong ? 'staff-name' : h.form === 'first' ? 'first-name' : undefined;
  if (h.group === 'parent') return strong ? 'parent-name' : undefined;
  return undefined;
}

/**
 * "our Evie", "Lily's school": a child of the author's, by the way people write about their own.
 * A capitalised word after "our" (not a role or a school word), or a capitalised possessive before "school".
 */
export function ownChildHits(text: string, tokens: readonly Token[]): CueHit[] {
  const out: CueHit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.norm === 'our' && next.capitalised && !next.isNumber && !next.newlineBefore && next.sepBefore === '' && !NOT_FAMILY_AFTER_OUR.has(next.norm)) {
      const word = text.slice(next.start, next.end);
      if (word !== word.toUpperCase()) out.push({ cue: 'parent-cue', start: t.start, end: next.end });
    }
    if (next.norm === 'school' && t.capitalised && !t.sentenceStart && /['\u2019]s$/.test(text.slice(t.start, t.end)) && !next.newlineBefore) {
      out.push({ cue: 'parent-cue', start: t.start, end: next.end });
    }
  }
  return out;
}

/** Cue hits of the post, one per distinct span of each cue (a phrase inside a longer one of the same cue is not counted again). */
export function jobCues(input: JobInput): CueHit[] {
  const raw: CueHit[] = [];
  for (const h of input.terms) {
    const cue = cueOfTerm(h.value);
    if (cue) raw.push({ cue, start: h.start, end: h.end });
  }
  for (const n of input.names) {
    const cue = cueOfName(n);
    if (cue) raw.push({ cue, start: n.start, end: n.end });
  }
  raw.push(...(input.ownChild ?? ownChildHits(input.text, input.tokens)));
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CueHit[] = [];
  const reach = new Map<Cue, number>();
  for (const c of raw) {
    if ((reach.get(c.cue) ?? -1) >= c.end) continue;
    out.push(c);
    reach.set(c.cue, Math.max(reach.get(c.cue) ?? -1, c.end));
  }
  return out;
}

/** Roster group of each token that is part of a roster name (for the word features). */
export function nameGroups(tokens: readonly Token[], names: readonly NameHit[]): (string | undefined)[] {
  const groups: (string | undefined)[] = new Array(tokens.length);
  for (const n of names) for (let i = n.startToken; i <= n.endToken; i++) groups[i] = n.group;
  return groups;
}

export function jobSignal(input: JobInput, model: JobModel = jobModel()): JobSignal {
  const { tokens } = input;
  const cues = jobCues(input);
  const counts = new Map<Cue, number>();
  for (const c of cues) counts.set(c.cue, (counts.get(c.cue) ?? 0) + 1);

  let score = model.bias;
  /** What each cue hit adds (a capped cue shares its weight among its hits). */
  const cueWeight = new Map<Cue, number>();
  for (const [cue, n] of counts) {
    const total = model.cues[CUES.indexOf(cue)] * Math.min(n, CUE_CAP);
    score += total;
    cueWeight.set(cue, total / n);
  }
  // What each token adds through the word weights (a word pair shares its weight between its two words).
  const tokenWeight = new Float64Array(model.words.length > 1 ? tokens.length : 0);
  if (tokenWeight.length) {
    const words = input.words ?? wordFeatures(tokens, nameGroups(tokens, input.names), model.bits);
    const norm = wordNorm(words.length);
    const { compact } = model;
    for (let k = 0; k < words.length; k++) {
      const w = (compact ? compact.bytes[words.slots[k]] * compact.scale : model.words[words.slots[k]]) * norm;
      score += w;
      const at = words.first[k];
      if (words.bigram[k]) {
        tokenWeight[at] += w / 2;
        tokenWeight[at + 1] += w / 2;
      } else tokenWeight[at] += w;
    }
  }

  const strongJob = cues.some((c) => c.cue === 'pupil-name' || c.cue === 'staff-name');
  const asParent =
    (counts.get('parent-cue') ?? 0) > 0 &&
    !strongJob &&
    !input.terms.some((h) => !h.value.contextual && (h.value.list === 'school-life' || h.value.list === 'school-life-class' || h.value.list === 'school-life-work'));

  // Tied, and something else in the post points at the job too: a weak word must not vouch for itself alone.
  const tiedApartFrom = (spans: readonly Span[]): boolean => {
    if (score < model.threshold) return false;
    let rest = score;
    for (const c of cues) if (spans.some((s) => c.start < s.end && s.start < c.end)) rest -= cueWeight.get(c.cue)!;
    if (tokenWeight.length) {
      let done = 0; // tokens before this index are already taken off (spans may overlap)
      for (const s of spans.length > 1 ? [...spans].sort((x, y) => x.start - y.start) : spans) {
        for (let i = Math.max(done, firstTokenAtOrAfter(tokens, s.start)); i < tokens.length && tokens[i].start < s.end; i++, done = i) rest -= tokenWeight[i];
      }
    }
    return rest >= model.bias + model.support;
  };

  let evidence: JobEvidence[] | undefined;
  return {
    tied: score >= model.threshold,
    score,
    threshold: model.threshold,
    asParent,
    get evidence() {
      if (evidence) return evidence;
      const contributions: Contribution[] = cues.map((c) => ({ start: c.start, end: c.end, weight: cueWeight.get(c.cue)!, evidence: true }));
      // Short words and numbers can weigh (style), but are no evidence a person would recognise.
      for (let i = 0; i < tokenWeight.length; i++) {
        const t = tokens[i];
        if (tokenWeight[i] > EVIDENCE_MIN && t.norm.length >= 3 && !t.isNumber) contributions.push({ start: t.start, end: t.end, weight: tokenWeight[i], evidence: true });
      }
      return (evidence = topEvidence(contributions));
    },
    tiedApartFrom,
  };
}

/** Index of the first token that ends after `offset` (binary search over token offsets). */
function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The job evidence outside the given spans, as quoted words for a message: ` (with “my lot”, “the register”)`, or "". */
export function otherEvidence(a: { text: string; job: JobSignal }, spans: readonly Span[]): string {
  const words = a.job.evidence
    .filter((e) => !spans.some((s) => e.start < s.end && s.start < e.end))
    .slice(0, 2)
    .map((e) => `“${a.text.slice(e.start, e.end).replace(/\s+/g, ' ').slice(0, 30)}”`);
  return words.length ? ` (with ${words.join(', ')})` : '';
}

interface Contribution extends JobEvidence {
  /** Words a person would recognise as the reason (not "a", "on", a number). */
  evidence: boolean;
}

/** The strongest positive contributions, merged where they overlap, strongest first. */
function topEvidence(contributions: Contribution[]): JobEvidence[] {
  const positive = contributions.filter((c) => c.evidence && c.weight > EVIDENCE_MIN).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: JobEvidence[] = [];
  for (const c of positive) {
    const last = merged[merged.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      last.weight += c.weight;
    } else merged.push({ start: c.start, end: c.end, weight: c.weight });
  }
  return merged.sort((a, b) => b.weight - a.weight || a.start - b.start).slice(0, 3);
}

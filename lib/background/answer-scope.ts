/**
 * How far a "this isn't a pupil / colleague / our school" answer reaches, and the words it rests on.
 *
 * - `post`: this sentence only (the default). The same words in another sentence warn again.
 * - `similar`: posts like this one: the name together with one of the words that made it a false
 *   match ("the boxer", "on telly"), never in a text with words about school for a person's name.
 * - `name`: these words, everywhere.
 *
 * A pupil's name in a strong form (full name, initial and surname, a listed nickname) can only be
 * answered post by post unless the school's policy allows more (`pupilNameAnswers`).
 * Pure: text in, words out; nothing here is stored.
 */
import type { Policy } from '../policy/schema';
import { tokenise, type Token } from '../engine/tokenise';

export const ANSWER_SCOPES = ['post', 'similar', 'name'] as const;
export type AnswerScope = (typeof ANSWER_SCOPES)[number];

/** Rules whose false matches are about who a name belongs to: school words never make them false. */
const PERSON_RULES = new Set(['pupil-mention', 'colleague-mention']);

/** How many words a "posts like this" answer keeps, nearest to the name first. */
export const MAX_CUES = 3;

/**
 * Words that say nothing about what a text is about, so they never make a false match: function
 * words and the everyday praise and time words that fill posts about anyone ("brilliant", "today").
 */
const NOT_CUES = new Set(
  `a about above after again against all almost also am amazing an and another any are around as at away awesome back bad be because been before
  being below best better between big both brilliant but by can cannot could did do does doing done down during each even ever every few
  first for from fun further get gets getting go goes going good got great had happy has have having he her here hers herself him himself his
  how i if in into is it its itself just last late least less let like little lol look lots love lovely made make many may me more most much
  must my myself new next nice night no nor not now of off oh ok okay old on once one only or other our ours ourselves out over own proud
  quite rather really right said same say says see she should so some still such super sure than thank thanks that the their theirs them
  themselves then there these they thing things think this those though through time to today tomorrow tonight too top under until up us
  very was way we week weekend well went were what when where which while who whom why will with won would wow yay year yes yesterday yet
  you your yours yourself yourselves`.split(/\s+/),
);

export interface Surroundings {
  /** The sentence holding the evidence, folded (lower case, no accents, words only). */
  sentence: string;
  /** Every word of that sentence that could make a false match (outside the evidence), folded. */
  contextWords: string[];
  /** The few nearest of those, as written, for the card and the answer: nearest first. */
  cues: { folded: string; written: string }[];
}

/** A sentence is read at most this many words either side of the flagged words (text with no full stops). */
const SENTENCE_REACH = 40;

/** The tokens of the sentence around [start, end), by the tokeniser's own sentence starts. */
function sentenceTokens(tokens: readonly Token[], start: number, end: number): Token[] {
  // The first token that ends after `start` (binary search: many findings in one long text).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end > start) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= tokens.length) return [];
  const at = lo;
  let first = at;
  while (first > 0 && at - first < SENTENCE_REACH && !tokens[first].sentenceStart) first--;
  let last = at;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  const evidenceEnd = last;
  while (last + 1 < tokens.length && last - evidenceEnd < SENTENCE_REACH && !tokens[last + 1].sentenceStart) last++;
  return tokens.slice(first, last + 1);
}

/**
 * Words about working somewhere: they are what makes a name the school's ("proud to work at
 * Oakfield"), so they never make one a false match either.
 */
const WORK_WORDS = new Set('work works working worked job jobs staff colleague colleagues school schools class classes teach teaching teacher teachers pupil pupils'.split(' '));

function couldBeCue(t: Token): boolean {
  return !t.isNumber && t.norm.length >= 3 && !NOT_CUES.has(t.norm) && !WORK_WORDS.has(t.norm);
}

/** `tokens`: the text's tokens, when the caller has them already (several findings in one text). */
export function surroundings(text: string, start: number, end: number, tokens: readonly Token[] = tokenise(text)): Surroundings {
  const sentence = sentenceTokens(tokens, start, end);
  const outside = sentence.filter((t) => t.end <= start || t.start >= end);
  const context = outside.filter(couldBeCue);
  const distance = (t: Token) => (t.end <= start ? start - t.end : t.start - end);
  const cues: Surroundings['cues'] = [];
  for (const t of [...context].sort((a, b) => distance(a) - distance(b))) {
    if (cues.length >= MAX_CUES) break;
    if (!cues.some((c) => c.folded === t.norm)) cues.push({ folded: t.norm, written: text.slice(t.start, t.end) });
  }
  return { sentence: sentence.map((t) => t.norm).join(' '), contextWords: [...new Set(context.map((t) => t.norm))], cues };
}

/** Which answers a finding may have, by its rule, whether its words are a pupil's name in a strong form, and the policy. */
export function allowedScopes(rule: string, strongName: boolean, policy: Pick<Policy, 'pupilNameAnswers'>): AnswerScope[] {
  if (rule !== 'pupil-mention' || !strongName) return [...ANSWER_SCOPES];
  const reach = policy.pupilNameAnswers ?? 'this-post';
  if (reach === 'everywhere') return [...ANSWER_SCOPES];
  if (reach === 'posts-like-this') return ['post', 'similar'];
  return ['post'];
}

/** "Posts like this" never covers a person's name in a text about school: that is where the real pupil is. */
export function similarMayApply(rule: string, schoolContext: boolean): boolean {
  return !(PERSON_RULES.has(rule) && schoolContext);
}

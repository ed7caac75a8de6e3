/**
 * What every rule needs to know about one text, worked out once per check: its tokens, the listed
 * terms and roster names found in it, and whether the post is about school, about the author's own
 * family, or presents somewhere as the author's workplace.
 */
import type { Severity, Site, Surface, TextRuleId } from '../policy/rule-ids';
import type { CompiledPolicy, TermTag } from './compile';
import type { NameHit } from './names/name-index';
import type { PhraseHit } from './terms/phrase-matcher';
import type { ContactGroup } from './contact';
import { findContactDetails, type ContactHit } from './detectors/contact-details';
import { jobSignal, type JobSignal } from './job';
import { readsAsSchoolName } from './school-names';
import { tokenise, type Token } from './tokenise';
import type { CueHit, WordFeatures } from './classifier/features';
import type { Span } from './detectors/profanity';

export interface RawFinding {
  rule: TextRuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** Other rules these same words break, folded into this finding (one finding per piece of evidence). */
  also?: TextRuleId[];
}

export interface Analysis {
  text: string;
  surface: Surface;
  site?: Site;
  tokens: Token[];
  terms: PhraseHit<TermTag>[];
  names: NameHit[];
  /** The post is about school: a school-context word, school-life term, the school's name or a full roster name. */
  aboutSchool: boolean;
  /** The post is about the author's own family (my son, my daughter…). */
  aboutFamily: boolean;
  /** Something in the post presents an organisation as the author's workplace. */
  workplace: boolean;
  /** Whether the post is about the author's own school job, how sure, and on which words (see job.ts). */
  job: JobSignal;
  /** Phone numbers, emails, postcodes and addresses in the text. */
  contacts: ContactHit[];
  /** In a message: which roster the person being messaged is on, when the page shows who it is. */
  recipient?: ContactGroup;
  compiled: CompiledPolicy;
  /** Profanity and threats, when an incremental check has them already (the rule finds them otherwise). */
  profanity?: Span[];
  threats?: Span[];
}

export function termsIn(a: Analysis, list: TermTag['list']): PhraseHit<TermTag>[] {
  return a.terms.filter((h) => h.value.list === list);
}

/** A term that only counts in context counts here. */
export function termCounts(a: Analysis, hit: PhraseHit<TermTag>): boolean {
  return !hit.value.contextual || a.aboutSchool;
}

const STRONG_FORMS = new Set(['full', 'initial-surname', 'first-initial', 'joined', 'alias', 'title-surname']);

export function isStrongName(h: NameHit): boolean {
  return STRONG_FORMS.has(h.form);
}

/** "Year 6", "Y11", "period 5" are school; "the year 2020" is not: numbers in school cues stay small. */
function schoolYear(tokens: readonly Token[], h: PhraseHit<TermTag>): boolean {
  for (let i = h.startToken; i <= h.endToken; i++) if (tokens[i].isNumber && Number(tokens[i].norm) > 13) return false;
  return true;
}

const PAST_WORDS = new Set(['old', 'former', 'ex', 'previous']);

/** "my old head of year": someone from the author's own schooldays or an earlier job (not "a 19 year old TA"). */
export function pastRole(tokens: readonly Token[], h: PhraseHit<TermTag>): boolean {
  const before = tokens[h.startToken - 1];
  const age = tokens[h.startToken - 2];
  if (before && PAST_WORDS.has(before.norm) && !(before.norm === 'old' && age && /^(year|years|yr|yrs|yo)$/.test(age.norm))) return true;
  return /^(my|our|the)$/.test(tokens[h.startToken].norm) && PAST_WORDS.has(tokens[h.startToken + 1]?.norm ?? '');
}

/**
 * What an analysis is built from: the tokens and the terms and names found in them, and what the
 * later stages would otherwise work out from the whole text again (an incremental check brings these
 * from the pieces of the text it has seen before; see incremental.ts).
 */
export interface Found {
  tokens: Token[];
  terms: PhraseHit<TermTag>[];
  names: NameHit[];
  /** The job model's word features of `tokens` (classifier/features.ts). */
  words?: WordFeatures;
  /** The job model's own-child cues (job.ts). */
  ownChild?: CueHit[];
  /** Profanity in the text (detectors/profanity.ts). */
  profanity?: Span[];
  /** Threats spelt out (rules/derogatory.ts). */
  threats?: Span[];
}

export function analyse(compiled: CompiledPolicy, text: string, surface: Surface, site?: Site, recipient?: ContactGroup): Analysis {
  const tokens = tokenise(text);
  return analyseFound(compiled, text, surface, site, recipient, { tokens, terms: compiled.terms.find(tokens), names: compiled.names.find(tokens, text.length) });
}

export function analyseFound(compiled: CompiledPolicy, text: string, surface: Surface, site: Site | undefined, recipient: ContactGroup | undefined, found: Found): Analysis {
  const { tokens, terms, names } = found;
  let aboutSchool = false;
  let aboutFamily = false;
  let workplace = false;
  // Weak cues, as spans: "half term" and the "term" inside it are one cue, not two.
  const weakCues: [number, number][] = [];
  const addWeak = (h: PhraseHit<TermTag>) => {
    if (!weakCues.some(([s, e]) => h.start < e && s < h.end)) weakCues.push([h.start, h.end]);
  };
  for (const h of terms) {
    const { list, contextual } = h.value;
    if (list === 'family-cues') aboutFamily = true;
    else if (list === 'workplace-cues') workplace = true;
    else if (list === 'school-context') {
      if (!schoolYear(tokens, h) || pastRole(tokens, h)) continue;
      if (contextual) addWeak(h);
      else aboutSchool = true;
    } else if (list === 'positions' && !pastRole(tokens, h)) aboutSchool ||= !contextual;
    else if (list === 'school') aboutSchool ||= !('ambiguous' in h.value && h.value.ambiguous) && readsAsSchoolName(text, tokens, h);
    else if (!contextual && (list.startsWith('school-life') || list.startsWith('confidential'))) aboutSchool = true;
    else if (contextual && list.startsWith('school-life')) addWeak(h);
  }
  // Weak cues ("the kids", "uniform", "the trip") need company: two of them, or a roster name.
  if (!aboutSchool) aboutSchool = weakCues.length >= 2 || names.some((n) => isStrongName(n) && (n.group === 'pupil' || n.group === 'staff'));
  const job = jobSignal({ text, tokens, terms, names, words: found.words, ownChild: found.ownChild });
  const contacts = findContactDetails(text);
  const a: Analysis = { text, surface, site, tokens, terms, names, aboutSchool, aboutFamily, workplace: workplace || aboutSchool, job, contacts, recipient, compiled };
  if (found.profanity) a.profanity = found.profanity;
  if (found.threats) a.threats = found.threats;
  return a;
}

/** Terms marked capitals-only ("ta" is thanks, "TA" a teaching assistant) count only written in capitals. */
export function writtenInCapitals(a: Analysis, h: PhraseHit<TermTag>): boolean {
  if (!('capitals' in h.value) || !h.value.capitals) return true;
  const written = a.text.slice(h.start, h.end).replace(/^(?:the|our|my|a|an)\s+/i, '');
  return /^[A-Z]{2,}/.test(written);
}

/** Quote the person's own words back to them, shortened. */
export function quote(a: Analysis, start: number, end: number): string {
  const s = a.text.slice(start, end).replace(/\s+/g, ' ');
  return `“${s.length > 40 ? s.slice(0, 39) + '…' : s}”`;
}

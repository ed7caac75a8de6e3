/**
 * What every rule needs to know about one text, worked out once per check: its tokens, the listed
 * terms and roster names found in it, and whether the post is about school, about the author's own
 * family, or presents somewhere as the author's workplace.
 */
import type { Severity, Site, Surface, TextRuleId } from '../policy/rule-ids';
import type { CompiledPolicy, TermTag } from './compile';
import type { NameHit } from './names/name-index';
import type { PhraseHit } from './terms/phrase-matcher';
import { jobSignal, type JobSignal } from './job';
import { tokenise, type Token } from './tokenise';

export interface RawFinding {
  rule: TextRuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
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
  compiled: CompiledPolicy;
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

export function analyse(compiled: CompiledPolicy, text: string, surface: Surface, site?: Site): Analysis {
  const tokens = tokenise(text);
  const terms = compiled.terms.find(tokens);
  const names = compiled.names.find(tokens, text.length);
  let aboutSchool = false;
  let aboutFamily = false;
  let workplace = false;
  for (const h of terms) {
    const { list, contextual } = h.value;
    if (list === 'family-cues') aboutFamily = true;
    else if (list === 'workplace-cues') workplace = true;
    else if (!contextual && (list === 'school-context' || list.startsWith('school-life') || list === 'school' || list === 'positions' || list.startsWith('confidential'))) aboutSchool = true;
  }
  if (!aboutSchool) aboutSchool = names.some((n) => isStrongName(n) && (n.group === 'pupil' || n.group === 'staff'));
  const job = jobSignal({ text, tokens, terms, names });
  return { text, surface, site, tokens, terms, names, aboutSchool, aboutFamily, workplace: workplace || aboutSchool, job, compiled };
}

/** Quote the person's own words back to them, shortened. */
export function quote(a: Analysis, start: number, end: number): string {
  const s = a.text.slice(start, end).replace(/\s+/g, ' ');
  return `“${s.length > 40 ? s.slice(0, 39) + '…' : s}”`;
}

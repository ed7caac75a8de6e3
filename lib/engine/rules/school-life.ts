/**
 * school-life: pupils, parents or colleagues referred to without names, or school occasions and
 * work, in a way that ties the post to the author's job.
 *
 * Kinds of evidence (each its own term list) and when they count:
 * - people (school-life): unnamed pupils, parents, colleagues: "one of my Year 6s", "half the
 *   parents", "his mum", "the staffroom";
 * - the author's class (school-life-class): "my class", "my Y10 set": not when a pupil is named,
 *   since then they only say where that pupil is;
 * - occasions (school-life-events): "sports day", "the residential": not when the author writes as a
 *   parent about their own child's;
 * - work (school-life-work): "marking", "PPA", "book looks";
 * - the routine setting (school-life-setting): "the register", "staff meeting", "gate duty": only
 *   when nobody is named, since otherwise they just set the scene;
 * - a confidential matter about someone unnamed, a pupil's parent ("Alfie's dad"), a parent on the
 *   roster named in full.
 * Words in a list's needsContext count only when the rest of the post ties it to the job
 * (Analysis.job), and not on the strength of other weaker words of the same kind alone.
 */
import { quote, type Analysis, type RawFinding } from '../analysis';
import type { TermTag } from '../compile';
import type { NameHit } from '../names/name-index';
import type { PhraseHit } from '../terms/phrase-matcher';
import { colleagueMention } from './colleague-mention';
import { otherEvidence } from '../job';
import { countedConfidential } from './confidential';
import { nameCounts } from './name-mentions';
import { PROFILE_SURFACES as PROFILE_SURFACE_LIST } from '../../policy/rule-ids';
import { schoolMention } from './school-mention';

const PROFILE_SURFACES = new Set<string>(PROFILE_SURFACE_LIST);

type Kind = 'school-life' | 'school-life-class' | 'school-life-events' | 'school-life-work' | 'school-life-setting';
const KINDS = new Set<string>(['school-life', 'school-life-class', 'school-life-events', 'school-life-work', 'school-life-setting']);

const REASON: Record<Kind, string> = {
  'school-life': 'refers to pupils, parents or colleagues at your school: even without names, people can often tell who is meant',
  'school-life-class': 'refers to your class at school',
  'school-life-events': 'is a school occasion, which ties this post to your school',
  'school-life-work': 'is school work, which ties this post to your job',
  'school-life-setting': 'is part of your school day, which ties this post to your job',
};

/** What a pupil's possessive is followed by when the post speaks of their family ("Alfie's dad"). */
const FAMILY_WORDS = new Set(['mum', 'mam', 'mom', 'dad', 'mother', 'father', 'parents', 'parent', 'nan', 'nana', 'grandma', 'grandad', 'carer', 'carers', 'family', 'stepdad', 'stepmum', 'brother', 'sister']);

interface Named {
  /** A pupil is named (also by a first name alone in a post about the job). */
  pupil: boolean;
  /** A pupil or a member of staff is named (roles do not count). */
  person: boolean;
  /** A pupil, a colleague (by name or role) or the school is named. */
  anyone: boolean;
}

function whoIsNamed(a: Analysis): Named {
  const pupil = a.names.some((h) => h.group === 'pupil' && countsAsNamed(a, h));
  const person = pupil || a.names.some((h) => h.group === 'staff' && countsAsNamed(a, h));
  let anyone: boolean | undefined;
  return {
    pupil,
    person,
    // Running the name rules again is only worth it when a routine word needs the answer.
    get anyone() {
      return (anyone ??= person || colleagueMention(a).length > 0 || schoolMention(a).length > 0);
    },
  };
}

/**
 * As the name rules count it, or a first name in a post about the job (not about the author's
 * family, and not "our Freddie" / "my Jack", the way people write about their own).
 */
function countsAsNamed(a: Analysis, h: NameHit): boolean {
  if (nameCounts(a, h)) return true;
  if (h.form !== 'first' || !a.job.tied || a.aboutFamily || a.job.asParent) return false;
  const prev = a.tokens[h.startToken - 1];
  return !(prev && (prev.norm === 'my' || prev.norm === 'our'));
}

/** Of overlapping school-life hits, the longest: "staff meeting" is not also "the staff". */
function outermost(hits: PhraseHit<TermTag>[]): PhraseHit<TermTag>[] {
  const sorted = [...hits].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: PhraseHit<TermTag>[] = [];
  let reach = -1;
  let reachStart = -1;
  for (const h of sorted) {
    // Inside a longer hit seen before (same span, another list: both stay).
    if (h.end <= reach && !(h.start === reachStart && h.end === reach)) continue;
    out.push(h);
    if (h.end > reach) {
      reach = h.end;
      reachStart = h.start;
    }
  }
  return out;
}

/**
 * Weaker words need the job from the rest of the post, and not only from weaker words of the same
 * kind ("team meeting" and "new timetable" do not vouch for each other; "my lot" and "fire drill" do).
 */
function supported(a: Analysis, list: string, hits: readonly PhraseHit<TermTag>[], memo: Map<string, boolean>): boolean {
  let ok = memo.get(list);
  if (ok === undefined) memo.set(list, (ok = a.job.tiedApartFrom(hits.filter((o) => o.value.contextual && o.value.list === list))));
  return ok;
}

function counts(a: Analysis, h: PhraseHit<TermTag>, hits: readonly PhraseHit<TermTag>[], named: () => Named, memo: Map<string, boolean>): boolean {
  const kind = h.value.list as Kind;
  if (h.value.contextual && !supported(a, h.value.list, hits, memo)) return false;
  if (kind === 'school-life-events' && a.job.asParent) return false;
  if (kind === 'school-life-setting') return !named().anyone;
  if (kind === 'school-life-class') return !named().pupil;
  return true;
}

export function schoolLife(a: Analysis): RawFinding[] {
  // In a profile field the author's own role is profession-disclosure.
  if (PROFILE_SURFACES.has(a.surface)) return [];
  let memo: Named | undefined;
  const named = () => (memo ??= whoIsNamed(a));
  const out: RawFinding[] = [];
  const finding = (start: number, end: number, reason: string): RawFinding => ({
    rule: 'school-life',
    severity: 'medium',
    start,
    end,
    message: `${quote(a, start, end)} ${reason}`,
  });

  const hits = outermost(a.terms.filter((h) => KINDS.has(h.value.list)));
  const supportMemo = new Map<string, boolean>();
  for (const h of hits) {
    if (!counts(a, h, hits, named, supportMemo)) continue;
    // A weaker word counts because of the rest of the post: say which words those are.
    out.push(finding(h.start, h.end, `${REASON[h.value.list as Kind]}${h.value.contextual ? otherEvidence(a, [h]) : ''}.`));
  }

  // A pupil's parent or family, by the pupil's possessive ("Alfie's dad", "Reece Wragg's mum"), not the author's own ("my Jack's").
  for (const h of a.names) {
    if (h.group !== 'pupil' || !/['\u2019]s$/i.test(a.text.slice(h.start, h.end))) continue;
    const next = a.tokens[h.endToken + 1];
    const prev = a.tokens[h.startToken - 1];
    if (!next || !FAMILY_WORDS.has(next.norm) || next.newlineBefore || (prev && (prev.norm === 'my' || prev.norm === 'our'))) continue;
    if (hits.some((o) => o.start <= next.start && next.end <= o.end)) continue; // "Jack's parents' evening"
    if (countsAsNamed(a, h)) out.push(finding(h.start, next.end, "refers to a pupil's family."));
  }

  // A confidential matter about an unnamed pupil or family still points at people at your school
  // (staffing and school matters do not, on their own).
  if (!named().person) {
    for (const h of countedConfidential(a)) {
      if (h.value.list !== 'confidential') continue;
      out.push(finding(h.start, h.end, 'is about a pupil or family at your school, even without a name.'));
    }
  }

  // Parents on the roster are there for pupil-contact: naming one in a post is no text rule's business
  // (LABELLING.md); what a post says about them is judged like any other words.
  return out;
}

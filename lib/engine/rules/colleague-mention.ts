/**
 * colleague-mention: the text names a member of staff, or refers to one by position.
 *
 * By name: a full name, title and surname (Mrs Jones, "mrs jones", Mr Priestly for Priestley), title
 * and initial (Mrs J), a handle; and a first name joined to a role ("Wendy in the office", "Liam our
 * head of year"). A first name alone is not enough: colleagues' first names are everyone's.
 * By position: the head, our deputy, the TAs, dinner ladies, the Year 6 teacher… (assets/terms/positions.json).
 * In a profile field the name and the role are the author's own (profession-disclosure's business).
 */
import { PROFILE_SURFACES } from '../../policy/rule-ids';
import { pastRole, quote, termCounts, termsIn, writtenInCapitals, type Analysis, type RawFinding } from '../analysis';
import type { NameHit } from '../names/name-index';
import type { PhraseHit } from '../terms/phrase-matcher';
import type { TermTag } from '../compile';
import { describeForm, longestHits, nameCounts } from './name-mentions';

/** "my mum, Mrs Evans", "Grandad (Mr Okafor to his pupils)": a relative, not a colleague. */
const FAMILY_NOUNS = new Set(['mum', 'mam', 'mom', 'mother', 'dad', 'father', 'nan', 'nana', 'nanna', 'gran', 'grandma', 'granny', 'grandad', 'grandpa', 'grandmother', 'grandfather', 'auntie', 'aunty', 'aunt', 'uncle', 'sister', 'brother', 'husband', 'wife', 'hubby', 'stepmum', 'stepdad', 'inlaws', 'mil', 'fil', 'cousin']);

function relativeBefore(a: Analysis, h: NameHit): boolean {
  for (let i = h.startToken - 1; i >= 0 && i >= h.startToken - 3; i--) {
    if (FAMILY_NOUNS.has(a.tokens[i].norm)) return true;
    if (a.tokens[i + 1].sentenceStart) break;
  }
  return false;
}

/** Between a first name and its role: "Wendy in the office", "Liam, our head of year", "Sam the caretaker". */
const JOINERS = new Set(['our', 'the', 'my', 'in', 'from', 'on', 'at']);

/** Staff first names joined to a role: "Wendy in the office", "Liam our head of year 9". */
export function staffByRole(a: Analysis): NameHit[] {
  const roles = [...termsIn(a, 'positions'), ...termsIn(a, 'staff-places')];
  if (!roles.length) return [];
  return a.names.filter((h) => {
    if (h.group !== 'staff' || h.form !== 'first') return false;
    const next = h.endToken + 1;
    return roles.some((r) => {
      if (r.startToken < next || r.startToken > next + 1) return false;
      // One joining word may sit between ("Liam, our head of year"), or the role may start with it.
      if (r.startToken === next + 1 && !JOINERS.has(a.tokens[next].norm)) return false;
      return !a.tokens[next].newlineBefore && !a.tokens[next].sentenceStart;
    });
  });
}

/**
 * The role is the author's own or anyone's: "I'm a TA", "as a TA", "if you know a TA", "every TA".
 * Read backwards from the role: the word before it, and "I'm"/"I am" before an article.
 */
function ownOrGeneric(a: Analysis, h: PhraseHit<TermTag>): boolean {
  const t = a.tokens;
  let i = h.startToken;
  if (/^(a|an)$/.test(t[i].norm)) i++; // the role may start with its article ("a TA") or not
  const before = t[i - 1]?.norm;
  const article = before === 'a' || before === 'an';
  const w1 = t[article ? i - 2 : i - 1]?.norm;
  const w0 = t[article ? i - 3 : i - 2]?.norm;
  if (/^(a|an)$/.test(t[h.startToken].norm) || article) {
    // "I'm a TA", "as a TA", "if you know a TA", "my mum was a headteacher": a job described, not a colleague.
    if (['am', 'as', 'know', 'be', 'being', 'become', 'was', 'is', 'were'].includes(w1 ?? '') || (w1 === 'm' && w0 === 'i')) return true;
  }
  return before === 'every' || before === 'any' || before === 'all';
}

function positionCounts(a: Analysis, h: PhraseHit<TermTag>): boolean {
  if (!termCounts(a, h) || ownOrGeneric(a, h)) return false;
  if (pastRole(a.tokens, h)) return false; // "my old head of year": the author's own schooldays
  // A parent talking about their child's school: "the head" there is not the author's colleague.
  if (a.aboutFamily && /^(the|a|an)$/.test(a.tokens[h.startToken].norm)) return false;
  return writtenInCapitals(a, h);
}

export function colleagueMention(a: Analysis): RawFinding[] {
  // A display name is the author's own; in other profile fields a role is the author's own too.
  if (a.surface === 'profile-name') return [];
  const inProfile = PROFILE_SURFACES.includes(a.surface);
  const withRole = staffByRole(a);
  const named = a.names.filter((h) => h.group === 'staff' && h.form !== 'first' && nameCounts(a, h) && !(h.form === 'title-surname' && relativeBefore(a, h)));
  const byName: RawFinding[] = longestHits([...named, ...withRole]).map((h) => ({
    rule: 'colleague-mention',
    severity: 'high',
    start: h.start,
    end: h.end,
    message:
      h.form === 'first'
        ? `${quote(a, h.start, h.end)} with their role points to a colleague at your school.`
        : `${quote(a, h.start, h.end)} ${describeForm(h)} a member of staff at your school.`,
  }));
  if (inProfile) return byName;
  const byPosition: RawFinding[] = termsIn(a, 'positions')
    .filter((h) => positionCounts(a, h))
    .map((h) => ({
      rule: 'colleague-mention',
      severity: 'medium',
      start: h.start,
      end: h.end,
      message: `${quote(a, h.start, h.end)} refers to a colleague by their position; people can often tell who is meant.`,
    }));
  return [...byName, ...byPosition];
}

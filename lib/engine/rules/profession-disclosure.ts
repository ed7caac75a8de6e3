/**
 * profession-disclosure: a profile field (job title, bio, display name) says the person works in a
 * school: a school role, a year, key-stage or subject tag ("Y6", "KS2", "#TeamEnglish"), a description
 * of the job ("shaping young minds"), or the school, its handle or hashtag, or its trust (high then).
 * Not another job that shares a word: yoga teacher, swimming teacher, a driving school, "old school".
 */
import { PROFILE_SURFACES } from '../../policy/rule-ids';
import { quote, termsIn, writtenInCapitals, type Analysis, type RawFinding } from '../analysis';
import type { PhraseHit } from '../terms/phrase-matcher';
import type { TermTag } from '../compile';
import { readsAsSchoolName } from '../school-names';

/** What a teacher teaches when it is not a school: "yoga teacher", "I teach piano", "swimming coach". */
const OTHER_TEACHING = new Set(
  ('yoga pilates swimming swim piano violin viola cello flute clarinet saxophone sax trumpet guitar drum drums singing vocal voice ' +
    'dance dancing ballet tap karate judo taekwondo kickboxing boxing jiujitsu martial arts driving riding horse ski skiing snowboard ' +
    'surf surfing tennis golf fitness zumba spin barre cookery cooking baking sewing knitting crochet meditation mindfulness reiki ' +
    'sunday bible pottery painting photography art craft crafts makeup lash nails beauty hair languages tefl esl efl salsa').split(' '),
);
const OTHER_AFTER = new Set(['yoga', 'pilates', 'piano', 'violin', 'guitar', 'drums', 'singing', 'dance', 'ballet', 'swimming', 'karate', 'driving', 'riding', 'tennis', 'golf', 'fitness', 'zumba', 'baking', 'cookery', 'sewing', 'meditation', 'english', 'adults']);
/** Non-school jobs that start with a school word: "Principal Engineer", "Head of Department, Finance" stays. */
const PRINCIPAL_OF_ANOTHER_JOB = new Set(['engineer', 'consultant', 'developer', 'scientist', 'analyst', 'architect', 'designer', 'manager', 'lecturer', 'dancer', 'solicitor', 'associate', 'investigator', 'planner', 'surveyor', 'accountant', 'partner', 'research', 'researcher', 'software', 'product', 'data', 'clinical', 'pharmacist', 'physiotherapist', 'officer']);
const TEACHER_EMOJI = /[\u{1F9D1}\u{1F469}\u{1F468}][\u{1F3FB}-\u{1F3FF}]?\u200D\u{1F3EB}/gu;
const ROLE_WORDS = new Set(['teacher', 'teachers', 'teaching', 'teach', 'tutor', 'instructor', 'coach']);

function anotherJob(a: Analysis, h: PhraseHit<TermTag>): boolean {
  const t = a.tokens;
  const first = t[h.startToken].norm;
  const last = t[h.endToken].norm;
  if (ROLE_WORDS.has(last) || ROLE_WORDS.has(first)) {
    // "yoga teacher", "piano & violin teacher", "swimming teacher (weekends)"
    for (let i = h.startToken - 1; i >= 0 && i >= h.startToken - 3; i--) if (OTHER_TEACHING.has(t[i].norm)) return true;
    // "I teach yoga", "teaching piano to adults"
    const next = t[h.endToken + 1];
    if (next && (OTHER_AFTER.has(next.norm) || OTHER_TEACHING.has(next.norm))) return true;
  }
  if (first === 'principal' && h.startToken === h.endToken) {
    const next = t[h.endToken + 1];
    if (next && PRINCIPAL_OF_ANOTHER_JOB.has(next.norm)) return true;
  }
  // "Year 2020", "Y2K": year tags stay small.
  for (let i = h.startToken; i <= h.endToken; i++) if (t[i].isNumber && Number(t[i].norm) > 13) return true;
  return false;
}

export function professionDisclosure(a: Analysis): RawFinding[] {
  if (!PROFILE_SURFACES.includes(a.surface)) return [];
  const school = termsIn(a, 'school').filter((h) => readsAsSchoolName(a.text, a.tokens, h));
  const namesSchool = school.length > 0 || termsIn(a, 'organisation').some((h) => readsAsSchoolName(a.text, a.tokens, h));
  const out: RawFinding[] = termsIn(a, 'profession')
    .filter((h) => !anotherJob(a, h) && writtenInCapitals(a, h))
    .map((h) => ({
      rule: 'profession-disclosure',
      severity: namesSchool ? 'high' : 'medium',
      start: h.start,
      end: h.end,
      message: namesSchool
        ? `${quote(a, h.start, h.end)} with your school's name tells anyone where you work.`
        : `${quote(a, h.start, h.end)} tells anyone who sees your profile that you work in a school.`,
    }));
  // The teacher emoji (🧑‍🏫 👩‍🏫 👨‍🏫) in a display name or bio says it as plainly as the word.
  for (const m of a.text.matchAll(TEACHER_EMOJI)) {
    out.push({ rule: 'profession-disclosure', severity: namesSchool ? 'high' : 'medium', start: m.index, end: m.index + m[0].length, message: `${quote(a, m.index, m.index + m[0].length)} tells anyone who sees your profile that you teach.` });
  }
  // The school's name, handle or hashtag in a profile says where the person works, with or without a
  // role. A council or trust alone does not: many jobs there are not in schools.
  if (!out.length) {
    for (const h of school) {
      out.push({
        rule: 'profession-disclosure',
        severity: 'high',
        start: h.start,
        end: h.end,
        message: `${quote(a, h.start, h.end)} in your profile tells anyone where you work.`,
      });
    }
  }
  return out;
}

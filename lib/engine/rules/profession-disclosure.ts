/** profession-disclosure: a profile field says the person works in a school (high when it also names the school). */
import { PROFILE_SURFACES } from '../../policy/rule-ids';
import { quote, termsIn, type Analysis, type RawFinding } from '../analysis';

export function professionDisclosure(a: Analysis): RawFinding[] {
  if (!PROFILE_SURFACES.includes(a.surface)) return [];
  const namesSchool = termsIn(a, 'school').length > 0;
  return termsIn(a, 'profession').map((h) => ({
    rule: 'profession-disclosure',
    severity: namesSchool ? 'high' : 'medium',
    start: h.start,
    end: h.end,
    message: namesSchool
      ? `${quote(a, h.start, h.end)} with your school's name tells anyone where you work.`
      : `${quote(a, h.start, h.end)} tells anyone who sees your profile that you work in a school.`,
  }));
}

/**
 * school-mention: the text names the school, or a body it belongs to as the author's workplace.
 * The trust or council by its full name, its initials (TVAT) or the distinctive part of its name
 * ("Trent Vale") counts where the post presents it as the employer ("payroll", "our trust", a
 * profile's job field); initials of four letters or more are distinctive enough on their own.
 */
import { PROFILE_SURFACES } from '../../policy/rule-ids';
import { quote, termsIn, type Analysis, type RawFinding } from '../analysis';
import { readsAsSchoolName } from '../school-names';

export function schoolMention(a: Analysis): RawFinding[] {
  const out: RawFinding[] = [];
  const aboutWork = a.aboutSchool || a.workplace;
  const ambiguous = (h: { value: object }) => 'ambiguous' in h.value && Boolean(h.value.ambiguous);
  for (const h of termsIn(a, 'school')) {
    if (!readsAsSchoolName(a.text, a.tokens, h, aboutWork) || (ambiguous(h) && !aboutWork)) continue;
    out.push({ rule: 'school-mention', severity: 'high', start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} names your school.` });
  }
  for (const h of termsIn(a, 'school-core')) {
    // The core of the name alone ("Oakfield") could be a place or a road: only in a post about school, with a capital.
    if (!aboutWork || !a.tokens[h.startToken].capitalised || !readsAsSchoolName(a.text, a.tokens, h, aboutWork)) continue;
    out.push({ rule: 'school-mention', severity: 'high', start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} looks like your school's name, in a post about school.` });
  }
  // In a profile, an organisation named in a job or bio field is the employer.
  const employer = a.workplace || PROFILE_SURFACES.includes(a.surface);
  for (const h of termsIn(a, 'organisation')) {
    const v = h.value as { acronym?: boolean; partial?: boolean };
    if (!readsAsSchoolName(a.text, a.tokens, h, aboutWork)) continue;
    const distinctive = v.acronym && h.end - h.start >= 4 && !ambiguous(h);
    if (!employer && !distinctive) continue;
    if (v.partial && !v.acronym && !a.tokens[h.startToken].capitalised) continue;
    out.push({
      rule: 'school-mention',
      severity: 'high',
      start: h.start,
      end: h.end,
      message: `${quote(a, h.start, h.end)} names an organisation your school belongs to, as your workplace.`,
    });
  }
  return out;
}

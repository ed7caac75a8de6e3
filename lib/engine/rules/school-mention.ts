/** school-mention: the text names the school, or a body it belongs to as the author's workplace. */
import { quote, termsIn, type Analysis, type RawFinding } from '../analysis';

export function schoolMention(a: Analysis): RawFinding[] {
  const out: RawFinding[] = [];
  for (const h of termsIn(a, 'school')) {
    if ('acronym' in h.value && h.value.acronym) {
      const written = a.text.slice(h.start, h.end);
      if (written !== written.toUpperCase()) continue;
    }
    out.push({ rule: 'school-mention', severity: 'high', start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} names your school.` });
  }
  for (const h of termsIn(a, 'school-core')) {
    // The core of the name alone ("Oakfield") could be a place or a road: only in a post about school, with a capital.
    if (!(a.aboutSchool || a.workplace) || !a.tokens[h.startToken].capitalised) continue;
    out.push({ rule: 'school-mention', severity: 'high', start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} looks like your school's name, in a post about school.` });
  }
  if (a.workplace) {
    for (const h of termsIn(a, 'organisation')) {
      out.push({
        rule: 'school-mention',
        severity: 'high',
        start: h.start,
        end: h.end,
        message: `${quote(a, h.start, h.end)} names an organisation your school belongs to, as your workplace.`,
      });
    }
  }
  return out;
}

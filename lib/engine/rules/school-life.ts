/** school-life: pupils, parents, colleagues or school events referred to in a way that ties the post to the author's job. */
import { quote, termCounts, termsIn, type Analysis, type RawFinding } from '../analysis';
import { longestHits } from './name-mentions';

export function schoolLife(a: Analysis): RawFinding[] {
  const out: RawFinding[] = termsIn(a, 'school-life')
    .filter((h) => termCounts(a, h))
    .map((h) => ({
      rule: 'school-life',
      severity: 'medium',
      start: h.start,
      end: h.end,
      message: `${quote(a, h.start, h.end)} ties this post to school life and your job.`,
    }));
  // A parent named in full is school life too (they are not pupils or colleagues, but are part of the school).
  for (const h of longestHits(a.names.filter((n) => n.group === 'parent'))) {
    out.push({ rule: 'school-life', severity: 'medium', start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} names a parent at your school.` });
  }
  return out;
}

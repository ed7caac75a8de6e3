/** colleague-mention: the text names a member of staff, or refers to one by position. */
import { quote, termCounts, termsIn, type Analysis, type RawFinding } from '../analysis';
import { describeForm, longestHits, nameCounts } from './name-mentions';

export function colleagueMention(a: Analysis): RawFinding[] {
  const byName: RawFinding[] = longestHits(a.names.filter((h) => h.group === 'staff' && nameCounts(a, h))).map((h) => ({
    rule: 'colleague-mention',
    severity: 'high',
    start: h.start,
    end: h.end,
    message:
      h.form === 'first'
        ? `${quote(a, h.start, h.end)} is the first name of a colleague, in a post about school.`
        : `${quote(a, h.start, h.end)} ${describeForm(h)} a member of staff at your school.`,
  }));
  const byPosition: RawFinding[] = termsIn(a, 'positions')
    .filter((h) => termCounts(a, h))
    .map((h) => ({
      rule: 'colleague-mention',
      severity: 'medium',
      start: h.start,
      end: h.end,
      message: `${quote(a, h.start, h.end)} refers to a colleague by their position; people can often tell who is meant.`,
    }));
  return [...byName, ...byPosition];
}

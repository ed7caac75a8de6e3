/**
 * pupil-mention: the text names a current pupil on the roster. Former pupils and parents are on the
 * rosters for pupil-contact only: naming them in a post is not what the policies forbid.
 */
import { quote, type Analysis, type RawFinding } from '../analysis';
import { describeForm, longestHits, nameCounts } from './name-mentions';
import { staffByRole } from './colleague-mention';

export function pupilMention(a: Analysis): RawFinding[] {
  // "Liam our head of year" is the colleague Liam, not the pupil of that first name.
  const colleagues = staffByRole(a);
  const hits = a.names.filter((h) => h.group === 'pupil' && nameCounts(a, h) && !(h.form === 'first' && colleagues.some((c) => c.startToken === h.startToken)));
  return longestHits(hits).map((h) => {
    const message =
      h.form === 'first'
        ? `${quote(a, h.start, h.end)} is the first name of a pupil, in a post about school.`
        : `${quote(a, h.start, h.end)} ${describeForm(h)} a pupil at your school.`;
    return { rule: 'pupil-mention', severity: 'high', start: h.start, end: h.end, message };
  });
}

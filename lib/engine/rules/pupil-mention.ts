/** pupil-mention: the text names a pupil (or a former pupil) on the roster. */
import { quote, type Analysis, type RawFinding } from '../analysis';
import { describeForm, longestHits, nameCounts } from './name-mentions';

export function pupilMention(a: Analysis): RawFinding[] {
  const hits = a.names.filter((h) => (h.group === 'pupil' || h.group === 'formerPupil') && nameCounts(a, h));
  return longestHits(hits).map((h) => {
    const former = h.group === 'formerPupil';
    const who = former ? 'a former pupil' : 'a pupil';
    const message =
      h.form === 'first'
        ? `${quote(a, h.start, h.end)} is the first name of ${who}, in a post about school.`
        : `${quote(a, h.start, h.end)} ${describeForm(h)} ${who} at your school.`;
    return { rule: 'pupil-mention', severity: former ? 'medium' : 'high', start: h.start, end: h.end, message };
  });
}

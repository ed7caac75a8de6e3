/** confidential: sensitive school matters (safeguarding, SEN, exclusions, medical, staffing, inspection outcomes). */
import { quote, type Analysis, type RawFinding, termsIn } from '../analysis';
import { findPupilData } from '../detectors/pupil-data';

export function confidential(a: Analysis): RawFinding[] {
  // Weaker words (excluded, diagnosis, allegation…) need a post about school or a roster name nearby.
  const inContext = a.aboutSchool || a.names.length > 0;
  const pupilData: RawFinding[] = findPupilData(a.text).map((h) => ({
    rule: 'confidential',
    severity: 'high',
    start: h.start,
    end: h.end,
    message: `${quote(a, h.start, h.end)} looks like ${h.kind === 'upn' ? 'a Unique Pupil Number' : 'an NHS number'}: pupil data must never be posted.`,
  }));
  return pupilData.concat(termsIn(a, 'confidential')
    .filter((h) => !h.value.contextual || inContext)
    .map((h) => ({
      rule: 'confidential',
      severity: 'high',
      start: h.start,
      end: h.end,
      message: `${quote(a, h.start, h.end)} may be a confidential school matter.`,
    })));
}

/**
 * confidential: sensitive school matters. Three lists: matters about pupils and their families
 * (confidential: safeguarding, SEN, medical, behaviour, attainment data), staffing matters
 * (confidential-staff: sickness, suspensions, warnings, grievances, redundancies) and school matters
 * not yet public (confidential-school: an unpublished inspection grade, "not announced yet").
 * Weaker words (needsContext: "excluded", "signed off", "keep it quiet") count only in a post about
 * the author's school job or naming someone from the rosters. Routine work that merely mentions a
 * sensitive word ("safeguarding training") is school-life, not confidential. Pupil data is found by
 * its checksums, not words: Unique Pupil Numbers and NHS numbers (detectors/pupil-data.ts).
 */
import { isStrongName, quote, type Analysis, type RawFinding } from '../analysis';
import type { TermTag } from '../compile';
import { otherEvidence } from '../job';
import type { PhraseHit } from '../terms/phrase-matcher';
import { findPupilData } from '../detectors/pupil-data';

const LISTS = new Set<string>(['confidential', 'confidential-staff', 'confidential-school']);

const REASON: Record<string, string> = {
  confidential: 'may be a confidential matter about a pupil or their family',
  'confidential-staff': 'may be a confidential staffing matter',
  'confidential-school': 'may be school business that is not public yet',
};

/** Lists whose phrases make a sensitive word inside them routine ("safeguarding training"). */
const ROUTINE = new Set<string>(['school-life-events', 'school-life-work']);

/** The confidential terms that count in this post (shared with school-life). */
export function countedConfidential(a: Analysis): PhraseHit<TermTag>[] {
  const named = a.names.some((n) => n.group !== 'formerPupil' && isStrongName(n));
  // A sensitive word inside a routine phrase ("safeguarding training") or an insult ("absolute weapons") is neither.
  const routine = a.terms.filter((h) => ROUTINE.has(h.value.list) || h.value.list === 'derogatory');
  const sensitive = a.terms.filter((h) => LISTS.has(h.value.list) && !routine.some((r) => r.start <= h.start && h.end <= r.end && r.end - r.start > h.end - h.start));
  // Weaker words need the job from something other than sensitive words ("cannabis" and "drugs" do not vouch for each other).
  let context: boolean | undefined;
  const inContext = () => (context ??= named || a.job.tiedApartFrom(sensitive));
  return sensitive.filter((h) => !h.value.contextual || inContext());
}

export function confidential(a: Analysis): RawFinding[] {
  const pupilData: RawFinding[] = findPupilData(a.text).map((h) => ({
    rule: 'confidential',
    severity: 'high',
    start: h.start,
    end: h.end,
    message: `${quote(a, h.start, h.end)} looks like ${h.kind === 'upn' ? 'a Unique Pupil Number' : 'an NHS number'}: pupil data must never be posted.`,
  }));
  const hits = countedConfidential(a);
  return pupilData.concat(hits.map((h) => ({
    rule: 'confidential',
    severity: 'high',
    start: h.start,
    end: h.end,
    // A weaker word counts because of the rest of the post: say which words tie it to school.
    message: `${quote(a, h.start, h.end)} ${REASON[h.value.list]}${h.value.contextual ? otherEvidence(a, hits) : ''}.`,
  })));
}

/**
 * derogatory: insults, profanity, threats; high when aimed at the school community (a roster name,
 * the school, or words such as "parents", "my class", "the head" in the same post), medium otherwise.
 */
import { quote, termsIn, type Analysis, type RawFinding } from '../analysis';
import { findProfanity } from '../detectors/profanity';

export function derogatory(a: Analysis): RawFinding[] {
  const targeted =
    termsIn(a, 'community-targets').length > 0 ||
    termsIn(a, 'school').length > 0 ||
    a.names.some((n) => n.form !== 'first' || a.aboutSchool);
  const severity = targeted ? 'high' : 'medium';
  const aim = targeted ? ', aimed at your school community' : '';
  const out: RawFinding[] = [];
  for (const s of findProfanity(a.text)) {
    // A roster name is never profanity (Dick Turpin, a pupil called Reddick).
    if (a.names.some((n) => n.start < s.end && s.start < n.end)) continue;
    out.push({ rule: 'derogatory', severity, start: s.start, end: s.end, message: `${quote(a, s.start, s.end)} is offensive language${aim}.` });
  }
  for (const h of termsIn(a, 'derogatory')) {
    if (h.value.contextual && !targeted) continue;
    out.push({ rule: 'derogatory', severity, start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} is insulting or threatening${aim}.` });
  }
  return out;
}

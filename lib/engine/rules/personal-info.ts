/** personal-info: contact or location details in a public post (not in private messages). */
import { quote, type Analysis, type RawFinding } from '../analysis';
import { findContactDetails, type ContactKind } from '../detectors/contact-details';

const WHAT: Record<ContactKind, string> = {
  phone: 'a phone number',
  email: 'an email address',
  postcode: 'a postcode',
  address: 'a street address',
};

export function personalInfo(a: Analysis): RawFinding[] {
  if (a.surface === 'message') return [];
  return findContactDetails(a.text).map((h) => ({
    rule: 'personal-info',
    severity: 'medium',
    start: h.start,
    end: h.end,
    message: `${quote(a, h.start, h.end)} looks like ${WHAT[h.kind]}; anyone who sees the post could use it.`,
  }));
}

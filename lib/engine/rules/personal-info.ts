/**
 * personal-info: the author's own contact or location details, on any surface: phone numbers,
 * personal email addresses, home addresses and postcodes, National Insurance and payment card
 * numbers, log-ins and passwords. Not an organisation's number ("Kirkbeck Boilers on…"), not an
 * address at the school's domain (that is school-mention), not a shared mailbox (office@, pta@).
 *
 * In a post or comment: medium. In a private message: low, because it reaches one person, and high
 * when that person is a pupil, a former pupil or a parent on the rosters (the policies say never to
 * give them personal contact details on any channel).
 */
import { PROFILE_SURFACES, type Severity } from '../../policy/rule-ids';
import { quote, type Analysis, type RawFinding } from '../analysis';
import type { ContactKind } from '../detectors/contact-details';
import { findSecrets, type SecretKind } from '../detectors/secrets';

const WHAT: Record<ContactKind | SecretKind, string> = {
  phone: 'a phone number',
  email: 'an email address',
  postcode: 'a postcode',
  address: 'a home address',
  'national-insurance': 'a National Insurance number',
  'payment-card': 'a payment card number',
  password: 'a password or log-in',
};

const RECIPIENT: Record<string, string> = {
  pupil: 'a pupil on your school’s roster',
  formerPupil: 'a former pupil on your school’s roster',
  parent: 'a parent or carer on your school’s roster',
};

/** Domains that belong to organisations, never to one person's own inbox. */
const ORGANISATION_DOMAIN = /\.(sch\.uk|gov\.uk|ac\.uk|nhs\.uk|nhs\.net|police\.uk|mod\.uk|parliament\.uk)$/;

export function personalInfo(a: Analysis): RawFinding[] {
  const profile = PROFILE_SURFACES.includes(a.surface);
  const schoolDomains = (a.compiled.policy.schoolAliases ?? []).filter((s) => /^[^\s@]+\.[a-z]{2,}$/i.test(s)).map((s) => s.toLowerCase());
  const out: RawFinding[] = [];
  const message = a.surface === 'message';
  const severity: Severity = message ? (a.recipient ? 'high' : 'low') : 'medium';
  const where = message
    ? a.recipient
      ? `; you are writing to ${RECIPIENT[a.recipient]}, and the policy says not to give them your personal contact details on any channel`
      : '; even in a message, it can be passed on'
    : '; anyone who sees the post could use it';
  for (const h of a.contacts) {
    // In a profile every number is the author's own (a business line included).
    if (h.kind === 'phone' && h.owner === 'someone-else' && !profile) continue;
    if (h.kind === 'email' && (h.roleAddress || ORGANISATION_DOMAIN.test(h.domain ?? '') || schoolDomains.some((d) => h.domain === d || h.domain?.endsWith(`.${d}`)))) continue;
    out.push({ rule: 'personal-info', severity, start: h.start, end: h.end, message: `${quote(a, h.start, h.end)} looks like ${WHAT[h.kind]}${where}.` });
  }
  for (const s of findSecrets(a.text)) {
    out.push({
      rule: 'personal-info',
      severity: s.kind === 'password' || s.kind === 'payment-card' ? (message && !a.recipient ? 'medium' : 'high') : severity,
      start: s.start,
      end: s.end,
      message: `${quote(a, s.start, s.end)} looks like ${WHAT[s.kind]}${s.kind === 'password' ? '; never share log-ins or passwords, here or anywhere' : where}.`,
    });
  }
  return out;
}

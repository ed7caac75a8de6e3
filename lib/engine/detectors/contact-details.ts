/**
 * Contact and location details in text: phone numbers (libphonenumber, UK first, international
 * with +), email addresses, UK postcodes and street addresses. Every scan is linear: emails are found
 * from their "@" outwards within bounded windows, and the patterns only use bounded repeats.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/min';

export type ContactKind = 'phone' | 'email' | 'postcode' | 'address';

export interface ContactHit {
  kind: ContactKind;
  start: number;
  end: number;
}

/** At least seven digits close together, allowing the spaces, dots, dashes and brackets of phone numbers. */
const PHONE_CANDIDATE = /\+?\(?\d[\d ().-]{5,20}\d/g;
/** Words before a number that show it is an order, reference or account number, not a phone number. */
const NOT_A_PHONE_BEFORE = /\b(order|ref|reference|invoice|tracking|booking|account|acct|case|ticket|serial|policy|membership|customer|transaction|parcel|confirmation|id|no|number|#)\W{0,3}$/i;

function findPhones(text: string, out: ContactHit[]): void {
  PHONE_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const spans: [number, number][] = [];
  while ((m = PHONE_CANDIDATE.exec(text))) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 7) spans.push([m.index, m.index + m[0].length]);
  }
  for (const [s, e] of spans) {
    // Give libphonenumber a little room either side, but never the whole post.
    const from = Math.max(0, s - 2);
    const window = text.slice(from, Math.min(text.length, e + 2));
    for (const found of findPhoneNumbersInText(window, { defaultCountry: 'GB' })) {
      const start = from + found.startsAt;
      const before = text.slice(Math.max(0, start - 24), start);
      if (NOT_A_PHONE_BEFORE.test(before)) continue;
      out.push({ kind: 'phone', start, end: from + found.endsAt });
    }
  }
}

const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

function findEmails(text: string, out: ContactHit[]): void {
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at >= 0) {
    let s = at;
    while (s > lastEnd && at - s < 64 && LOCAL_CHAR.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && DOMAIN_CHAR.test(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--; // trailing full stop
    const domain = text.slice(at + 1, e);
    const dot = domain.lastIndexOf('.');
    if (s < at && dot > 0 && /^[A-Za-z]{2,}$/.test(domain.slice(dot + 1))) {
      out.push({ kind: 'email', start: s, end: e });
      lastEnd = e;
    }
    at = text.indexOf('@', Math.max(at + 1, lastEnd));
  }
}

// UK postcode areas (the letters before the first digit).
const AREAS = new Set(
  'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'.split(' '),
);
const POSTCODE = /\b([A-Za-z]{1,2})(\d[A-Za-z\d]?) ?(\d[A-Za-z]{2})\b/g;

function findPostcodes(text: string, out: ContactHit[]): void {
  POSTCODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POSTCODE.exec(text))) {
    if (!AREAS.has(m[1].toUpperCase())) continue;
    // Lower-case look-alikes ("ks2 3rd") are common; a real postcode is usually written in capitals.
    if (m[0] !== m[0].toUpperCase() && !/^[a-z]{1,2}\d/.test(m[0])) continue;
    out.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  }
}

/**
 * Street types that are rarely anything else. Park, Court, Walk, Row, View… are left out: "98 Flair
 * Showcase Row" and "2064 Supreme Court" are not addresses.
 */
const STREET_TYPES = 'Road|Rd|Street|Lane|Avenue|Ave|Close|Drive|Crescent|Cres|Grove|Gardens|Gdns|Terrace|Mews';
const ADDRESS = new RegExp(`\\b\\d{1,4}[a-zA-Z]? (?:[A-Z][a-z'’-]{1,20} ){1,3}(?:${STREET_TYPES})\\b`, 'g');

function findAddresses(text: string, out: ContactHit[]): void {
  ADDRESS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADDRESS.exec(text))) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
}

export function findContactDetails(text: string): ContactHit[] {
  const out: ContactHit[] = [];
  findEmails(text, out);
  findPhones(text, out);
  findPostcodes(text, out);
  findAddresses(text, out);
  return out;
}

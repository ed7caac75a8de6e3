/**
 * Contact and location details in text: phone numbers, email addresses, UK postcodes and home
 * addresses. Every scan is linear: candidates come from patterns with bounded repeats, and emails are
 * found from their "@" outwards within bounded windows.
 *
 * Phone numbers: a person warning about their own number needs to know it *looks* like a number, not
 * that the range is allocated. A UK number in any written form (spaced, unspaced, hyphenated, dotted,
 * bracketed, +44, 0044, +44 (0), digits spaced out, or spelt out in words) counts when its digits make a
 * plausible UK number; libphonenumber decides international ones and says whether a UK one is valid.
 * Whose number it is comes from the words around it: see phone-owner.ts.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { phoneOwner, type PhoneOwner } from './phone-owner';

export type ContactKind = 'phone' | 'email' | 'postcode' | 'address';

export interface ContactHit {
  kind: ContactKind;
  start: number;
  end: number;
  /** Phones: the number belongs to the author, to someone else, or cannot be told. */
  owner?: PhoneOwner;
  /** Emails: a shared or role address (office@, pta@, info@…), not a person's own. */
  roleAddress?: boolean;
  /** Emails: the domain part, folded to lower case. */
  domain?: string;
}

/** Digits with the separators phone numbers are written with; "+" or "00" may lead. */
const PHONE_CANDIDATE = /\+?\(?\d[\d \u00a0().\-]{5,28}\d/g;
/** Words before a number that show it is an order, reference or account number, not a phone number. */
const NOT_A_PHONE_BEFORE =
  /\b(order|ref|reference|invoice|tracking|booking|account|acct|case|ticket|serial|policy|membership|customer|transaction|parcel|confirmation|id|meeting|passcode|pin|code|job|claim|application|isbn|no|#)(?:\s*(?:number|no\.?|num|#))?\W{0,3}$/i;

/**
 * The national form of a UK number ("07700900123"), or undefined when the digits are not one.
 * Accepts 0…, +44…, 0044… and +44 (0)….
 */
export function ukNationalDigits(written: string): string | undefined {
  let digits = written.replace(/\D/g, '');
  const plus = /^\s*\+/.test(written);
  if (plus || digits.startsWith('00')) {
    if (digits.startsWith('0044')) digits = digits.slice(4);
    else if (plus && digits.startsWith('44')) digits = digits.slice(2);
    else return undefined;
    if (digits.startsWith('0')) digits = digits.slice(1); // "+44 (0)7700…"
    digits = `0${digits}`;
  }
  if (!digits.startsWith('0') || digits.startsWith('00')) return undefined;
  // Mobiles and most landlines have 11 digits; a few small exchanges and 0800 numbers have 10.
  if (digits.length === 11) return /^0[1235789]/.test(digits) ? digits : undefined;
  if (digits.length === 10) return /^0(1\d{3}|800|500)/.test(digits) ? digits : undefined;
  return undefined;
}

/** Spaces, dots, dashes and brackets only in the places numbers are written with them. */
function writtenLikeAPhone(written: string): boolean {
  // Digits spaced out one by one ("0 7 7 0 0 9 0 0 1 2 3") or in groups; never a decimal such as "32.5 10.25".
  const groups = written.replace(/^\+/, '').split(/[ \u00a0().\-]+/).filter(Boolean);
  if (groups.length === 1) return groups[0].length <= 14; // "+447700900123", "00447700900123"
  return groups.length <= 11 && !groups.some((g) => g.length > 11);
}

function findPhones(text: string, out: ContactHit[]): void {
  PHONE_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_CANDIDATE.exec(text))) {
    let start = m.index;
    let written = m[0];
    // A bracket opened before the number ("(0113 496 0645)") is not part of it.
    if (written.startsWith('(') && !written.includes(')')) {
      written = written.slice(1);
      start += 1;
    }
    written = written.replace(/[ (.\-]+$/, '');
    const before = text.slice(Math.max(0, start - 24), start);
    if (NOT_A_PHONE_BEFORE.test(before) || /[£$€]\s?$/.test(before) || /[\d/:]$/.test(text.slice(0, start))) continue;
    if (/^[/:]/.test(text.slice(start + written.length))) continue; // a date or a time
    if (!writtenLikeAPhone(written)) continue;
    const uk = ukNationalDigits(written);
    let plausible = uk !== undefined;
    if (!plausible && /^\s*\+/.test(written)) {
      const parsed = parsePhoneNumberFromString(written);
      plausible = Boolean(parsed?.isPossible());
    }
    if (!plausible) continue;
    const end = start + written.length;
    out.push({ kind: 'phone', start, end, owner: phoneOwner(text, start, end) });
  }
}

const NUMBER_WORDS: Record<string, string> = {
  oh: '0', o: '0', zero: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};

/** Two number words in a row: the cheap test before reading a text word by word. */
const SPELT_START = /\b(?:oh|zero|nought|seven)[\s,.-]+(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)\b/i;

/** "oh seven seven oh oh, nine oh oh, two nine one": a number spelt out in words (with "double" and "triple"). */
function findSpeltPhones(text: string, out: ContactHit[]): void {
  if (!SPELT_START.test(text)) return;
  const word = /[A-Za-z]+/g;
  let run: { start: number; end: number; digits: string } | undefined;
  let repeat = 1;
  const flush = () => {
    if (run && ukNationalDigits(run.digits)) out.push({ kind: 'phone', start: run.start, end: run.end, owner: phoneOwner(text, run.start, run.end) });
    run = undefined;
    repeat = 1;
  };
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = word.exec(text))) {
    const w = m[0].toLowerCase();
    const gap = text.slice(lastEnd, m.index);
    if (run && !/^[\s,.-]*$/.test(gap)) flush();
    lastEnd = m.index + m[0].length;
    if (w === 'double' || w === 'triple') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    }
    const d = NUMBER_WORDS[w];
    if (d === undefined || (w === 'o' && !run)) {
      flush();
      continue;
    }
    run ??= { start: m.index, end: m.index, digits: '' };
    run.digits += d.repeat(repeat);
    run.end = lastEnd;
    repeat = 1;
    if (run.digits.length > 11) flush();
  }
  flush();
}

const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
/** Local parts of shared mailboxes: an office or a role, not a person. */
const ROLE_MAILBOX = /(^|[._-])(office|admin|info|enquiries|enquiry|reception|bookings|booking|hello|contact|pta|ptfa|friends|head|headteacher|sales|support|recruitment|hr|exams|finance|accounts|team|jobs|careers|admissions|governors|clerk|bursar|sendco|senco|safeguarding|dsl|attendance|absence|lettings|events|newsletter|noreply|no-reply|help)([._-]|\d*$)/i;
/** At a free mail provider, "hello@" or "bookings@" is someone's own business: only a group's name makes it shared. */
const FREE_MAIL = /^(gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|btinternet|sky|talktalk|virginmedia|protonmail|proton|gmx|mail)\./i;
const GROUP_MAILBOX = /(^|[._-])(pta|ptfa|friends|committee|club|fc|society|school|office|parents|association)([._-]|\d*$)/i;

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
      const local = text.slice(s, at);
      const roleAddress = FREE_MAIL.test(domain) ? GROUP_MAILBOX.test(local) : ROLE_MAILBOX.test(local);
      out.push({ kind: 'email', start: s, end: e, domain: domain.toLowerCase(), roleAddress });
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
/** A postcode given as somewhere else's: "venue postcode for satnav is NG22 8QY". */
const ELSEWHERE_BEFORE = /\b(venue|hotel|church|hall|centre|center|station|restaurant|pub|shop|office|school|hospital|stadium|arena|theatre|satnav|sat nav|parking|car park|meet at|meeting point|event)\b[^.!?\n]{0,30}$/i;

function findPostcodes(text: string, out: ContactHit[]): void {
  POSTCODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POSTCODE.exec(text))) {
    if (!AREAS.has(m[1].toUpperCase())) continue;
    // Lower-case look-alikes ("ks2 3rd") are common; a real postcode is usually written in capitals.
    if (m[0] !== m[0].toUpperCase() && !/^[a-z]{1,2}\d/.test(m[0])) continue;
    if (ELSEWHERE_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
    out.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  }
}

/**
 * Street types that are rarely anything else. Park, Court, Walk, Row, View… also name shops and
 * shows ("98 Flair Showcase Row", "2064 Supreme Court"), so they need a word that says an address
 * follows ("we're at 8 Cedar Row").
 */
const STREET_TYPES = 'Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Crescent|Cres|Grove|Gardens|Gdns|Terrace|Mews|Way|Rise|Mount|Fold|Croft|Garth|Wynd';
const LOOSE_STREET_TYPES = 'Row|Court|Ct|Walk|View|Park|Square|Sq|Gate|Meadow|Meadows|Heights|Fields|Place|Hill|Vale|Parade|Chase|Brow|Bank|Side|Green';
const HOUSE_ADDRESS = new RegExp(`\\b\\d{1,4}[a-zA-Z]? (?:[A-Z][a-z'’-]{1,20} ){1,3}(?:${STREET_TYPES})\\b`, 'g');
const LOOSE_HOUSE_ADDRESS = new RegExp(`\\b\\d{1,4}[a-zA-Z]? (?:[A-Z][a-z'’-]{1,20} ){1,3}(?:${LOOSE_STREET_TYPES})\\b`, 'g');
const AT_AN_ADDRESS = /\b(at|we're|were|we are|i'm|im|i am|it's|its|address|moved to|move to|live at|living at|house at|number|flat|round to|over to|come to|come round to)\W{0,3}$/i;
/** "I live on Quillbrook Road", "my drive on Fernlea Road", "my house on Ashdown Road": no house number needed. */
const LIVES_ON = new RegExp(
  `\\b(?:i live|we live|i'm living|we're living|living|i've moved|we've moved|my house|our house|my drive|our drive|my flat|our flat|my street|our street|my road|our road|my front door|our front door|my garden|our garden|outside my house|outside our house|i'm on|we're on)(?: is| are)? (?:on|in|at) ((?:[A-Z][a-z'’-]{1,20} ){1,3}(?:${STREET_TYPES}|${LOOSE_STREET_TYPES}))\\b`,
  'gi',
);

const LIVES_ON_HINT = /\b(?:live|living|moved|house|drive|flat|street|road|door|garden|i'm on|we're on)\b/i;

function findAddresses(text: string, out: ContactHit[]): void {
  let m: RegExpExecArray | null;
  if (!/\d/.test(text)) return findStreetLivedOn(text, out);
  HOUSE_ADDRESS.lastIndex = 0;
  while ((m = HOUSE_ADDRESS.exec(text))) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  LOOSE_HOUSE_ADDRESS.lastIndex = 0;
  while ((m = LOOSE_HOUSE_ADDRESS.exec(text))) {
    if (AT_AN_ADDRESS.test(text.slice(Math.max(0, m.index - 20), m.index))) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  findStreetLivedOn(text, out);
}

function findStreetLivedOn(text: string, out: ContactHit[]): void {
  if (!LIVES_ON_HINT.test(text)) return;
  let m: RegExpExecArray | null;
  LIVES_ON.lastIndex = 0;
  while ((m = LIVES_ON.exec(text))) {
    const street = m[1];
    // The street's own words must be capitalised as written (the pattern is case-blind for "I live").
    if (!/^[A-Z]/.test(street)) continue;
    const start = m.index + m[0].length - street.length;
    out.push({ kind: 'address', start, end: m.index + m[0].length });
  }
}

export function findContactDetails(text: string): ContactHit[] {
  const out: ContactHit[] = [];
  if (text.includes('@')) findEmails(text, out);
  if (/\d/.test(text)) {
    findPhones(text, out);
    findPostcodes(text, out);
  }
  findAddresses(text, out);
  findSpeltPhones(text, out);
  return out;
}

/** Whether libphonenumber knows the range: an allocated number rather than one merely well formed. */
export function isAllocatedUkNumber(written: string): boolean {
  const uk = ukNationalDigits(written);
  return Boolean(uk && parsePhoneNumberFromString(uk, 'GB')?.isValid());
}

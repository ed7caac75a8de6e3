/**
 * Pupil data that identifies a child in school systems: Unique Pupil Numbers (13 characters: a check
 * letter, the local authority's 3 digits, the school's 4, the year's 2, then 3 more; the check letter
 * from the DfE's modulo-23 rule) and NHS numbers (10 digits, the last a modulo-11 check digit). Each
 * is checked, so a random run of digits is not taken for one.
 */
export type PupilDataKind = 'upn' | 'nhs-number';

export interface PupilDataHit {
  kind: PupilDataKind;
  start: number;
  end: number;
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN = /\b([A-HJ-NP-RT-Z])(\d{11})([A-HJ-NP-RT-Z\d])\b/gi;

/** The DfE's check letter for the 12 characters after it (a temporary UPN ends in a letter worth its position). */
export function upnCheckLetter(rest: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest[i].toUpperCase();
    const v = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch);
    if (v < 0) return undefined;
    sum += v * (i + 2);
  }
  return UPN_LETTERS[sum % 23];
}

const NHS = /\b(\d{3})[ -]?(\d{3})[ -]?(\d{4})\b/g;
const NHS_CONTEXT = /\b(nhs|nhs no|nhs number|health number)\b/i;

export function nhsNumberValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export function findPupilData(text: string): PupilDataHit[] {
  const out: PupilDataHit[] = [];
  if (!/\d/.test(text)) return out;
  UPN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UPN.exec(text))) {
    if (upnCheckLetter(m[2] + m[3]) === m[1].toUpperCase()) out.push({ kind: 'upn', start: m.index, end: m.index + m[0].length });
  }
  NHS.lastIndex = 0;
  while ((m = NHS.exec(text))) {
    const digits = m[1] + m[2] + m[3];
    // Phone numbers start with 0; an NHS number written in one run needs the words "NHS number" near it.
    if (digits.startsWith('0') || !nhsNumberValid(digits)) continue;
    const grouped = m[0].length === 12;
    if (!grouped && !NHS_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

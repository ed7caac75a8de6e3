/**
 * Numbers and words that must never be posted: National Insurance numbers (with HMRC's rules for
 * the two-letter prefix and the final letter), payment card numbers (13–19 digits passing the Luhn
 * check, with a card network's leading digits), and log-ins or passwords given as such ("my
 * password is …", "login: …"). Linear scans with bounded patterns.
 */
export type SecretKind = 'national-insurance' | 'payment-card' | 'password';

export interface SecretHit {
  kind: SecretKind;
  start: number;
  end: number;
}

// HMRC: neither prefix letter is D, F, I, Q, U or V; the second is not O; some pairs are never used.
const NI = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/gi;
const NI_NEVER = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NI_CONTEXT = /\b(ni|n\.i\.|national insurance|nino|ni number|ni no)\b/i;

function findNationalInsurance(text: string, out: SecretHit[]): void {
  NI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NI.exec(text))) {
    const prefix = m[1].toUpperCase();
    if (NI_NEVER.has(prefix)) continue;
    // In capitals it is unmistakable; in lower case only when the words say so.
    const capitals = m[0] === m[0].toUpperCase();
    if (!capitals && !NI_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push({ kind: 'national-insurance', start: m.index, end: m.index + m[0].length });
  }
}

/** The Luhn check every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Visa 4…, Mastercard 51–55 and 2221–2720, Amex 34/37, Discover and UnionPay 6…, Maestro 50/56–58. */
const CARD_PREFIX = /^(4|5[0-8]|2[2-7]|3[47]|6)/;
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

function findCards(text: string, out: SecretHit[]): void {
  CARD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD.exec(text))) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !CARD_PREFIX.test(digits) || !luhnValid(digits)) continue;
    // Written in fours (or the 4-6-5 of Amex), or in one run: not a string of phone-like groups.
    const groups = m[0].split(/[ -]/);
    if (groups.length > 1 && !groups.every((g) => g.length >= 4 && g.length <= 6)) continue;
    out.push({ kind: 'payment-card', start: m.index, end: m.index + m[0].length });
  }
}

/** "my password is Sunflower22", "login: jsmith1", "the wifi password's …": the secret after the words. */
const PASSWORD =
  /\b(?:pass ?words?|passcode|pass code|pin(?: number)?|log ?-?ins?|user ?names?|pw|pwd)(?:'s| is| was| =|:| for [a-z ]{1,20} is)\s*["“']?([^\s"”']{3,64})/gi;
/** Words after "password is" that are not a password: "my password is wrong", "is in the drawer". */
const NOT_A_SECRET = new Set(
  ('in on the a an at so too not still wrong incorrect expired changed being my your our their same different easy hard long short ' +
    'written saved somewhere there here now always never just really stupid rubbish case sensitive required needed locked reset ' +
    'forgotten working broken what which why how when where that this').split(' '),
);

function findPasswords(text: string, out: SecretHit[]): void {
  PASSWORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PASSWORD.exec(text))) {
    const secret = m[1].replace(/[.,!?;:)]+$/, '');
    if (secret.length < 3 || NOT_A_SECRET.has(secret.toLowerCase())) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'password', start, end: start + secret.length });
  }
}

export function findSecrets(text: string): SecretHit[] {
  const out: SecretHit[] = [];
  if (/\d/.test(text)) {
    findNationalInsurance(text, out);
    findCards(text, out);
  }
  if (/pass|pin|log|user|pw/i.test(text)) findPasswords(text, out);
  return out;
}

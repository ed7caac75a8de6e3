/**
 * derogatory: insults, profanity (also abbreviated: ffs, wtaf), threats, and discriminatory remarks
 * without slurs; high when aimed at the school community (a roster name, the school, or words such
 * as "parents", "my class", "the head" in the same post), medium otherwise.
 *
 * - profanity and slurs: the obscenity list (detectors/profanity.ts);
 * - insults and threats: derogatory.json (British slang and its spellings; weaker words such as
 *   "useless" only when aimed at the school community);
 * - a threat spelt out: "I'll" / "I'm going to" / "I swear" followed within a few words by a
 *   violent verb ("I swear I'll flatten him");
 * - a stereotype of a group (derogatory-stereotypes.json), some on their own ("come over here and"),
 *   most only with a group in the post (derogatory-groups.json: "immigrants", "these people").
 */
import { quote, type Analysis, type RawFinding } from '../analysis';
import { findProfanity } from '../detectors/profanity';
import type { Token } from '../tokenise';

/** Ways of saying "I am about to" before a threat, as folded token sequences. */
const THREAT_OPENERS: string[][] = [
  ['i', 'll'], ['ill'], ['i', 'will'], ['i', 'm', 'going', 'to'], ['im', 'going', 'to'], ['i', 'am', 'going', 'to'], ['i', 'm', 'gonna'], ['im', 'gonna'],
  ['i', 'swear'], ['i', 'd'], ['gonna'], ['going', 'to'],
];
/** Violent verbs that make a threat after an opener. */
const VIOLENT = new Set([
  'flatten', 'batter', 'deck', 'lamp', 'punch', 'slap', 'smack', 'strangle', 'throttle', 'kill', 'murder', 'stab', 'glass', 'knock', 'smash', 'kick',
  'hurt', 'thump', 'headbutt', 'kneecap', 'leather', 'wallop', 'bury', 'choke', 'shoot', 'strangle', 'twat', 'brain', 'deck', 'floor', 'end',
]);
/** Words after the verb that make it harmless ("I'll kill for a coffee", "gonna smash it"). */
/** First words of the openers, checked before trying each opener. */
const OPENER_STARTS = new Set(THREAT_OPENERS.map((seq) => seq[0]));
const HARMLESS_AFTER = new Set(['for', 'it', 'time', 'two', 'the', 'that', 'this', 'my', 'some', 'a', 'an', 'off', 'up', 'in', 'on', 'of']);
const THREAT_WINDOW = 4;

function startsWith(tokens: readonly Token[], i: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (tokens[i + k]?.norm !== seq[k] || (k > 0 && tokens[i + k].newlineBefore)) return false;
  return true;
}

/** "I'll flatten him", "I swear down I'll put them through…": opener, then a violent verb aimed at someone. */
export function findThreats(tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let reach = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i <= reach || !OPENER_STARTS.has(tokens[i].norm)) continue;
    const opener = THREAT_OPENERS.find((seq) => startsWith(tokens, i, seq));
    if (!opener) continue;
    const from = i + opener.length;
    for (let j = from; j < Math.min(tokens.length, from + THREAT_WINDOW); j++) {
      if (tokens[j].newlineBefore) break;
      if (!VIOLENT.has(tokens[j].norm)) continue;
      const after = tokens[j + 1];
      if (!after || after.newlineBefore || HARMLESS_AFTER.has(after.norm)) break;
      // Aimed at someone: a person word right after ("him", "them", "that dad", "you").
      if (!/^(him|her|them|you|ya|u|he|she|they|someone|that|whoever|his|their|your|every|all|the)$/.test(after.norm)) break;
      out.push({ start: tokens[i].start, end: after.end });
      reach = j + 1;
      break;
    }
  }
  return out;
}

export function derogatory(a: Analysis): RawFinding[] {
  const targeted =
    a.terms.some((h) => h.value.list === 'community-targets' || h.value.list === 'school') ||
    a.names.some((n) => n.form !== 'first' || a.aboutSchool);
  const severity = targeted ? 'high' : 'medium';
  const aim = targeted ? ', aimed at your school community' : '';
  const out: RawFinding[] = [];
  const add = (start: number, end: number, what: string) =>
    out.push({ rule: 'derogatory', severity, start, end, message: `${quote(a, start, end)} ${what}${aim}.` });

  for (const s of a.profanity ?? findProfanity(a.text)) {
    // A roster name is never profanity (Dick Turpin, a pupil called Reddick).
    if (a.names.some((n) => n.start < s.end && s.start < n.end)) continue;
    add(s.start, s.end, 'is offensive language');
  }
  const group = a.terms.find((h) => h.value.list === 'derogatory-groups');
  for (const h of a.terms) {
    const list = h.value.list;
    if (list === 'derogatory') {
      if (h.value.contextual && !targeted) continue;
      add(h.start, h.end, 'is insulting or threatening');
    } else if (list === 'derogatory-stereotypes') {
      if (h.value.contextual && !group) continue;
      const who = group ? ` about ${quote(a, group.start, group.end)}` : '';
      add(h.start, h.end, `is a stereotype or put-down of a group of people${who}`);
    }
  }
  for (const t of a.threats ?? findThreats(a.tokens)) add(t.start, t.end, 'reads as a threat');
  return out;
}

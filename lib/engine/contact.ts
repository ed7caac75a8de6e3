/**
 * pupil-contact: is the person behind a friend, follow or message request (or a profile, or a chat)
 * someone on the school's rosters? Display names are noisy: emojis, decorations, handles such as
 * @jack_smith07, nicknames, a surname left out. The same name index reads them as it reads posts.
 *
 * What counts: a pupil named in a strong form (full name, initial + surname, first name + initial,
 * the name run together, a listed nickname) is a "hold"; a former pupil or a parent is a "caution".
 * A first name alone is never enough for either: too many people share one.
 */
import type { Severity } from '../policy/rule-ids';
import type { CompiledPolicy } from './compile';
import { isStrongName } from './analysis';
import type { NameHit, RosterGroup } from './names/name-index';
import { RULES } from './rules/catalogue';
import { describeForm } from './rules/name-mentions';
import { tokenise } from './tokenise';

export type ContactGroup = Exclude<RosterGroup, 'staff'>;

export interface ContactMatch {
  group: ContactGroup;
  /** "hold": a pupil, the click waits for the person's choice; "caution": a badge only. */
  action: 'hold' | 'caution';
  severity: Severity;
  /** What the badge says, short. */
  label: string;
  message: string;
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
  /** The words of the display name or handle that matched, for "this isn't a pupil". */
  evidence: string;
}

const GROUP_ORDER: Record<ContactGroup, number> = { pupil: 0, formerPupil: 1, parent: 2 };
const WHO: Record<ContactGroup, string> = { pupil: 'a pupil', formerPupil: 'a former pupil', parent: 'a parent or carer' };
const LABEL: Record<ContactGroup, string> = { pupil: 'Pupil at your school', formerPupil: 'Former pupil', parent: 'Parent or carer' };

/** "@jack_smith07" → "jack smith" and "jacksmith": digits and separators are decoration in handles. */
function handleForms(handle: string): string[] {
  const bare = handle.replace(/^@+/, '').replace(/\d+/g, ' ').replace(/[._\-]+/g, ' ').trim();
  if (!bare) return [];
  return [bare, bare.replace(/\s+/g, '')];
}

/** Pages may show a name in several places, joined with " | ": quote the one that matched. */
function partAround(text: string, at: number): string {
  const start = text.lastIndexOf(' | ', at);
  const end = text.indexOf(' | ', at);
  return text.slice(start < 0 ? 0 : start + 3, end < 0 ? undefined : end).trim();
}

function strongHits(compiled: CompiledPolicy, text: string): { hit: NameHit; text: string }[] {
  const tokens = tokenise(text);
  return compiled.names
    // A display name is complete: "Jack S" at its end is an initial, not a surname being typed.
    .find(tokens)
    .filter((h): h is NameHit & { group: ContactGroup } => h.group !== 'staff' && isStrongName(h))
    .map((hit) => ({ hit, text }));
}

/** The strongest roster match for a displayed name and handle: pupils before former pupils before parents. */
function bestHit(compiled: CompiledPolicy, name: string, handle: string): { hit: NameHit; text: string } | undefined {
  const hits = [name, ...handleForms(handle.slice(0, 100))].flatMap((t) => (t ? strongHits(compiled, t) : []));
  hits.sort((a, b) => GROUP_ORDER[a.hit.group as ContactGroup] - GROUP_ORDER[b.hit.group as ContactGroup]);
  return hits[0];
}

/** Which roster a person shown by name (a chat's header, say) is on, if any; a first name alone is nobody. */
export function rosterGroupOf(compiled: CompiledPolicy, displayName: string, handle = ''): ContactGroup | undefined {
  return bestHit(compiled, String(displayName ?? '').slice(0, 200), String(handle ?? ''))?.hit.group as ContactGroup | undefined;
}

/**
 * Who, on the rosters, a displayed name (and handle, if the page shows one) belongs to; undefined
 * when nobody, or only a first name, matches.
 */
export function matchContact(compiled: CompiledPolicy, displayName: string, handle = ''): ContactMatch | undefined {
  const settings = compiled.policy.rules?.['pupil-contact'];
  if (settings?.enabled === false) return undefined;
  const name = String(displayName ?? '').slice(0, 200);
  const best = bestHit(compiled, name, String(handle ?? ''));
  if (!best) return undefined;
  const { hit, text } = best;
  const group = hit.group as ContactGroup;
  const rule = RULES['pupil-contact'];
  const severity: Severity = settings?.severity ?? (group === 'pupil' ? 'high' : 'medium');
  const shown = text === name ? partAround(name, hit.start) : `@${String(handle).replace(/^@+/, '')}`;
  const url = compiled.policy.policyUrl;
  return {
    group,
    action: group === 'pupil' ? 'hold' : 'caution',
    severity,
    label: LABEL[group],
    message: `“${shown.length > 60 ? shown.slice(0, 59) + '…' : shown}” ${describeForm(hit, 'matches the name of')} ${WHO[group]} on your school’s roster.`,
    clause: { text: settings?.clause ?? rule.clause, bySchool: settings?.clause !== undefined, ...(url ? { url } : {}) },
    advice:
      group === 'pupil'
        ? rule.advice
        : 'Your school’s policy asks for care with former pupils and with parents: keep contact professional, and check with your designated safeguarding lead if unsure.',
    evidence: text.slice(hit.start, hit.end),
  };
}

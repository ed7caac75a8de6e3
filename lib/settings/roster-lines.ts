/**
 * A roster typed one person a line, as the options page shows it:
 *
 *   Thomas Smith (Tom, Tommy)        nicknames in brackets
 *   Sarah Jones - Headteacher        staff only: a job title after " - "
 *
 * Parsing never drops a line silently: a line it cannot read is reported with its number and why.
 */
import type { StaffMember } from '../policy/schema';

export type RosterKindName = 'pupils' | 'staff' | 'formerPupils' | 'parents';

export interface LineProblem {
  /** 1-based line number in the text box. */
  line: number;
  message: string;
}

export interface ParsedLines {
  people: StaffMember[];
  /** The line number each person came from, index for index. */
  lines: number[];
  problems: LineProblem[];
}

const ROLE_SEPARATOR = /\s+[-–—]\s+/;

function splitList(inside: string): string[] {
  return inside
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseLine(raw: string, kind: RosterKindName): StaffMember | string {
  const line = raw.trim().replace(/\s+/g, ' ');
  const [namePart, ...roleParts] = line.split(ROLE_SEPARATOR);
  const role = roleParts.join(' - ').trim();
  if (role && kind !== 'staff') return `Only staff have a job title: remove “ - ${role}” or put this person in the staff list.`;
  const open = namePart.indexOf('(');
  const close = namePart.lastIndexOf(')');
  if ((open === -1) !== (close === -1) || close < open) return 'Brackets do not match: write nicknames as “Thomas Smith (Tom, Tommy)”.';
  const name = (open === -1 ? namePart : namePart.slice(0, open)).trim();
  const after = open === -1 ? '' : namePart.slice(close + 1).trim();
  if (after) return `Nothing can follow the nicknames in brackets; found “${after}”.`;
  if (!name) return 'No name before the brackets.';
  if (name.includes(',')) {
    const [last, first] = name.split(',').map((s) => s.trim());
    return `“${name}” has a comma. Write the name first name first, as school uses it, for example “${first || 'Jack'} ${last || 'Smith'}”.`;
  }
  if (!/\p{L}/u.test(name)) return `“${name}” has no letters, so it cannot be a name.`;
  const person: StaffMember = { name };
  const aliases = open === -1 ? [] : splitList(namePart.slice(open + 1, close));
  if (aliases.length) person.aliases = aliases;
  if (role) person.role = role;
  return person;
}

export function parseRosterLines(text: string, kind: RosterKindName): ParsedLines {
  const people: StaffMember[] = [];
  const lines: number[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = parseLine(raw, kind);
    if (typeof parsed === 'string') problems.push({ line: i + 1, message: parsed });
    else {
      people.push(parsed);
      lines.push(i + 1);
    }
  });
  return { people, lines, problems };
}

export function formatPerson(p: StaffMember): string {
  let line = p.name ?? '';
  if (p.aliases?.length) line += ` (${p.aliases.join(', ')})`;
  if (p.role) line += ` - ${p.role}`;
  return line;
}

/** People with a plain name, one a line; hashed entries cannot be shown as names. */
export function formatRosterLines(people: readonly StaffMember[]): string {
  return people
    .filter((p) => p.name !== undefined)
    .map(formatPerson)
    .join('\n');
}

/** Adds imported people to the text, skipping names already on it (any case). */
export function addPeopleToLines(text: string, incoming: readonly StaffMember[], kind: RosterKindName): { text: string; added: number; alreadyThere: number } {
  const existing = new Set(parseRosterLines(text, kind).people.map((p) => p.name!.toLowerCase()));
  const lines: string[] = [];
  let alreadyThere = 0;
  for (const p of incoming) {
    if (p.name === undefined) continue;
    const key = p.name.toLowerCase();
    if (existing.has(key)) {
      alreadyThere++;
      continue;
    }
    existing.add(key);
    lines.push(formatPerson(kind === 'staff' ? p : { name: p.name, aliases: p.aliases }));
  }
  const base = text.replace(/\s+$/, '');
  return { text: [base, ...lines].filter(Boolean).join('\n'), added: lines.length, alreadyThere };
}

/**
 * Which column of an MIS export holds what. SIMS, Arbor, Bromcom and Scholarpack all name their
 * columns differently ("Forename", "Legal forename", "First name", "Preferred surname", "Name"...),
 * so headers are compared with case, spaces and punctuation removed, and a header may carry a prefix
 * saying whose column it is ("Pupil forename", "Contact surname").
 *
 * Only names (and a member of staff's job title and title) are ever taken from a file. Everything else a report
 * may hold (dates of birth, UPNs, addresses) is left behind.
 */
import type { RosterKind } from './import-roster';

export type ColumnRole =
  | 'preferredFirst'
  | 'legalFirst'
  | 'preferredLast'
  | 'legalLast'
  | 'fullName'
  | 'role'
  /** A member of staff's title (Mr, Mrs, Dr): it tells the engine "Mrs Evans" is not Mr Evans. */
  | 'title'
  /** "Preferred name": a forename beside a surname column (Bromcom, Arbor), a whole name alone. */
  | 'preferredName'
  /** Recognised, deliberately not used: form groups, year groups, middle names (and titles outside staff lists). */
  | 'ignored';

/** Normalised header → role. Normalised = lower case, letters and digits only. */
const ROLES: Record<string, ColumnRole> = {
  preferredforename: 'preferredFirst',
  preferredfirstname: 'preferredFirst',
  preferredgivenname: 'preferredFirst',
  knownas: 'preferredFirst',
  chosenforename: 'preferredFirst',
  chosenname: 'preferredFirst',
  legalforename: 'legalFirst',
  legalforenames: 'legalFirst',
  legalfirstname: 'legalFirst',
  forename: 'legalFirst',
  forenames: 'legalFirst',
  firstname: 'legalFirst',
  firstnames: 'legalFirst',
  givenname: 'legalFirst',
  givennames: 'legalFirst',
  preferredsurname: 'preferredLast',
  preferredlastname: 'preferredLast',
  preferredfamilyname: 'preferredLast',
  legalsurname: 'legalLast',
  legallastname: 'legalLast',
  surname: 'legalLast',
  lastname: 'legalLast',
  familyname: 'legalLast',
  preferredname: 'preferredName',
  name: 'fullName',
  fullname: 'fullName',
  legalname: 'fullName',
  displayname: 'fullName',
  role: 'role',
  roles: 'role',
  jobtitle: 'role',
  jobrole: 'role',
  post: 'role',
  posttitle: 'role',
  position: 'role',
  staffrole: 'role',
  title: 'title',
  honorific: 'title',
  salutation: 'title',
  middlename: 'ignored',
  middlenames: 'ignored',
  reggroup: 'ignored',
  registrationgroup: 'ignored',
  regform: 'ignored',
  form: 'ignored',
  formgroup: 'ignored',
  tutorgroup: 'ignored',
  class: 'ignored',
  year: 'ignored',
  yeargroup: 'ignored',
  ncyear: 'ignored',
};

/** Prefixes naming whose column it is. A parents' export often carries the pupil's name too. */
const PUPIL_PREFIXES = ['pupil', 'student', 'child', 'learner'];
const PARENT_PREFIXES = ['parentcarer', 'parent', 'carer', 'contact', 'guardian'];
const STAFF_PREFIXES = ['staff', 'employee', 'member'];

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function ownPrefixes(kind: RosterKind): string[] {
  if (kind === 'parents') return PARENT_PREFIXES;
  if (kind === 'staff') return STAFF_PREFIXES;
  return PUPIL_PREFIXES;
}

function otherPrefixes(kind: RosterKind): string[] {
  const all = [...PUPIL_PREFIXES, ...PARENT_PREFIXES, ...STAFF_PREFIXES];
  const own = new Set(ownPrefixes(kind));
  return all.filter((p) => !own.has(p));
}

export interface ColumnMatch {
  role: ColumnRole;
  /** Whether the header named this roster's kind ("Pupil forename"): such columns beat bare ones. */
  prefixed: boolean;
}

/** What one header means for this kind of roster, or undefined when it is not a name column. */
export function matchHeader(header: string, kind: RosterKind): ColumnMatch | undefined {
  const h = normaliseHeader(header);
  if (ROLES[h]) return { role: ROLES[h], prefixed: false };
  for (const p of otherPrefixes(kind)) {
    if (h.startsWith(p) && ROLES[h.slice(p.length)]) return { role: 'ignored', prefixed: false };
  }
  for (const p of ownPrefixes(kind)) {
    if (h.startsWith(p) && ROLES[h.slice(p.length)]) return { role: ROLES[h.slice(p.length)], prefixed: true };
  }
  return undefined;
}

export type ColumnMap = Partial<Record<Exclude<ColumnRole, 'ignored' | 'preferredName'>, number>>;

/**
 * The columns to use, by role. When a role is named twice ("Forename" and "Pupil forename"), the
 * prefixed one wins, then the first.
 */
export function mapColumns(headers: readonly string[], kind: RosterKind): ColumnMap {
  const map: ColumnMap & { preferredName?: number } = {};
  const prefixed: Partial<Record<ColumnRole, boolean>> = {};
  headers.forEach((header, index) => {
    const m = matchHeader(header, kind);
    if (!m || m.role === 'ignored') return;
    if ((m.role === 'role' || m.role === 'title') && kind !== 'staff') return;
    if (map[m.role] === undefined || (m.prefixed && !prefixed[m.role])) {
      map[m.role] = index;
      prefixed[m.role] = m.prefixed;
    }
  });
  const { preferredName, ...out } = map;
  if (preferredName !== undefined) {
    if (out.preferredLast !== undefined || out.legalLast !== undefined) out.preferredFirst ??= preferredName;
    else out.fullName ??= preferredName;
  }
  return out;
}

/** Whether a header row has enough to build names from. */
export function hasNameColumns(map: ColumnMap): boolean {
  const first = map.preferredFirst !== undefined || map.legalFirst !== undefined;
  const last = map.preferredLast !== undefined || map.legalLast !== undefined;
  return (first && last) || map.fullName !== undefined;
}

/** For the error message: the headers an import can use, in plain words. */
export const USABLE_HEADERS =
  'a forename column (Forename, First name, Legal forename, Preferred forename, Known as) with a surname column ' +
  '(Surname, Last name, Legal surname, Preferred surname), or one full-name column (Name, Full name, Pupil name, ' +
  'written "Forename Surname" or "Surname, Forename")';

/** The column whose header matches `name` (case, spaces and punctuation ignored), if any. */
export function findColumn(headers: readonly string[], name: string): number | undefined {
  const want = normaliseHeader(name);
  const i = headers.findIndex((h) => normaliseHeader(h) === want);
  return i < 0 ? undefined : i;
}

/** Headers only a pupil list has, and headers only a staff list has. */
const PUPIL_ONLY = new Set(['upn', 'uniquepupilnumber', 'formerupn', 'uln', 'ncyear', 'yeargroup', 'admissiondate', 'dateofadmission']);
const STAFF_ONLY_ROLES = new Set(Object.entries(ROLES).filter(([, role]) => role === 'role').map(([h]) => h));

/**
 * A column that says the file is the other kind of list: a job title in a pupils file, a UPN or year
 * group in a staff file (the two files given the wrong way round).
 */
export function otherKindColumn(headers: readonly string[], kind: RosterKind): { header: string; looksLike: string } | undefined {
  for (const header of headers) {
    const h = normaliseHeader(header);
    if ((kind === 'pupils' || kind === 'formerPupils') && STAFF_ONLY_ROLES.has(h)) return { header: header.trim(), looksLike: 'members of staff' };
    if (kind === 'staff' && PUPIL_ONLY.has(h)) return { header: header.trim(), looksLike: 'pupils' };
  }
  return undefined;
}

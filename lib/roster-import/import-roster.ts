/**
 * Importing a roster from a CSV exported by the school's MIS (SIMS, Arbor, Bromcom, Scholarpack...).
 * Pure TypeScript with no Node imports: the options page runs it on the device too.
 *
 * The rules, so that nothing is ever dropped silently:
 * - The header row is the first row (of the first ten) whose headers name a forename and a surname
 *   column, or one full-name column. Rows above it (a report title, a date) are skipped with a note.
 * - Blank rows are passed over. A row with no forename or no surname is skipped and reported by its row
 *   number (as a spreadsheet shows it, the first row of the file being row 1).
 * - The import fails, with one message, when the file has no usable rows, or when so many rows cannot
 *   be read (more than half, or more than a fifth and at least five) that it is a wrong file or a wrong
 *   layout, not a few bad rows. One bad row in four is a few bad rows.
 * - A pupils file with a job-title column, or a staff file with a UPN column, is refused: the files
 *   were probably given the wrong way round.
 * - With `splitBy` (a trust-wide export), people are grouped by that column's value, one group per
 *   school, and duplicates are only merged within a school.
 * - The same person twice (case and accents ignored) is merged into one entry, with a note.
 * - Preferred names are the person's name; where the legal name differs it is kept as an alias.
 * - Only names, and a member of staff's job title, are taken. Other columns are never copied.
 */
import Papa from 'papaparse';
import type { StaffMember } from '../policy/schema';
import { findColumn, hasNameColumns, mapColumns, otherKindColumn, USABLE_HEADERS, type ColumnMap } from './columns';
import { fold, nameVariants, splitFullName, tidy } from './names';

export type RosterKind = 'pupils' | 'staff' | 'formerPupils' | 'parents';
export interface RowProblem {
  row: number;
  message: string;
}
export interface RosterGroup {
  /** The value of the `splitBy` column, e.g. the school's name. */
  name: string;
  people: StaffMember[];
}
export type RosterImport =
  | { ok: true; people: StaffMember[]; skipped: RowProblem[]; notes: string[]; columns: string[]; groups?: RosterGroup[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** A column (such as "School") whose value splits the people into groups. */
  splitBy?: string;
}

/** More bad rows than this share of the data rows (and at least MIN_BAD_ROWS of them) fails the whole import. */
export const MAX_BAD_SHARE = 0.2;
export const MIN_BAD_ROWS = 5;

/** Whether this many bad rows means a wrong file or layout rather than a few bad rows. */
export function tooManyBadRows(bad: number, rows: number): boolean {
  return bad * 2 > rows || (bad > rows * MAX_BAD_SHARE && bad >= MIN_BAD_ROWS);
}
const HEADER_SEARCH_ROWS = 10;

const KIND_WORDS: Record<RosterKind, string> = {
  pupils: 'pupil',
  staff: 'member of staff',
  formerPupils: 'former pupil',
  parents: 'parent or carer',
};

const KIND_PLURALS: Record<RosterKind, string> = {
  pupils: 'pupils',
  staff: 'members of staff',
  formerPupils: 'former pupils',
  parents: 'parents and carers',
};

function guessDelimiter(text: string): string {
  const sample = text.split(/\r\n|\n|\r/).filter((l) => l.trim()).slice(0, HEADER_SEARCH_ROWS).join('\n');
  const count = (d: string) => sample.split(d).length - 1;
  const candidates = [',', '\t', ';'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Built {
  person: StaffMember;
  legalAliases: number;
  order?: 'surname-comma' | 'surname-capitals';
}

function buildPerson(row: string[], cols: ColumnMap, kind: RosterKind): Built | string {
  const cell = (i: number | undefined) => (i === undefined ? '' : tidy(row[i]));
  const prefFirst = cell(cols.preferredFirst);
  const legalFirst = cell(cols.legalFirst);
  const prefLast = cell(cols.preferredLast);
  const legalLast = cell(cols.legalLast);
  let first = prefFirst || legalFirst;
  let last = prefLast || legalLast;
  let order: Built['order'];
  let split: ReturnType<typeof splitFullName>;
  if ((!first || !last) && cols.fullName !== undefined && cell(cols.fullName)) {
    split = splitFullName(cell(cols.fullName));
    if (!split) return `has one name only (“${cell(cols.fullName)}”), not a forename and a surname.`;
    ({ first, last, order } = split);
  }
  if (!first && !last) return 'has no name.';
  if (!first) return `has a surname (“${last}”) but no forename.`;
  if (!last) return `has a forename (“${first}”) but no surname.`;
  const name = `${first} ${last}`;
  const aliases = nameVariants(name, [first, legalFirst, prefFirst], [last, legalLast, prefLast]);
  const person: StaffMember = { name };
  if (aliases.length) person.aliases = aliases;
  const role = kind === 'staff' ? cell(cols.role) : '';
  if (role) person.role = role;
  const title = kind === 'staff' ? (cell(cols.title) || split?.title || '').replace(/\.$/, '') : '';
  if (title) person.title = title;
  return { person, legalAliases: aliases.length, order };
}

function merge(into: StaffMember, other: StaffMember): void {
  const seen = new Set([fold(into.name!), ...(into.aliases ?? []).map(fold)]);
  for (const a of other.aliases ?? []) {
    if (!seen.has(fold(a))) {
      (into.aliases ??= []).push(a);
      seen.add(fold(a));
    }
  }
  if (other.role && !into.role?.split(' / ').includes(other.role)) into.role = into.role ? `${into.role} / ${other.role}` : other.role;
}

export function importRoster(csvText: string, kind: RosterKind, fileLabel: string, options: ImportOptions = {}): RosterImport {
  const text = csvText.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, error: `${fileLabel}: the file is empty.` };
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  const rows = parsed.data;
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return {
      ok: false,
      error: `${fileLabel}: row ${row} opens a quote with a quotation mark that is never closed, so the rest of the file cannot be read. Check that row in a spreadsheet and save the file as CSV again.`,
    };
  }

  // The header row: the first of the first few rows that names usable columns.
  let headerIndex = -1;
  let cols: ColumnMap = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const candidate = mapColumns(rows[i], kind);
    if (hasNameColumns(candidate)) {
      headerIndex = i;
      cols = candidate;
      break;
    }
  }
  if (headerIndex < 0) {
    // The likeliest header row: the fullest of the first rows (a title line above it has one cell).
    const filled = (r: string[]) => r.filter((c) => c.trim()).length;
    let likely = 0;
    for (let i = 1; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) if (filled(rows[i]) > filled(rows[likely])) likely = i;
    const found = rows[likely].map((h) => h.trim()).filter(Boolean);
    return {
      ok: false,
      error:
        `${fileLabel}: cannot find the name columns of this ${KIND_WORDS[kind]} list. ` +
        `Headers found (row ${likely + 1}): ${found.map((h) => `"${h}"`).join(', ') || 'none'}. ` +
        `Second Look can use ${USABLE_HEADERS}. Rename a column in a spreadsheet, or export the report with those columns.`,
    };
  }

  const header = rows[headerIndex];
  const other = otherKindColumn(header, kind);
  if (other) {
    return {
      ok: false,
      error:
        `${fileLabel}: this file has a “${other.header}” column, so it looks like a list of ${other.looksLike}, not of ${KIND_PLURALS[kind]}. ` +
        `Were the files given the wrong way round (--pupils and --staff)? Nothing was imported.`,
    };
  }
  let splitColumn: number | undefined;
  if (options.splitBy !== undefined) {
    splitColumn = findColumn(header, options.splitBy);
    if (splitColumn === undefined) {
      return {
        ok: false,
        error: `${fileLabel}: there is no “${options.splitBy}” column to split by. Headers found (row ${headerIndex + 1}): ${header.map((h) => `“${h.trim()}”`).filter((h) => h !== '“”').join(', ')}.`,
      };
    }
  }
  const notes: string[] = [];
  const skipped: RowProblem[] = [];
  const preamble = rows.slice(0, headerIndex).filter((r) => !isBlank(r)).length;
  if (preamble) notes.push(`Skipped ${plural(preamble, 'line')} above the header row (row ${headerIndex + 1}), such as a report title.`);

  const people: StaffMember[] = [];
  const groups = new Map<string, StaffMember[]>();
  const byName = new Map<string, { person: StaffMember; row: number }>();
  const duplicates: string[] = [];
  let dataRows = 0;
  let withLegalAlias = 0;
  const orders = new Set<string>();
  // Papa leaves a final empty record after a trailing line break; it is a blank row like any other.
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row)) continue;
    dataRows++;
    const rowNo = i + 1;
    const extra = row.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      skipped.push({ row: rowNo, message: `has ${row.length} values but the header row has ${header.length} columns. Is there a name with a comma in it that needs quotation marks?` });
      continue;
    }
    const built = buildPerson(row, cols, kind);
    if (typeof built === 'string') {
      skipped.push({ row: rowNo, message: built });
      continue;
    }
    const group = splitColumn === undefined ? '' : tidy(row[splitColumn]);
    if (splitColumn !== undefined && !group) {
      skipped.push({ row: rowNo, message: `has nothing in the “${header[splitColumn].trim()}” column, so it belongs to no school.` });
      continue;
    }
    if (built.order) orders.add(built.order);
    const key = `${group}\u0000${fold(built.person.name!)}`;
    const earlier = byName.get(key);
    if (earlier) {
      merge(earlier.person, built.person);
      duplicates.push(`${built.person.name} (rows ${earlier.row} and ${rowNo})`);
      continue;
    }
    if (built.legalAliases) withLegalAlias++;
    byName.set(key, { person: built.person, row: rowNo });
    people.push(built.person);
    if (splitColumn !== undefined) {
      const list = groups.get(group);
      if (list) list.push(built.person);
      else groups.set(group, [built.person]);
    }
  }

  if (!people.length) {
    const why = skipped.length ? ` ${plural(skipped.length, 'row')} could not be read, for example row ${skipped[0].row}: it ${skipped[0].message}` : '';
    return { ok: false, error: `${fileLabel}: no ${KIND_WORDS[kind]} names found below the header row (row ${headerIndex + 1}).${why}` };
  }
  if (tooManyBadRows(skipped.length, dataRows)) {
    const list = skipped.slice(0, 5).map((p) => `row ${p.row}`).join(', ');
    return {
      ok: false,
      error:
        `${fileLabel}: ${skipped.length} of ${dataRows} rows have no usable name (${list}${skipped.length > 5 ? ', …' : ''}), ` +
        `too many for a few bad rows. This looks like the wrong file or a layout Second Look misreads; nothing was imported. ` +
        `Columns used: ${usedColumns(header, cols).join(', ')}.`,
    };
  }

  if (duplicates.length) notes.push(`Merged ${plural(duplicates.length, 'repeated name')} into one entry each: ${duplicates.join('; ')}.`);
  if (withLegalAlias) notes.push(`${plural(withLegalAlias, 'person has', 'people have')} a preferred name; their legal name is kept as an alias.`);
  if (orders.has('surname-comma')) notes.push('Read full names written “Surname, Forename”.');
  if (orders.has('surname-capitals')) notes.push('Read full names written “SURNAME Forename”.');
  const unused = header.map((h) => h.trim()).filter((h, i) => h && i !== splitColumn && !Object.values(cols).includes(i));
  if (unused.length) notes.push(`Not taken from the file: ${unused.map((h) => `"${h}"`).join(', ')} (only names${kind === 'staff' ? ', titles and job titles' : ''} are used).`);

  const result: RosterImport = { ok: true, people, skipped, notes, columns: usedColumns(header, cols) };
  if (splitColumn !== undefined) result.groups = [...groups].map(([name, list]) => ({ name, people: list }));
  return result;
}

function usedColumns(header: string[], cols: ColumnMap): string[] {
  return [...new Set(Object.values(cols))].sort((a, b) => a - b).map((i) => header[i].trim());
}

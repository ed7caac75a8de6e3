/**
 * The archive checker's list, as data: sorting, filtering and the CSV export. Pure, so it is tested
 * in Node; the page only renders what these return.
 */
import Papa from 'papaparse';
import { RULES } from '../engine/rules/catalogue';
import type { Severity } from '../policy/rule-ids';
import type { CheckedItem } from './check-archive';
import { SITE_NAMES } from './types';

export type SortKey = 'date' | 'site' | 'rule';

export interface ListView {
  sort: SortKey;
  descending: boolean;
  site: string;
  rule: string;
  /** Words to look for in the text (case and accents ignored). */
  search: string;
}

export const DEFAULT_VIEW: ListView = { sort: 'date', descending: true, site: '', rule: '', search: '' };

const SEVERITY: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** The item's rules, most severe first, each once. */
export function rulesOf(item: CheckedItem): CheckedItem['findings'] {
  const seen = new Set<string>();
  return [...item.findings].sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]).filter((f) => !seen.has(f.rule) && seen.add(f.rule));
}

export function ruleTitle(rule: string): string {
  return RULES[rule as keyof typeof RULES]?.title ?? rule;
}

export function kindWords(item: CheckedItem): string {
  if (item.kind === 'profile') return `Profile: ${item.field ?? 'field'}`;
  return { post: 'Post', reply: 'Reply', comment: 'Comment' }[item.kind];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function viewRows(items: readonly CheckedItem[], view: ListView): CheckedItem[] {
  const search = fold(view.search.trim());
  const rows = items.filter(
    (i) => (!view.site || i.site === view.site) && (!view.rule || i.findings.some((f) => f.rule === view.rule)) && (!search || fold(i.text).includes(search)),
  );
  const key = (i: CheckedItem): string => {
    if (view.sort === 'date') return i.date ?? '';
    if (view.sort === 'site') return SITE_NAMES[i.site];
    const first = rulesOf(i)[0];
    return `${SEVERITY[first.severity]}|${ruleTitle(first.rule)}`;
  };
  const direction = view.descending ? -1 : 1;
  // Ties keep date order, newest first, so the list stays stable as results arrive.
  return rows.sort((a, b) => direction * key(a).localeCompare(key(b)) || (b.date ?? '').localeCompare(a.date ?? ''));
}

/** A cell a spreadsheet would run as a formula is written as text. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly CheckedItem[]): string {
  const data = rows.map((i) =>
    [
      i.date ? i.date.slice(0, 10) : '',
      SITE_NAMES[i.site],
      kindWords(i),
      rulesOf(i).map((f) => ruleTitle(f.rule)).join('; '),
      [...new Set(i.findings.map((f) => i.text.slice(f.start, f.end)))].join('; '),
      i.text,
      i.audience === 'public' ? 'yes' : i.audience === 'not-public' ? 'no' : '',
      i.link ?? '',
    ].map(safeCell),
  );
  // A byte order mark so Excel opens it as UTF-8; CRLF line ends as RFC 4180 asks.
  return '\uFEFF' + Papa.unparse({ fields: ['Date', 'Site', 'What', 'Rules', 'Words', 'Text', 'Public', 'Link'], data }, { newline: '\r\n' });
}

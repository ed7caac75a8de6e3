/**
 * One site's data export, described as the files to read in it: which values to pick from each (as
 * JSONPath-like selectors) and how each value becomes posts, comments or profile fields. Files are read
 * in this order, so an account file read first can give later items their links.
 */
import type { Site } from '../../policy/rule-ids';
import type { ArchiveItem } from '../types';

export interface ExportFile<State> {
  /** Matches the file's path in the zip (exports may sit inside a top folder of their own). */
  match: RegExp;
  paths: string[];
  /** X's `window.YTD.… =` prefix. */
  assignmentPrefix?: boolean;
  /** One picked value (and its position) to items; may update the shared state (a handle, privacy). */
  toItems(value: unknown, at: ItemPlace, state: State): ArchiveItem[];
}

export interface ItemPlace {
  file: string;
  /** Count of values picked so far in this file (for ids when the export gives none). */
  index: number;
  path: (string | number)[];
}

export interface ExportFormat<State = unknown> {
  site: Site;
  /** Whether the archive's file names look like this site's export. */
  recognises(names: string[]): boolean;
  files: ExportFile<State>[];
  newState(): State;
}

/** Small helpers for the loose JSON of the exports. */
export function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Unix seconds (as number or string) to ISO 8601. */
export function fromUnixSeconds(v: unknown): string | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : undefined;
}

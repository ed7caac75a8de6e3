/**
 * Checks every item of an archive with the engine, as it is read: the same rules and policy as in the
 * page, with the person's "not a match" answers applied. Only flagged items are kept (for the list);
 * the rest are counted and let go.
 */
import type { Engine, Finding } from '../engine/check';
import { readArchive, type ReadProgress, type ReadSummary } from './read-archive';
import type { ArchiveItem } from './types';

export interface ArchiveFinding {
  rule: Finding['rule'];
  severity: Finding['severity'];
  start: number;
  end: number;
  message: string;
}

export interface CheckedItem extends ArchiveItem {
  findings: ArchiveFinding[];
}

export interface CheckProgress extends ReadProgress {
  checked: number;
  flagged: number;
}

export interface CheckOptions {
  /** Drops a finding the person has answered "not a match" for (the background's exceptions). */
  isException?(rule: string, words: string): boolean;
  onChecked?(item: CheckedItem): void;
  onProgress?(progress: CheckProgress): void;
}

export interface CheckSummary extends ReadSummary {
  checked: number;
  flagged: number;
}

export function checkItem(engine: Pick<Engine, 'check'>, item: ArchiveItem, isException?: CheckOptions['isException']): CheckedItem {
  // No site is passed: the policy's site switches turn off a site's page hooks, not the rules, and an
  // archive is checked because the person asked.
  const findings = engine
    .check(item.text, { surface: item.surface })
    .filter((f) => !isException?.(f.rule, item.text.slice(f.start, f.end)))
    .map(({ rule, severity, start, end, message }) => ({ rule, severity, start, end, message }));
  return { ...item, findings };
}

export async function checkArchive(blob: Blob, engine: Pick<Engine, 'check'>, options: CheckOptions = {}): Promise<CheckSummary> {
  let checked = 0;
  let flagged = 0;
  let last: ReadProgress = { done: 0, total: 0 };
  const report = () => options.onProgress?.({ ...last, checked, flagged });
  const summary = await readArchive(blob, {
    onItem(item) {
      const result = checkItem(engine, item, options.isException);
      checked++;
      if (result.findings.length) flagged++;
      options.onChecked?.(result);
    },
    onProgress(progress) {
      last = progress;
      report();
    },
  });
  report();
  return { ...summary, checked, flagged };
}

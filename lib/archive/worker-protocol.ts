/** Messages between the archive checker page and its worker. */
import type { Policy } from '../policy/schema';
import type { CheckedItem, CheckProgress } from './check-archive';
import type { Site } from '../policy/rule-ids';

export interface StartCheck {
  type: 'start';
  file: File | Blob;
  policy: Policy;
  /** storage.local's exceptionSalt and exceptions, so "not a match" answers apply here too. */
  exceptions: Record<string, unknown>;
}

export type FromWorker =
  | { type: 'progress'; progress: CheckProgress; flagged: CheckedItem[] }
  | { type: 'done'; progress: CheckProgress; flagged: CheckedItem[]; site: Site; problems: { message: string; file?: string }[] }
  | { type: 'failed'; message: string };

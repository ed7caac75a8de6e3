/**
 * The false-match answers as the options page lists them. They are stored by the background
 * (lib/background/exceptions.ts) as salted hashes with a short hint; undoing one rewrites the list,
 * and the background picks the change up from storage.
 */
import type { FalseMatch } from '../background/exceptions';
import type { PupilNameAnswers } from '../policy/rule-ids';

export { EXCEPTIONS_KEY } from '../background/exceptions';
export type { FalseMatch };

export function readExceptions(raw: unknown): FalseMatch[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is FalseMatch => !!e && typeof e === 'object' && typeof (e as FalseMatch).rule === 'string' && typeof (e as FalseMatch).hash === 'string',
  );
}

function same(a: Pick<FalseMatch, 'id' | 'rule' | 'hash'>, b: Pick<FalseMatch, 'id' | 'rule' | 'hash'>): boolean {
  return a.id || b.id ? a.id === b.id : a.rule === b.rule && a.hash === b.hash;
}

export function withoutException(list: readonly FalseMatch[], gone: Pick<FalseMatch, 'id' | 'rule' | 'hash'>): FalseMatch[] {
  return list.filter((e) => !same(e, gone));
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What an answer silences, in words: "in one sentence of 11 words only", "in posts that also say …", "everywhere". */
export function reachWords(e: FalseMatch, pupilNameAnswers: PupilNameAnswers = 'this-post'): string {
  if (e.scope === 'post') return `in one sentence of ${e.sentenceWords ?? 'a few'} words only`;
  if (e.scope === 'similar') return `in posts that also say ${orList(e.cueHints ?? [])}`;
  // Everywhere; for a pupil's name, only as far as the school's settings let answers reach.
  if (e.rule === 'pupil-mention' && pupilNameAnswers !== 'everywhere') return 'everywhere for a first name or short name (a full name still warns)';
  return 'everywhere';
}

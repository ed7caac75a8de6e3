/**
 * The "not a pupil / not our school" exceptions as the options page lists them. They are stored by
 * the background (lib/background/exceptions.ts) as salted hashes with a short hint; removing one
 * rewrites the list, and the background picks the change up from storage.
 */
import type { FalseMatch } from '../background/exceptions';

export { EXCEPTIONS_KEY } from '../background/exceptions';
export type { FalseMatch };

export function readExceptions(raw: unknown): FalseMatch[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is FalseMatch => !!e && typeof e === 'object' && typeof (e as FalseMatch).rule === 'string' && typeof (e as FalseMatch).hash === 'string',
  );
}

export function withoutException(list: readonly FalseMatch[], gone: Pick<FalseMatch, 'rule' | 'hash'>): FalseMatch[] {
  return list.filter((e) => !(e.rule === gone.rule && e.hash === gone.hash));
}

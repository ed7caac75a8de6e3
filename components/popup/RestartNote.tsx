/**
 * Firefox reads the school's settings (policies.json) only when it starts, and tells the extension
 * nothing when they change: say so wherever the school's settings are in play, so nobody waits for an
 * update that needs a restart. Chrome and Edge re-read policy while they run, so they get no note.
 */
import type { PolicyState } from '../../lib/policy/storage-keys';

export function RestartNote({ state }: { state: Pick<PolicyState, 'source' | 'issues'> | undefined }) {
  if (!import.meta.env.FIREFOX) return null;
  const managed = state?.source === 'managed' || state?.issues.some((g) => g.source === 'managed');
  if (!managed) return null;
  return (
    <p class="muted" id="restart-note">
      Firefox reads your school’s settings when it starts: a change your school makes applies after you restart Firefox.
    </p>
  );
}

/** When the school's policy was last read and where it came from (popup and options page). */
import { managedWords } from '../../lib/settings/managed-words';
import type { PolicyState } from '../../lib/policy/storage-keys';

export function ManagedPolicyInfo({ state }: { state: PolicyState | undefined }) {
  const words = managedWords(state);
  if (!words) return null;
  return (
    <p class="muted managed-info" id="managed-info">
      {words.read} {words.from}
    </p>
  );
}

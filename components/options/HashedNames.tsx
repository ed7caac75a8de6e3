/** Keep names hashed: the lists are saved as codes made on this device. */
import type { FieldProblem } from '../../lib/settings/form-state';
import { errorsId, FieldErrors, LockedMark } from './field-bits';

interface Props {
  checked: boolean;
  locked: boolean;
  problems: FieldProblem[];
  onChange: (checked: boolean) => void;
}

export function HashedNames({ checked, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        Keeping names private <LockedMark locked={locked} />
      </legend>
      <div class="check">
        <input
          type="checkbox"
          id="keepHashed"
          checked={checked}
          aria-describedby={`keepHashed-hint${problems.some((p) => p.field === 'keepHashed') ? ` ${errorsId('keepHashed')}` : ''}`}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="keepHashed">Keep names hashed</label>
      </div>
      <p class="hint" id="keepHashed-hint">
        Names are saved as codes made on this device, so someone looking through this browser’s storage cannot read them; Second Look still
        recognises them. Hashed names cannot be shown again as names: to change one, remove the hashed names and add the list again.
      </p>
      <FieldErrors field="keepHashed" problems={problems} />
    </fieldset>
  );
}

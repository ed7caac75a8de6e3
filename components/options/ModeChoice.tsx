/** Warn only, or also hold the post on a serious problem until the person chooses. */
import type { FieldProblem, SettingsForm } from '../../lib/settings/form-state';
import { FieldErrors, LockedMark } from './field-bits';

const MODES: { value: SettingsForm['mode']; label: string; hint: string }[] = [
  { value: 'warn', label: 'Warn me', hint: 'Show a warning next to what I write. Posting works as usual.' },
  {
    value: 'confirm',
    label: 'Warn me and ask before posting',
    hint: 'On a serious problem, Post or Send waits until I choose Edit or Post anyway.',
  },
];

interface Props {
  mode: SettingsForm['mode'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (mode: SettingsForm['mode']) => void;
}

export function ModeChoice({ mode, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        When something breaks the policy <LockedMark locked={locked} />
      </legend>
      {MODES.map((m) => (
        <div class="check" key={m.value}>
          <input
            type="radio"
            name="mode"
            id={`mode-${m.value}`}
            value={m.value}
            checked={mode === m.value}
            aria-describedby={`mode-${m.value}-hint`}
            onChange={() => onChange(m.value)}
          />
          <label for={`mode-${m.value}`}>{m.label}</label>
          <p class="hint" id={`mode-${m.value}-hint`}>
            {m.hint}
          </p>
        </div>
      ))}
      <FieldErrors field="mode" problems={problems} />
    </fieldset>
  );
}

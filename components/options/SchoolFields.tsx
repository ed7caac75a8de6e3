/** The school's name, other names, policy link and contact. */
import type { FieldProblem, SettingsForm } from '../../lib/settings/form-state';
import { describedBy, FieldErrors, LockedMark } from './field-bits';

type TextKey = 'schoolName' | 'schoolAliases' | 'policyUrl' | 'contact';

interface Props {
  form: SettingsForm;
  locked: (key: string) => boolean;
  problems: FieldProblem[];
  onChange: (key: TextKey, value: string) => void;
}

const FIELDS: { key: TextKey; label: string; hint: string; multiline?: boolean; type?: string }[] = [
  { key: 'schoolName', label: 'School name', hint: 'In full, for example “St Example’s C of E Primary School”.' },
  {
    key: 'schoolAliases',
    label: 'Other names for the school',
    hint: 'One a line: short names, initials, social media handles (@…), hashtags (#…) and the web address.',
    multiline: true,
  },
  { key: 'policyUrl', label: 'Link to the school’s social media policy', hint: 'Shown in the popup and in warnings.', type: 'url' },
  { key: 'contact', label: 'Who to ask about the policy', hint: 'For example “Mrs Patel (DSL), dsl@example.sch.uk”.' },
];

export function SchoolFields({ form, locked, problems, onChange }: Props) {
  return (
    <fieldset>
      <legend>Your school</legend>
      {FIELDS.map(({ key, label, hint, multiline, type }) => {
        const isLocked = locked(key);
        const common = {
          id: key,
          name: key,
          value: form[key],
          disabled: isLocked,
          'aria-invalid': problems.some((p) => p.field === key) || undefined,
          'aria-describedby': describedBy(key, problems, `${key}-hint`),
          onInput: (e: Event) => onChange(key, (e.currentTarget as HTMLInputElement).value),
        };
        return (
          <div class="field" key={key}>
            <label for={key}>
              {label} <LockedMark locked={isLocked} />
            </label>
            <p class="hint" id={`${key}-hint`}>
              {hint}
            </p>
            {multiline ? <textarea rows={3} {...common} /> : <input type={type ?? 'text'} autocomplete="off" {...common} />}
            <FieldErrors field={key} problems={problems} />
          </div>
        );
      })}
    </fieldset>
  );
}

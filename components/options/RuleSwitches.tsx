/** One switch and one severity per rule that runs, described in the engine catalogue's own words. */
import { RULES } from '../../lib/engine/rules/catalogue';
import { SEVERITIES, type Severity } from '../../lib/policy/rule-ids';
import { RULES_IN_FORM, type FieldProblem, type RuleField, type RuleInForm, type SettingsForm } from '../../lib/settings/form-state';
import { FieldErrors, LockedMark } from './field-bits';

const SEVERITY_WORDS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

interface Props {
  rules: SettingsForm['rules'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (id: RuleInForm, value: RuleField) => void;
}

export function RuleSwitches({ rules, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked} class="rules">
      <legend>
        What to check <LockedMark locked={locked} />
      </legend>
      {RULES_IN_FORM.map((id) => {
        const info = RULES[id];
        const value = rules[id];
        const defaultWord = info.severityNote ? `${info.severity}, ${info.severityNote}` : info.severity;
        return (
          <div class="rule" key={id}>
            <div class="check">
              <input
                type="checkbox"
                id={`rule-${id}`}
                checked={value.enabled}
                aria-describedby={`rule-${id}-what`}
                onChange={(e) => onChange(id, { ...value, enabled: (e.currentTarget as HTMLInputElement).checked })}
              />
              <label for={`rule-${id}`}>{info.title}</label>
            </div>
            <p class="hint" id={`rule-${id}-what`}>
              {info.firesWhen}
            </p>
            <label class="severity" for={`rule-${id}-severity`}>
              Severity for “{info.title}”{' '}
              <select
                id={`rule-${id}-severity`}
                value={value.severity}
                disabled={locked || !value.enabled}
                onChange={(e) => onChange(id, { ...value, severity: (e.currentTarget as HTMLSelectElement).value as RuleField['severity'] })}
              >
                <option value="">Default ({defaultWord})</option>
                {SEVERITIES.map((s) => (
                  <option value={s} key={s}>
                    {SEVERITY_WORDS[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        );
      })}
      <FieldErrors field="rules" problems={problems} />
    </fieldset>
  );
}

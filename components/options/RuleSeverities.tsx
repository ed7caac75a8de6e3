/** Advanced: how serious each warning is (the severity shown on the card; high ones can hold a post). */
import { RULES } from '../../lib/engine/rules/catalogue';
import { SEVERITIES, type Severity } from '../../lib/policy/rule-ids';
import { RULES_IN_FORM, type RuleField, type RuleInForm, type SettingsForm } from '../../lib/settings/form-state';
import { RULE_WORDS } from '../../lib/settings/rule-words';
import { LockedMark } from './field-bits';

const SEVERITY_WORDS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

interface Props {
  rules: SettingsForm['rules'];
  locked: boolean;
  onChange: (id: RuleInForm, value: RuleField) => void;
}

export function RuleSeverities({ rules, locked, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        How serious each warning is <LockedMark locked={locked} />
      </legend>
      <p class="hint">High warnings are the ones “Warn me and ask before posting” holds. Leave these as they are unless your school says otherwise.</p>
      {RULES_IN_FORM.map((id) => {
        const info = RULES[id];
        const value = rules[id];
        const usual = info.severityNote ? `${info.severity}, ${info.severityNote}` : info.severity;
        return (
          <div class="field" key={id}>
            <label for={`rule-${id}-severity`}>{RULE_WORDS[id].title}</label>{' '}
            <select
              id={`rule-${id}-severity`}
              value={value.severity}
              disabled={locked || !value.enabled}
              onChange={(e) => onChange(id, { ...value, severity: (e.currentTarget as HTMLSelectElement).value as RuleField['severity'] })}
            >
              <option value="">As usual ({usual})</option>
              {SEVERITIES.map((s) => (
                <option value={s} key={s}>
                  {SEVERITY_WORDS[s]}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

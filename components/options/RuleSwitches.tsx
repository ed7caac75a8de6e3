/** One switch and one severity per text rule, described in the engine catalogue's own words. */
import { RULES } from '../../lib/engine/rules/catalogue';
import { SEVERITIES, TEXT_RULE_IDS, type Severity, type TextRuleId } from '../../lib/policy/rule-ids';
import type { FieldProblem, RuleField, SettingsForm } from '../../lib/settings/form-state';
import { FieldErrors, LockedMark } from './field-bits';

const SEVERITY_WORDS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

interface Props {
  rules: SettingsForm['rules'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (id: TextRuleId, value: RuleField) => void;
}

export function RuleSwitches({ rules, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked} class="rules">
      <legend>
        What to check <LockedMark locked={locked} />
      </legend>
      {TEXT_RULE_IDS.map((id) => {
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

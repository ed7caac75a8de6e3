/** What to check: one switch per rule, in plain words (lib/settings/rule-words.ts). Severities are in RuleSeverities. */
import { RULES_IN_FORM, type FieldProblem, type RuleField, type RuleInForm, type SettingsForm } from '../../lib/settings/form-state';
import { RULE_WORDS } from '../../lib/settings/rule-words';
import { FieldErrors, LockedMark } from './field-bits';

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
        Warn me about <LockedMark locked={locked} />
      </legend>
      {RULES_IN_FORM.map((id) => {
        const words = RULE_WORDS[id];
        const value = rules[id];
        return (
          <div class="rule check" key={id}>
            <input
              type="checkbox"
              id={`rule-${id}`}
              checked={value.enabled}
              aria-describedby={`rule-${id}-what`}
              onChange={(e) => onChange(id, { ...value, enabled: (e.currentTarget as HTMLInputElement).checked })}
            />
            <label for={`rule-${id}`}>{words.title}</label>
            <p class="hint" id={`rule-${id}-what`}>
              {words.looksFor}
            </p>
          </div>
        );
      })}
      <FieldErrors field="rules" problems={problems} />
    </fieldset>
  );
}

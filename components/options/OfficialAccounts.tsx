/** The school's own social media accounts, per site: signed in as one of them, the school's name and school life are not warned about. */
import { SITES } from '../../lib/policy/rule-ids';
import type { FieldProblem, SettingsForm } from '../../lib/settings/form-state';
import { SITE_LABELS } from '../../lib/settings/site-of-url';
import { describedBy, FieldErrors, LockedMark } from './field-bits';

interface Props {
  accounts: SettingsForm['officialAccounts'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (accounts: SettingsForm['officialAccounts']) => void;
}

export function OfficialAccounts({ accounts, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        The school’s own accounts <LockedMark locked={locked} />
      </legend>
      <p class="hint" id="officialAccounts-hint">
        If you post for the school, list its accounts here, one a line: the @name, or on Facebook the Page’s name. When you are signed in as one
        of them, Second Look does not warn about naming the school, school life or your job, but still checks pupils’ names and confidential
        matters.
      </p>
      {SITES.map((site) => (
        <div class="field" key={site}>
          <label for={`official-${site}`}>{SITE_LABELS[site]}</label>
          <textarea
            id={`official-${site}`}
            rows={1}
            spellcheck={false}
            value={accounts[site]}
            aria-describedby={describedBy('officialAccounts', problems, 'officialAccounts-hint')}
            onInput={(e) => onChange({ ...accounts, [site]: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </div>
      ))}
      <FieldErrors field="officialAccounts" problems={problems} />
    </fieldset>
  );
}

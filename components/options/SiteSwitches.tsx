/** Whether Second Look runs on each of the four sites. */
import { SITES, type Site } from '../../lib/policy/rule-ids';
import type { FieldProblem, SettingsForm } from '../../lib/settings/form-state';
import { SITE_LABELS } from '../../lib/settings/site-of-url';
import { FieldErrors, LockedMark } from './field-bits';

interface Props {
  sites: SettingsForm['sites'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (site: Site, on: boolean) => void;
}

export function SiteSwitches({ sites, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        Sites to check <LockedMark locked={locked} />
      </legend>
      {SITES.map((site) => (
        <div class="check" key={site}>
          <input
            type="checkbox"
            id={`site-${site}`}
            checked={sites[site]}
            onChange={(e) => onChange(site, (e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={`site-${site}`}>{SITE_LABELS[site]}</label>
        </div>
      ))}
      <FieldErrors field="sites" problems={problems} />
    </fieldset>
  );
}

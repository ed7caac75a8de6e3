/** The "Done" step's summary of the settings in force, in a few lines. */
import { RULES_IN_FORM } from '../../lib/settings/form-state';
import { RULE_WORDS } from '../../lib/settings/rule-words';
import { SITES } from '../../lib/policy/rule-ids';
import type { PolicyState } from '../../lib/policy/storage-keys';
import { SITE_LABELS } from '../../lib/settings/site-of-url';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SetUpSummary({ state }: { state: PolicyState | undefined }) {
  const p = state?.policy;
  if (!p || state?.source === 'defaults') return <p id="summary">Nothing is set up yet: start with your school, then the people to watch for.</p>;
  const off = RULES_IN_FORM.filter((id) => p.rules?.[id]?.enabled === false).map((id) => RULE_WORDS[id].title.toLowerCase());
  const sitesOff = SITES.filter((s) => p.sites?.[s]?.enabled === false).map((s) => SITE_LABELS[s]);
  return (
    <ul id="summary">
      <li>School: {p.schoolName?.trim() || 'no name given yet'}.</li>
      <li>
        Watching for {count(p.pupils?.length ?? 0, 'pupil', 'pupils')}, {count(p.staff?.length ?? 0, 'member of staff', 'staff')},{' '}
        {count(p.formerPupils?.length ?? 0, 'former pupil', 'former pupils')} and {count(p.parents?.length ?? 0, 'parent or carer', 'parents and carers')}.
      </li>
      <li>{p.mode === 'confirm' ? 'It asks before a post with a serious problem goes out.' : 'It warns, and posting works as usual.'}</li>
      {off.length > 0 && <li>Not checked: {off.join(', ')}.</li>}
      {sitesOff.length > 0 && <li>Off on {sitesOff.join(', ')}.</li>}
    </ul>
  );
}

/**
 * The options page: the person's own set-up (saved to storage.local personalPolicy and checked by the
 * same schema as every policy), what the school has locked, the "not a match" list, and privacy.
 */
import browser from 'webextension-polyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_POLICY, STORAGE_KEYS, type PolicyState } from '../../lib/policy/storage-keys';
import { formToPolicy, policyToForm, ROSTER_KINDS, type FieldId, type FieldProblem, type SettingsForm } from '../../lib/settings/form-state';
import { EXCEPTIONS_KEY } from '../../lib/settings/exception-list';
import { addPeopleToLines } from '../../lib/settings/roster-lines';
import { sourceWords } from '../../lib/settings/status-words';
import { PolicyIssues } from '../settings/PolicyIssues';
import { useLocalStorage } from '../settings/use-local-storage';
import { CsvImport } from './CsvImport';
import { ExceptionList } from './ExceptionList';
import { errorsId, FieldErrors, LockedMark } from './field-bits';
import { ModeChoice } from './ModeChoice';
import { OldPostsLink } from './OldPostsLink';
import { PrivacyNote } from './PrivacyNote';
import { RosterEditor } from './RosterEditor';
import { RuleSwitches } from './RuleSwitches';
import { SchoolFields } from './SchoolFields';
import { SiteSwitches } from './SiteSwitches';

const KEYS = [STORAGE_KEYS.state, STORAGE_KEYS.personal, EXCEPTIONS_KEY] as const;

type SaveStatus = { kind: 'ok' | 'error'; text: string } | undefined;

/** Where each field's control is, for the links in the "Not saved" summary. */
const FIELD_TARGETS: Partial<Record<FieldId, { label: string; id: string }>> = {
  schoolName: { label: 'School name', id: 'schoolName' },
  schoolAliases: { label: 'Other names for the school', id: 'schoolAliases' },
  policyUrl: { label: 'Link to the school’s social media policy', id: 'policyUrl' },
  contact: { label: 'Who to ask about the policy', id: 'contact' },
  pupils: { label: 'Pupils', id: 'roster-pupils' },
  staff: { label: 'Staff', id: 'roster-staff' },
  formerPupils: { label: 'Former pupils', id: 'roster-formerPupils' },
  parents: { label: 'Parents and carers', id: 'roster-parents' },
  keepHashed: { label: 'Keep names hashed', id: 'keepHashed' },
  mode: { label: 'When something breaks the policy', id: 'mode-warn' },
  rules: { label: 'What to check', id: 'rule-pupil-mention' },
  sites: { label: 'Sites to check', id: 'site-facebook' },
};

function ProblemLinks({ problems }: { problems: FieldProblem[] }) {
  const fields = [...new Set(problems.map((p) => p.field))].filter((f) => FIELD_TARGETS[f]);
  if (!fields.length) return null;
  return (
    <ul class="problem-links">
      {fields.map((f) => {
        const target = FIELD_TARGETS[f]!;
        return (
          <li key={f}>
            <a
              href={`#${target.id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(target.id)?.focus();
              }}
            >
              {target.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function lockedKeysOf(state: PolicyState | undefined): string[] {
  return state?.source === 'managed' ? state.lockedKeys : [];
}

export function OptionsPage() {
  const stored = useLocalStorage(KEYS);
  const state = stored?.[STORAGE_KEYS.state] as PolicyState | undefined;
  const lockedKeys = lockedKeysOf(state);
  const [form, setForm] = useState<SettingsForm | undefined>();
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<SaveStatus>();
  const summaryRef = useRef<HTMLDivElement>(null);

  // Fill the form once storage answers, and again when the school's locks change while nothing is
  // being edited (a managed policy can arrive while the page is open).
  const lockSignature = lockedKeys.join('|');
  useEffect(() => {
    if (!stored || dirty) return;
    setForm(policyToForm(stored[STORAGE_KEYS.personal], state?.policy ?? DEFAULT_POLICY, lockedKeys));
  }, [stored !== undefined, lockSignature]);

  if (!stored || !form) return <main aria-busy="true" />;

  const locked = (key: string) => lockedKeys.includes(key);
  const update = (change: (f: SettingsForm) => SettingsForm) => {
    setForm(change(form));
    setDirty(true);
    setStatus(undefined);
  };

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    const current = await browser.storage.local.get(STORAGE_KEYS.personal);
    const result = formToPolicy(form!, {
      stored: current[STORAGE_KEYS.personal],
      lockedKeys,
      inForceRosterKey: state?.policy.rosterHash?.key,
    });
    setProblems(result.problems);
    if (!result.policy) {
      const n = result.problems.length;
      setStatus({ kind: 'error', text: `Not saved: ${n === 1 ? 'one thing needs' : `${n} things need`} fixing first, shown next to each field:` });
      summaryRef.current?.focus();
      return;
    }
    await browser.storage.local.set({ [STORAGE_KEYS.personal]: result.policy });
    setForm(policyToForm(result.policy, state?.policy ?? DEFAULT_POLICY, lockedKeys));
    setDirty(false);
    setStatus({ kind: 'ok', text: 'Saved. Second Look uses these settings on this device from now on.' });
  }

  const source = sourceWords(state);
  const otherProblems = problems.filter((p) => p.field === 'other');
  return (
    <main>
      <h1>Second Look settings</h1>
      <p id="policy-source">
        In force: <strong>{source.text}</strong>
        {source.source === 'managed' && (
          <>
            {' '}
            <LockedMark locked />
          </>
        )}
      </p>
      {source.source === 'managed' && (
        <p>Settings marked “Set by your school” come from your school and cannot be changed here. You can still set anything else.</p>
      )}
      {source.source === 'defaults' && (
        <p>Second Look is not set up yet. Fill in what you can below and press Save at the end: the school’s name and the pupils’ names matter most.</p>
      )}
      {state && <PolicyIssues state={state} />}

      <form noValidate onSubmit={(e) => void save(e)} aria-label="Your settings">
        <SchoolFields form={form} locked={locked} problems={problems} onChange={(key, value) => update((f) => ({ ...f, [key]: value }))} />

        <h2>People to watch for</h2>
        {ROSTER_KINDS.map((kind) => (
          <RosterEditor
            key={kind}
            kind={kind}
            field={form[kind]}
            locked={locked(kind)}
            lockedCount={state?.policy[kind]?.length ?? 0}
            problems={problems}
            onText={(text) => update((f) => ({ ...f, [kind]: { ...f[kind], text } }))}
            onForgetHashed={() => update((f) => ({ ...f, [kind]: { ...f[kind], hashed: [] } }))}
          >
            <CsvImport
              kind={kind}
              onPeople={(people) => {
                const merged = addPeopleToLines(form[kind].text, people, kind);
                update((f) => ({ ...f, [kind]: { ...f[kind], text: merged.text } }));
                return merged;
              }}
            />
          </RosterEditor>
        ))}

        <fieldset disabled={locked('rosterHash')}>
          <legend>
            Keeping names private <LockedMark locked={locked('rosterHash')} />
          </legend>
          <div class="check">
            <input
              type="checkbox"
              id="keepHashed"
              checked={form.keepHashed}
              aria-describedby={`keepHashed-hint${problems.some((p) => p.field === 'keepHashed') ? ` ${errorsId('keepHashed')}` : ''}`}
              onChange={(e) => update((f) => ({ ...f, keepHashed: (e.currentTarget as HTMLInputElement).checked }))}
            />
            <label for="keepHashed">Keep names hashed</label>
          </div>
          <p class="hint" id="keepHashed-hint">
            Names are saved as codes made on this device, so someone looking through this browser’s storage cannot read them; Second Look still
            recognises them. Hashed names cannot be shown again as names: to change one, remove the hashed names and add the list again.
          </p>
          <FieldErrors field="keepHashed" problems={problems} />
        </fieldset>

        <ModeChoice mode={form.mode} locked={locked('mode')} problems={problems} onChange={(mode) => update((f) => ({ ...f, mode }))} />
        <RuleSwitches
          rules={form.rules}
          locked={locked('rules')}
          problems={problems}
          onChange={(id, value) => update((f) => ({ ...f, rules: { ...f.rules, [id]: value } }))}
        />
        <SiteSwitches
          sites={form.sites}
          locked={locked('sites')}
          problems={problems}
          onChange={(site, on) => update((f) => ({ ...f, sites: { ...f.sites, [site]: on } }))}
        />

        <div class="save-bar">
          <button type="submit" class="primary">
            Save
          </button>
          <div ref={summaryRef} tabIndex={-1} id="save-status" role={status?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
            {status && <p class={status.kind === 'ok' ? 'ok-text' : 'error-text'}>{status.text}</p>}
            {status?.kind === 'error' && <ProblemLinks problems={problems} />}
            {otherProblems.length > 0 && <FieldErrors field="other" problems={otherProblems} />}
          </div>
        </div>
      </form>

      <ExceptionList raw={stored[EXCEPTIONS_KEY]} />
      <OldPostsLink />
      <PrivacyNote />
    </main>
  );
}

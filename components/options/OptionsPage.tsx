/**
 * The options page: the person's own set-up in steps (components/options/steps.tsx), each saved on
 * its own to storage.local personalPolicy and checked by the same schema as every policy; what the
 * school has locked; the "not a match" answers; privacy.
 */
import browser from 'webextension-polyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_POLICY, STORAGE_KEYS, type PolicyState } from '../../lib/policy/storage-keys';
import { formToPolicy, policyToForm, stepForm, type FieldId, type FieldProblem, type SettingsForm } from '../../lib/settings/form-state';
import { EXCEPTIONS_KEY } from '../../lib/settings/exception-list';
import { sourceWords } from '../../lib/settings/status-words';
import { ManagedPolicyInfo } from '../settings/ManagedPolicyInfo';
import { PolicyIssues } from '../settings/PolicyIssues';
import { useLocalStorage } from '../settings/use-local-storage';
import { FieldErrors, LockedMark } from './field-bits';
import { ItSetupLink } from './ItSetupLink';
import { OldPostsLink } from './OldPostsLink';
import { StepNav } from './StepNav';
import { OPTIONS_STEPS, type OptionsStep, type StepContext } from './steps';
import { PhotoSettings } from './PhotoSettings';

const KEYS = [STORAGE_KEYS.state, STORAGE_KEYS.personal, EXCEPTIONS_KEY] as const;

type SaveStatus = { kind: 'ok' | 'error'; text: string } | undefined;

/** Where each field's control is, for the links in the "Not saved" summary. */
const FIELD_TARGETS: Partial<Record<FieldId, { label: string; id: string }>> = {
  schoolName: { label: 'School name', id: 'schoolName' },
  schoolAliases: { label: 'Other names for the school', id: 'schoolAliases' },
  policyUrl: { label: 'Link to the school’s social media policy', id: 'policyUrl' },
  contact: { label: 'Who to ask about the policy', id: 'contact' },
  officialAccounts: { label: 'The school’s own accounts', id: 'official-facebook' },
  pupils: { label: 'Pupils', id: 'roster-pupils' },
  staff: { label: 'Staff', id: 'roster-staff' },
  formerPupils: { label: 'Former pupils', id: 'roster-formerPupils' },
  parents: { label: 'Parents and carers', id: 'roster-parents' },
  keepHashed: { label: 'Keep names hashed', id: 'keepHashed' },
  mode: { label: 'When something breaks the policy', id: 'mode-warn' },
  rules: { label: 'Warn me about', id: 'rule-pupil-mention' },
  sites: { label: 'Sites to check', id: 'site-facebook' },
  pupilNameAnswers: { label: 'How far “This isn’t a pupil” reaches', id: 'reach-this-post' },
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
                const el = document.getElementById(target.id);
                el?.closest('details')?.setAttribute('open', '');
                el?.focus();
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

/** The step in the address (#people), so a reload or a link opens the same step. */
function stepFromHash(): string {
  const id = location.hash.replace(/^#/, '');
  return OPTIONS_STEPS.some((s) => s.id === id) ? id : OPTIONS_STEPS[0].id;
}

export function OptionsPage() {
  const stored = useLocalStorage(KEYS);
  const state = stored?.[STORAGE_KEYS.state] as PolicyState | undefined;
  const lockedKeys = lockedKeysOf(state);
  const [form, setForm] = useState<SettingsForm | undefined>();
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<SaveStatus>();
  /** After "Save and go on": said at the top of the next step, where the person now is. */
  const [savedNote, setSavedNote] = useState('');
  const [stepId, setStepId] = useState(stepFromHash);
  const statusRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Fill the form once storage answers, and again when the school's locks change while nothing is
  // being edited (a managed policy can arrive while the page is open).
  const lockSignature = lockedKeys.join('|');
  useEffect(() => {
    if (!stored || unsaved.size) return;
    setForm(policyToForm(stored[STORAGE_KEYS.personal], state?.policy ?? DEFAULT_POLICY, lockedKeys));
  }, [stored !== undefined, lockSignature]);

  useEffect(() => {
    const onHash = () => setStepId(stepFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (!stored || !form) return <main aria-busy="true" />;

  const index = OPTIONS_STEPS.findIndex((s) => s.id === stepId);
  const step: OptionsStep = OPTIONS_STEPS[index];
  const locked = (key: string) => lockedKeys.includes(key);
  const update = (change: (f: SettingsForm) => SettingsForm) => {
    setForm((f) => change(f!));
    setUnsaved((u) => new Set(u).add(step.id));
    setStatus(undefined);
    setSavedNote('');
  };
  const go = (id: string, note = '') => {
    setProblems([]);
    setStatus(undefined);
    setSavedNote(note);
    history.replaceState(null, '', `#${id}`);
    setStepId(id);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  /** Save this step's fields only, checked with everything else already saved. */
  async function save(andThen?: string): Promise<void> {
    const current = await browser.storage.local.get(STORAGE_KEYS.personal);
    const inForce = state?.policy ?? DEFAULT_POLICY;
    const saved = policyToForm(current[STORAGE_KEYS.personal], inForce, lockedKeys);
    const result = formToPolicy(stepForm(form!, saved, step.fields), {
      stored: current[STORAGE_KEYS.personal],
      lockedKeys,
      inForceRosterKey: state?.policy.rosterHash?.key,
    });
    setProblems(result.problems);
    if (!result.policy) {
      const n = result.problems.length;
      setStatus({ kind: 'error', text: `Not saved: ${n === 1 ? 'one thing needs' : `${n} things need`} fixing first, shown next to each field:` });
      statusRef.current?.focus();
      return;
    }
    await browser.storage.local.set({ [STORAGE_KEYS.personal]: result.policy });
    // What was saved, as it now reads (hashed names become a count); other steps keep their edits.
    const fresh = policyToForm(result.policy, inForce, lockedKeys);
    const others = OPTIONS_STEPS.filter((s) => s.id !== step.id && unsaved.has(s.id)).flatMap((s) => s.fields);
    setForm(stepForm(form!, fresh, others));
    setUnsaved((u) => {
      const next = new Set(u);
      next.delete(step.id);
      return next;
    });
    if (andThen) go(andThen, `Saved: ${step.title}.`);
    else setStatus({ kind: 'ok', text: 'Saved.' });
  }

  const ctx: StepContext = { form, locked, problems, update, state, stored };
  const source = sourceWords(state);
  const next = OPTIONS_STEPS[index + 1];
  const previous = OPTIONS_STEPS[index - 1];
  const otherProblems = problems.filter((p) => p.field === 'other');
  const hasFields = step.fields.length > 0;
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
      <ManagedPolicyInfo state={state} />
      {source.source === 'managed' && (
        <p>Settings marked “Set by your school” come from your school and cannot be changed here. You can still set anything else.</p>
      )}
      {source.source === 'defaults' && <p>Second Look is not set up yet. It takes four short steps, and each one is saved on its own.</p>}
      {state && <PolicyIssues state={state} />}
      <StepNav steps={OPTIONS_STEPS} current={step.id} unsaved={unsaved} onGo={go} />

      <form
        noValidate
        aria-labelledby="step-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
          Step {index + 1} of {OPTIONS_STEPS.length}: {step.title}
        </h2>
        <p role="status" class="ok-text" id="saved-note">
          {savedNote}
        </p>
        <p class="intro">{step.intro}</p>
        {step.sections.map((section, i) => (
          <div key={`${step.id}-${i}`}>{section(ctx)}</div>
        ))}
        {step.advanced?.length ? (
          <details class="advanced">
            <summary>More settings</summary>
            {step.advanced.map((section, i) => (
              <div key={`${step.id}-adv-${i}`}>{section(ctx)}</div>
            ))}
          </details>
        ) : null}

        <div class="save-bar">
          {previous && (
            <button type="button" onClick={() => go(previous.id)}>
              Back
            </button>
          )}
          {hasFields && (
            <button type="submit" class={next ? '' : 'primary'}>
              Save
            </button>
          )}
          {next && (
            <button type="button" class="primary" onClick={() => (hasFields ? void save(next.id) : go(next.id))}>
              {hasFields ? `Save and go on to ${next.title.toLowerCase()}` : `Go on to ${next.title.toLowerCase()}`}
            </button>
          )}
          <div ref={statusRef} tabIndex={-1} id="save-status" role={status?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
            {status && <p class={status.kind === 'ok' ? 'ok-text' : 'error-text'}>{status.text}</p>}
            {status?.kind === 'error' && <ProblemLinks problems={problems} />}
            {otherProblems.length > 0 && <FieldErrors field="other" problems={otherProblems} />}
          </div>
        </div>
      </form>
      {/* Photos and the school day have their own form (and Save), so they sit after the step's. */}
      {step.id === 'checks' && (
        <details class="folded" id="photo-settings">
          <summary>Photos and the school day</summary>
          <PhotoSettings state={state} lockedKeys={state?.source === 'managed' ? state.lockedKeys : []} />
        </details>
      )}
      {/* Tools rather than settings: on every step. */}
      <OldPostsLink />
      <ItSetupLink />
    </main>
  );
}

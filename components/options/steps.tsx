/**
 * The options page's steps, as data: school → people → what to check → done. Each step saves only
 * its own `fields` of the form (lib/settings/form-state.ts), with the same schema and validation as
 * every policy, and shows "Saved" by its own Save button.
 *
 * To add to the page:
 * - a section in an existing step: add a function to that step's `sections` (or `advanced`, which
 *   is folded away), and if it edits the policy, the form key it writes to the step's `fields`;
 * - a new step: add an entry to OPTIONS_STEPS where it belongs (the step list and the Back / Next
 *   buttons follow the array).
 */
import type { ComponentChildren, VNode } from 'preact';
import { rosterSize } from '../../lib/policy/hash-policy';
import type { PolicyState } from '../../lib/policy/storage-keys';
import { ROSTER_KINDS, type FieldProblem, type SettingsForm } from '../../lib/settings/form-state';
import { addPeopleToLines } from '../../lib/settings/roster-lines';
import { AnswerReach } from './AnswerReach';
import { CsvImport } from './CsvImport';
import { ExceptionList } from './ExceptionList';
import { HashedNames } from './HashedNames';
import { KeyboardHelp } from './KeyboardHelp';
import { ModeChoice } from './ModeChoice';
import { OfficialAccounts } from './OfficialAccounts';
import { PrivacyNote } from './PrivacyNote';
import { RosterEditor } from './RosterEditor';
import { RuleSeverities } from './RuleSeverities';
import { RuleSwitches } from './RuleSwitches';
import { SchoolFields } from './SchoolFields';
import { SiteSwitches } from './SiteSwitches';
import { SetUpSummary } from './SetUpSummary';

/** What a step's sections get to draw and change the form with. */
export interface StepContext {
  form: SettingsForm;
  locked: (key: string) => boolean;
  problems: FieldProblem[];
  update: (change: (f: SettingsForm) => SettingsForm) => void;
  /** The settings in force and what storage holds (exceptions and the like). */
  state: PolicyState | undefined;
  stored: Record<string, unknown>;
}

export type Section = (ctx: StepContext) => VNode | null;

export interface OptionsStep {
  id: string;
  /** Its name in the list of steps. */
  title: string;
  /** One or two sentences under the heading. */
  intro: ComponentChildren;
  /** The form keys this step saves; none for a step with nothing to save. */
  fields: readonly (keyof SettingsForm)[];
  sections: Section[];
  /** Folded away under "More settings". */
  advanced?: Section[];
}

export const OPTIONS_STEPS: OptionsStep[] = [
  {
    id: 'school',
    title: 'Your school',
    intro: 'The school’s name and the other names people use for it. Second Look warns when a post names the school.',
    fields: ['schoolName', 'schoolAliases', 'policyUrl', 'contact', 'officialAccounts'],
    sections: [
      ({ form, locked, problems, update }) => (
        <SchoolFields form={form} locked={locked} problems={problems} onChange={(key, value) => update((f) => ({ ...f, [key]: value }))} />
      ),
    ],
    advanced: [
      ({ form, locked, problems, update }) => (
        <OfficialAccounts
          accounts={form.officialAccounts}
          locked={locked('officialAccounts')}
          problems={problems}
          onChange={(officialAccounts) => update((f) => ({ ...f, officialAccounts }))}
        />
      ),
    ],
  },
  {
    id: 'people',
    title: 'People',
    intro: 'The pupils and staff to watch for, typed one a line or added from a CSV file exported from your school’s information system.',
    fields: [...ROSTER_KINDS, 'keepHashed'],
    sections: [
      ...ROSTER_KINDS.map(
        (kind): Section =>
          ({ form, locked, problems, update, state }) => (
            <RosterEditor
              key={kind}
              kind={kind}
              field={form[kind]}
              locked={locked(kind)}
              lockedCount={rosterSize(state?.policy, kind)}
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
          ),
      ),
    ],
    advanced: [
      ({ form, locked, problems, update }) => (
        <HashedNames checked={form.keepHashed} locked={locked('rosterHash')} problems={problems} onChange={(keepHashed) => update((f) => ({ ...f, keepHashed }))} />
      ),
    ],
  },
  {
    id: 'checks',
    title: 'What to check',
    intro: 'What Second Look warns you about, and whether it asks before a post goes out.',
    fields: ['mode', 'rules', 'sites', 'pupilNameAnswers'],
    sections: [
      ({ form, locked, problems, update }) => (
        <ModeChoice mode={form.mode} locked={locked('mode')} problems={problems} onChange={(mode) => update((f) => ({ ...f, mode }))} />
      ),
      ({ form, locked, problems, update }) => (
        <RuleSwitches
          rules={form.rules}
          locked={locked('rules')}
          problems={problems}
          onChange={(id, value) => update((f) => ({ ...f, rules: { ...f.rules, [id]: value } }))}
        />
      ),
    ],
    advanced: [
      ({ form, locked, update }) => (
        <RuleSeverities rules={form.rules} locked={locked('rules')} onChange={(id, value) => update((f) => ({ ...f, rules: { ...f.rules, [id]: value } }))} />
      ),
      ({ form, locked, problems, update }) => (
        <SiteSwitches sites={form.sites} locked={locked('sites')} problems={problems} onChange={(site, on) => update((f) => ({ ...f, sites: { ...f.sites, [site]: on } }))} />
      ),
      ({ form, locked, problems, update }) => (
        <AnswerReach
          value={form.pupilNameAnswers}
          locked={locked('pupilNameAnswers')}
          problems={problems}
          onChange={(pupilNameAnswers) => update((f) => ({ ...f, pupilNameAnswers }))}
        />
      ),
    ],
  },
  {
    id: 'done',
    title: 'Done',
    intro: 'Second Look now checks what you write on Facebook, X, Instagram and TikTok. Here is what it knows, and what you have told it.',
    fields: [],
    sections: [
      ({ state }) => <SetUpSummary state={state} />,
      () => <KeyboardHelp />,
      ({ stored, state }) => <ExceptionList raw={stored.exceptions} pupilNameAnswers={state?.policy.pupilNameAnswers} />,
      () => <PrivacyNote />,
    ],
  },
];

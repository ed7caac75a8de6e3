/**
 * One roster (pupils, staff, former pupils or parents): typed one person a line, or added from a CSV
 * file. Hashed entries already saved are counted, not shown: they cannot be turned back into names.
 * A roster set by the school is counted too, not listed.
 */
import type { ComponentChildren } from 'preact';
import type { FieldProblem, RosterField } from '../../lib/settings/form-state';
import type { RosterKindName } from '../../lib/settings/roster-lines';
import { describedBy, FieldErrors, LockedMark } from './field-bits';

export const ROSTER_WORDS: Record<RosterKindName, { label: string; one: string; many: string; example: string }> = {
  pupils: { label: 'Pupils', one: 'pupil', many: 'pupils', example: '“Jack Smith”, with nicknames in brackets: “Thomas Brown (Tom, Tommy)”.' },
  staff: {
    label: 'Staff',
    one: 'member of staff',
    many: 'staff',
    example: '“Sarah Jones”, with nicknames in brackets and a job title after a dash: “Sarah Jones (Sal) - Headteacher”.',
  },
  formerPupils: { label: 'Former pupils', one: 'former pupil', many: 'former pupils', example: '“Amy Brown”.' },
  parents: { label: 'Parents and carers', one: 'parent or carer', many: 'parents and carers', example: '“Paul Smith”.' },
};

export function countOf(n: number, kind: RosterKindName): string {
  const w = ROSTER_WORDS[kind];
  return `${n} ${n === 1 ? w.one : w.many}`;
}

interface Props {
  kind: RosterKindName;
  field: RosterField;
  locked: boolean;
  /** How many entries the school's settings give, when locked. */
  lockedCount: number;
  problems: FieldProblem[];
  onText: (text: string) => void;
  onForgetHashed: () => void;
  /** The CSV import control for this roster. */
  children?: ComponentChildren;
}

export function RosterEditor({ kind, field, locked, lockedCount, problems, onText, onForgetHashed, children }: Props) {
  const words = ROSTER_WORDS[kind];
  const id = `roster-${kind}`;
  if (locked) {
    return (
      <fieldset class="roster">
        <legend>
          {words.label} <LockedMark locked />
        </legend>
        <p id={id}>
          {countOf(lockedCount, kind)}, from your school’s settings. They cannot be changed here.
        </p>
      </fieldset>
    );
  }
  return (
    <fieldset class="roster">
      <legend>{words.label}</legend>
      <label for={id}>{words.label}, one a line</label>
      <p class="hint" id={`${id}-hint`}>
        As school writes them, first name first: {words.example}
      </p>
      <textarea
        id={id}
        rows={6}
        spellcheck={false}
        autocomplete="off"
        value={field.text}
        aria-invalid={problems.some((p) => p.field === kind) || undefined}
        aria-describedby={describedBy(kind, problems, `${id}-hint`)}
        onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <FieldErrors field={kind} problems={problems} />
      {field.hashed.length > 0 && (
        <p class="hashed-note">
          <span id={`${id}-hashed`}>Also {countOf(field.hashed.length, kind)} kept hashed, which cannot be shown as names.</span>{' '}
          <button type="button" aria-describedby={`${id}-hashed`} onClick={onForgetHashed}>
            Remove the hashed {words.many}
          </button>
        </p>
      )}
      {children}
    </fieldset>
  );
}

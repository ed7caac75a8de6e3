/** Advanced: how far "This isn't a pupil" may reach for a pupil's full name (policy `pupilNameAnswers`). */
import type { FieldProblem, SettingsForm } from '../../lib/settings/form-state';
import { FieldErrors, LockedMark } from './field-bits';

const CHOICES: { value: SettingsForm['pupilNameAnswers']; label: string; hint: string }[] = [
  { value: '', label: 'One post at a time', hint: 'A pupil’s full name is only ever silenced in the post where you said it is not the pupil. Recommended.' },
  {
    value: 'posts-like-this',
    label: 'Also posts like that one',
    hint: 'You may also silence it where it comes with the same other words (such as “the boxer”), never in a post about school.',
  },
  { value: 'everywhere', label: 'Also everywhere', hint: 'You may also silence a pupil’s full name for good. Only if that name is never a pupil’s for you.' },
];

interface Props {
  value: SettingsForm['pupilNameAnswers'];
  locked: boolean;
  problems: FieldProblem[];
  onChange: (value: SettingsForm['pupilNameAnswers']) => void;
}

export function AnswerReach({ value, locked, problems, onChange }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>
        How far “This isn’t a pupil” reaches for a full name <LockedMark locked={locked} />
      </legend>
      {CHOICES.map((c) => (
        <div class="check" key={c.value || 'post'}>
          <input
            type="radio"
            name="pupilNameAnswers"
            id={`reach-${c.value || 'this-post'}`}
            checked={value === c.value}
            aria-describedby={`reach-${c.value || 'this-post'}-hint`}
            onChange={() => onChange(c.value)}
          />
          <label for={`reach-${c.value || 'this-post'}`}>{c.label}</label>
          <p class="hint" id={`reach-${c.value || 'this-post'}-hint`}>
            {c.hint}
          </p>
        </div>
      ))}
      <FieldErrors field="pupilNameAnswers" problems={problems} />
    </fieldset>
  );
}

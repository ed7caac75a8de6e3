/** The list of steps at the top of the options page: where the person is, and the way to each step. */
import type { OptionsStep } from './steps';

interface Props {
  steps: readonly OptionsStep[];
  current: string;
  /** Steps with changes that are not saved yet. */
  unsaved: ReadonlySet<string>;
  onGo: (id: string) => void;
}

export function StepNav({ steps, current, unsaved, onGo }: Props) {
  return (
    <nav aria-label="Set-up steps" class="steps">
      <ol>
        {steps.map((s, i) => (
          <li key={s.id}>
            <button type="button" class="step" aria-current={s.id === current ? 'step' : undefined} onClick={() => onGo(s.id)}>
              <span class="step-number" aria-hidden="true">
                {i + 1}
              </span>{' '}
              {s.title}
              {unsaved.has(s.id) && <span class="unsaved"> (not saved)</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

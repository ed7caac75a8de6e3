/**
 * The person's false-match answers ("This isn't a pupil" and the like), each with what it silences,
 * and Undo. Each is kept as salted hashes with a hint, so the words themselves cannot be shown.
 * Undoing one brings the warning back: the background follows the list in storage.
 */
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { RULES } from '../../lib/engine/rules/catalogue';
import type { PupilNameAnswers, RuleId } from '../../lib/policy/rule-ids';
import { EXCEPTIONS_KEY, readExceptions, reachWords, withoutException, type FalseMatch } from '../../lib/settings/exception-list';

function ruleTitle(rule: string): string {
  return RULES[rule as RuleId]?.title ?? rule;
}

function dateWords(isoDay: string): string {
  const d = new Date(`${isoDay}T12:00:00`);
  return Number.isNaN(d.getTime()) ? isoDay : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

async function remove(gone: FalseMatch): Promise<void> {
  // Read the list again first: the background may have added one since this page drew it.
  const got = await browser.storage.local.get(EXCEPTIONS_KEY);
  await browser.storage.local.set({ [EXCEPTIONS_KEY]: withoutException(readExceptions(got[EXCEPTIONS_KEY]), gone) });
}

export function ExceptionList({ raw, pupilNameAnswers }: { raw: unknown; pupilNameAnswers?: PupilNameAnswers }) {
  const list = readExceptions(raw);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Not a match</h2>
      <p>
        Your answers to “This isn’t a pupil”, “This isn’t a colleague” and “This isn’t our school”, with what each one silences. Second Look keeps
        them only as codes it cannot turn back into words, with a hint: the first letter of each word and the length. Undo one to be warned about
        those words again.
      </p>
      {list.length === 0 ? (
        <p id="no-exceptions">None yet.</p>
      ) : (
        <ul class="exceptions">
          {list.map((e) => {
            const reach = reachWords(e, pupilNameAnswers);
            return (
              <li key={e.id ?? `${e.rule}|${e.hash}`}>
                <span>
                  <strong>{e.hint}</strong> · {ruleTitle(e.rule)} · {reach} · added {dateWords(e.added)}
                </span>
                <button
                  type="button"
                  aria-label={`Undo: ${e.hint}, ${ruleTitle(e.rule)}, ${reach}`}
                  onClick={() =>
                    void remove(e).then(
                      () => setStatus(`Undone. Second Look will warn about ${e.hint} again.`),
                      () => setStatus('Could not undo it. Please try again.'),
                    )
                  }
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}

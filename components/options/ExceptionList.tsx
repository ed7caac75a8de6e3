/**
 * The person's "not a pupil / not our school" answers. Each is a salted hash with a hint, so the words
 * themselves cannot be shown. Removing one brings the warning back: the background follows the list in
 * storage.
 */
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { RULES } from '../../lib/engine/rules/catalogue';
import type { RuleId } from '../../lib/policy/rule-ids';
import { EXCEPTIONS_KEY, readExceptions, withoutException, type FalseMatch } from '../../lib/settings/exception-list';

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

export function ExceptionList({ raw }: { raw: unknown }) {
  const list = readExceptions(raw);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Not a match</h2>
      <p>
        Words you marked “This isn’t a pupil”, “This isn’t a colleague” or “This isn’t our school”. Second Look keeps them only as a code it
        cannot turn back into words, with a hint: the first letter of each word and the length. Remove one to be warned about those words again.
      </p>
      {list.length === 0 ? (
        <p id="no-exceptions">None yet.</p>
      ) : (
        <ul class="exceptions">
          {list.map((e) => (
            <li key={`${e.rule}|${e.hash}`}>
              <span>
                <strong>{e.hint}</strong> · {ruleTitle(e.rule)} · added {dateWords(e.added)}
              </span>
              <button
                type="button"
                aria-label={`Remove ${e.hint}, ${ruleTitle(e.rule)}`}
                onClick={() =>
                  void remove(e).then(
                    () => setStatus(`Removed ${e.hint}. Second Look will warn about those words again.`),
                    () => setStatus('Could not remove it. Please try again.'),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}

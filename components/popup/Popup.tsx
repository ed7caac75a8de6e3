/**
 * The toolbar popup: is Second Look on for this site, which settings are in force (and any problems
 * with them), this week's local counts, and the school's policy link and contact. Never any post text.
 */
import browser from 'webextension-polyfill';
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PolicyState } from '../../lib/policy/storage-keys';
import { STORAGE_KEYS } from '../../lib/policy/storage-keys';
import { isWebLink } from '../../lib/settings/web-link';
import { siteWords, sourceWords } from '../../lib/settings/status-words';
import { COUNT_LABELS, COUNT_MEANINGS, COUNT_NAMES, COUNTS_KEY, countsThisWeek } from '../../lib/settings/week-counts';
import { ManagedPolicyInfo } from '../settings/ManagedPolicyInfo';
import { PolicyIssues } from '../settings/PolicyIssues';
import { RestartNote } from './RestartNote';
import { PageDiagnosis } from './PageDiagnosis';
import { useLocalStorage } from '../settings/use-local-storage';

const KEYS = [STORAGE_KEYS.state, COUNTS_KEY] as const;

/**
 * The address of the tab the popup was opened over. Chrome gives it because the person clicked the
 * toolbar button (the "activeTab" permission, which asks for nothing at install); it is only compared
 * with the four sites, never kept.
 */
function useActiveTabUrl(): string | undefined | null {
  const [url, setUrl] = useState<string | undefined | null>(null);
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setUrl(tab?.url))
      .catch(() => setUrl(undefined));
  }, []);
  return url;
}

function openOptions(): void {
  void browser.runtime.openOptionsPage().then(() => window.close());
}

export function Popup() {
  const stored = useLocalStorage(KEYS);
  const url = useActiveTabUrl();
  if (!stored || url === null) return <main aria-busy="true" />;
  const state = stored[STORAGE_KEYS.state] as PolicyState | undefined;
  const source = sourceWords(state);
  const site = siteWords(url, state);
  const counts = countsThisWeek(stored[COUNTS_KEY]);
  const policyUrl = state?.policy.policyUrl?.trim();
  const contact = state?.policy.contact?.trim();
  return (
    <main>
      <h1>Second Look</h1>
      <p class="row" id="site-status">
        <span class={`badge ${site.active ? 'on' : 'off'}`}>{site.active ? 'On' : site.site ? 'Off' : 'Not here'}</span>
        <span>{site.text}</span>
      </p>
      {site.site && <PageDiagnosis />}

      <h2>Settings in force</h2>
      <p class="row" id="policy-source">
        <strong>{source.text}</strong>
        {source.source === 'managed' && <span class="badge locked">Set by your school</span>}
      </p>
      <ManagedPolicyInfo state={state} />
      {source.source === 'defaults' && <p>Add your school’s name and the names to watch for, and Second Look can warn you about them.</p>}
      {state && <PolicyIssues state={state} />}
      <RestartNote state={state} />
      <p>
        <button type="button" class={source.source === 'defaults' ? 'primary' : ''} onClick={openOptions}>
          {source.source === 'defaults' ? 'Set up Second Look' : 'Open settings'}
        </button>
      </p>

      <h2 id="counts-heading">This week on this device</h2>
      <dl class="counts" aria-labelledby="counts-heading">
        {COUNT_NAMES.map((name) => (
          <Fragment key={name}>
            <dt>{COUNT_LABELS[name]}</dt>
            <dd data-count={name}>{counts[name]}</dd>
          </Fragment>
        ))}
      </dl>
      <details class="counts-help">
        <summary>What these numbers mean</summary>
        <dl>
          {COUNT_NAMES.map((name) => (
            <Fragment key={name}>
              <dt>{COUNT_LABELS[name]}</dt>
              <dd data-meaning={name}>{COUNT_MEANINGS[name]}</dd>
            </Fragment>
          ))}
        </dl>
        <p>A post that got a warning and was sent as it was, without Second Look asking first, counts only as a warning shown.</p>
      </details>
      <p class="muted">Only these numbers are kept, on this device. Nothing you type is stored or sent.</p>

      {(policyUrl || contact) && (
        <>
          <h2>Your school’s policy</h2>
          <ul class="links">
            {policyUrl && isWebLink(policyUrl) && (
              <li>
                <a href={policyUrl} target="_blank" rel="noreferrer">
                  Read the social media policy
                </a>
              </li>
            )}
            {contact && <li>Questions: {contact}</li>}
          </ul>
        </>
      )}
    </main>
  );
}

/**
 * "On this page": what Second Look sees in the tab the popup was opened over (editors and whether
 * their send buttons are found, requests and profiles and whether names are read), asked of that
 * tab's content script. Counts and kinds only. "Copy a report for IT" copies which hooks matched,
 * with the extension and browser versions and the page's language, for a ticket when a site changes.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { DiagnoseRequest } from '../../lib/messages';
import type { PageDiagnosis as Diagnosis } from '../../lib/runtime/page-diagnosis';
import { browserVersion, diagnosisWords, reportForIT } from '../../lib/settings/diagnosis-words';

type Seen = { state: 'asking' } | { state: 'none' } | { state: 'seen'; diagnosis: Diagnosis };

function useDiagnosis(): Seen {
  const [seen, setSeen] = useState<Seen>({ state: 'asking' });
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no tab');
        const diagnosis = (await browser.tabs.sendMessage(tab.id, { type: 'second-look:diagnose' } satisfies DiagnoseRequest)) as Diagnosis | undefined;
        if (live) setSeen(diagnosis ? { state: 'seen', diagnosis } : { state: 'none' });
      } catch {
        // No content script in the tab: it was open before Second Look was installed or updated.
        if (live) setSeen({ state: 'none' });
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return seen;
}

/** The older way, for browsers that refuse the Clipboard API here (a popup that lost focus). */
function copyBySelection(text: string): boolean {
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.style.position = 'fixed';
  box.style.opacity = '0';
  document.body.append(box);
  box.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    box.remove();
  }
}

function currentBrowser(): string {
  const data = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } }).userAgentData;
  return browserVersion(navigator.userAgent, data?.brands);
}

export function PageDiagnosis() {
  const seen = useDiagnosis();
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  if (seen.state === 'asking') return <section aria-labelledby="diagnosis-heading" aria-busy="true"><h2 id="diagnosis-heading">On this page</h2></section>;
  if (seen.state === 'none') {
    return (
      <section aria-labelledby="diagnosis-heading">
        <h2 id="diagnosis-heading">On this page</h2>
        <p id="page-diagnosis">Second Look cannot see this page yet. Reload the page, then open this again.</p>
      </section>
    );
  }
  const { diagnosis } = seen;
  const words = diagnosisWords(diagnosis);
  const copy = () => {
    const report = reportForIT(diagnosis, { extensionVersion: browser.runtime.getManifest().version, browser: currentBrowser() });
    navigator.clipboard.writeText(report).then(
      () => setCopied('copied'),
      () => setCopied(copyBySelection(report) ? 'copied' : 'failed'),
    );
  };
  return (
    <section aria-labelledby="diagnosis-heading">
      <h2 id="diagnosis-heading">On this page</h2>
      <p id="page-diagnosis">Second Look sees: {[words.editors, words.contacts].filter(Boolean).join('; ')}.</p>
      <p class="row">
        <button type="button" onClick={copy}>Copy a report for IT</button>
        <span role="status" class="muted">
          {copied === 'copied' ? 'Copied. It lists which parts of the page Second Look found; nothing anyone wrote, no names.' : copied === 'failed' ? 'Could not copy: your browser refused.' : ''}
        </span>
      </p>
    </section>
  );
}

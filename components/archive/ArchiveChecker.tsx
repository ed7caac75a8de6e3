/**
 * "Check my old posts": the person picks a site's data export; a worker reads it and checks every
 * post with the policy in force, with a progress bar and Cancel; the flagged posts join the list.
 * The file never leaves the device, and nothing is kept: closing the page forgets the list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckedItem, CheckProgress } from '../../lib/archive/check-archive';
import { SITE_NAMES } from '../../lib/archive/types';
import type { FromWorker, StartCheck } from '../../lib/archive/worker-protocol';
import { EXCEPTIONS_KEY } from '../../lib/background/exceptions';
import { DEFAULT_POLICY, STORAGE_KEYS, type PolicyState } from '../../lib/policy/storage-keys';
import { useLocalStorage } from '../settings/use-local-storage';
import { ResultList } from './ResultList';
import ArchiveWorker from '../../lib/archive/archive.worker.ts?worker';

const KEYS = [STORAGE_KEYS.state, EXCEPTIONS_KEY, 'exceptionSalt'] as const;

interface Checked {
  name: string;
  site: string;
  checked: number;
  flagged: number;
  problems: { message: string; file?: string }[];
}

type Run =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; progress: CheckProgress }
  | { kind: 'done'; result: Checked }
  | { kind: 'cancelled'; name: string }
  | { kind: 'failed'; name: string; message: string };

const number = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

export function ArchiveChecker() {
  const stored = useLocalStorage(KEYS);
  const [items, setItems] = useState<CheckedItem[]>([]);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [history, setHistory] = useState<Checked[]>([]);
  const worker = useRef<Worker>();
  const fileInput = useRef<HTMLInputElement>(null);
  // Flagged items of the archive being read: they join the list only when it has been read to the end.
  const pending = useRef<CheckedItem[]>([]);

  useEffect(() => () => worker.current?.terminate(), []);

  const state = stored?.[STORAGE_KEYS.state] as PolicyState | undefined;
  const policy = state?.policy ?? DEFAULT_POLICY;

  function start(file: File): void {
    worker.current?.terminate();
    pending.current = [];
    const w = new ArchiveWorker();
    worker.current = w;
    setRun({ kind: 'reading', name: file.name, progress: { done: 0, total: 0, checked: 0, flagged: 0 } });
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'failed') {
        setRun({ kind: 'failed', name: file.name, message: message.message });
        w.terminate();
        return;
      }
      pending.current.push(...message.flagged);
      if (message.type === 'progress') {
        setRun({ kind: 'reading', name: file.name, progress: message.progress });
        return;
      }
      const result: Checked = { name: file.name, site: SITE_NAMES[message.site], checked: message.progress.checked, flagged: message.progress.flagged, problems: message.problems };
      const found = pending.current;
      pending.current = [];
      // The same export chosen twice adds nothing twice.
      setItems((list) => {
        const known = new Set(list.map((i) => `${i.site}:${i.id}`));
        return [...list, ...found.filter((i) => !known.has(`${i.site}:${i.id}`))];
      });
      setHistory((h) => [...h, result]);
      setRun({ kind: 'done', result });
      w.terminate();
    };
    w.onerror = (event) => {
      event.preventDefault();
      setRun({ kind: 'failed', name: file.name, message: `Something went wrong while reading this file${event.message ? `: ${event.message}` : ''}. Nothing was kept.` });
      w.terminate();
    };
    const exceptions = { exceptionSalt: stored?.exceptionSalt, [EXCEPTIONS_KEY]: stored?.[EXCEPTIONS_KEY] };
    w.postMessage({ type: 'start', file, policy, exceptions } satisfies StartCheck);
  }

  function cancel(): void {
    if (run.kind !== 'reading') return;
    worker.current?.terminate();
    worker.current = undefined;
    pending.current = [];
    setRun({ kind: 'cancelled', name: run.name });
  }

  if (!stored) return <main aria-busy="true" />;
  const reading = run.kind === 'reading';

  return (
    <main>
      <h1>Check my old posts</h1>
      <p>
        Your school’s policy asks you to review what you have already posted. Each site lets you download your posts; choose that file here and
        Second Look checks every post, comment and profile field in it against {state?.policy.schoolName ? `${state.policy.schoolName}’s` : 'your school’s'}{' '}
        policy.
      </p>
      {state?.source !== 'managed' && state?.source !== 'personal' && (
        <p class="issues warning">
          Second Look is not set up yet, so it cannot look for your school’s name or your pupils’ and colleagues’ names.{' '}
          <a href="options.html">Set it up first</a>.
        </p>
      )}
      <details>
        <summary>How to download your posts from each site</summary>
        <ul>
          <li>
            <strong>X</strong>: Settings → Your account → Download an archive of your data. You get a .zip file.
          </li>
          <li>
            <strong>Facebook</strong>: Settings → Accounts Centre → Your information and permissions → Download your information. Choose{' '}
            <em>Format: JSON</em> (not HTML). Posts and comments are enough.
          </li>
          <li>
            <strong>Instagram</strong>: the same, in Accounts Centre, for your Instagram account, with <em>Format: JSON</em>.
          </li>
          <li>
            <strong>TikTok</strong>: Settings and privacy → Account → Download your data, with <em>JSON</em> as the file format.
          </li>
        </ul>
      </details>

      <div class="field chooser">
        <label for="archive-file">Choose a downloaded export (.zip)</label>
        <p class="hint" id="archive-hint">
          The file is read on this device. Nothing is sent anywhere or kept: closing this page forgets the list.
        </p>
        <input
          ref={fileInput}
          id="archive-file"
          type="file"
          accept=".zip,application/zip"
          aria-describedby="archive-hint"
          disabled={reading}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) start(file);
            e.currentTarget.value = '';
          }}
        />
      </div>

      <div role="status" aria-live="polite" class="run-status">
        {run.kind === 'reading' && (
          <div class="progress">
            <p>
              Checking {run.name}: {plural(run.progress.checked, 'post', 'posts')} checked, {number(run.progress.flagged)} may break the policy.
            </p>
            <progress id="archive-progress" aria-label={`Reading ${run.name}`} max={run.progress.total || 1} value={run.progress.done} />
          </div>
        )}
        {run.kind === 'done' && (
          <p class="ok-text">
            {run.result.name} ({run.result.site}): {plural(run.result.checked, 'post, comment or profile field', 'posts, comments and profile fields')} checked;{' '}
            {run.result.flagged ? `${number(run.result.flagged)} may break your school’s policy.` : 'none breaks your school’s policy.'}
          </p>
        )}
        {run.kind === 'cancelled' && <p>Stopped checking {run.name}. Nothing from it was added to the list.</p>}
        {run.kind === 'failed' && (
          <p class="error-text" role="alert">
            {run.name}: {run.message}
          </p>
        )}
      </div>
      {reading && (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      )}
      {run.kind === 'done' && run.result.problems.length > 0 && (
        <div class="issues warning">
          <h3>Some files in it could not be read; the rest were checked</h3>
          <ul>
            {run.result.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {history.length > 1 && (
        <p class="muted">
          Checked so far: {history.map((h) => `${h.name} (${h.site}, ${number(h.flagged)} flagged)`).join(', ')}. Choose another file to add it to the list.
        </p>
      )}

      {items.length > 0 && <ResultList items={items} />}
    </main>
  );
}

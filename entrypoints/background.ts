/**
 * Background service worker: works out which policy is in force (managed > personal > defaults),
 * keeps it in extension storage, and runs the engine for the content scripts. It makes no network
 * requests.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { CheckService } from '../lib/background/check-service';
import { EXCEPTIONS_KEY } from '../lib/background/exceptions';
import { createLookHost } from '../lib/background/look-host';
import { PhotoService } from '../lib/background/photo-service';
import { oneAtATime } from '../lib/background/one-at-a-time';
import { notifyPages } from '../lib/background/notify-pages';
import { injectIntoOpenTabs } from '../lib/background/reinject';
import { isRequest, PORT_NAME, type PortReply, type PortRequest } from '../lib/messages';
import { refreshPolicyState, STORAGE_KEYS } from '../lib/policy/store';

/** How long a waking worker leaves the first check's path clear before reading the policy again. */
const WAKE_REFRESH_DELAY_MS = 1000;

// A classic worker script, not a module: Chrome keeps V8's compiled code for a classic extension
// worker and reads it back on every start, so a worker woken by a keystroke does not parse its
// half-megabyte bundle again (the bench's cold start: about 60 ms less from start to running here).
export default defineBackground({
  main() {
    // Bench builds only (npm run bench:browser): where a waking worker's time goes. Not in production.
    const mark = import.meta.env.MODE === 'bench' ? (step: string) => void performance.mark(step) : undefined;
    mark?.('second-look:worker-main');
    const storage = { managed: browser.storage.managed, local: browser.storage.local, session: browser.storage.session };
    // storage.session (memory only, worker-side only) keeps the compiled roster index across the
    // worker's restarts; Firefox before 115 has none, and compiles on each start.
    const checks = new CheckService(browser.storage.local, browser.storage.session, mark);
    // Photos attached in a page: metadata here, faces and text in a document (offscreen, or a frame in Firefox).
    // The Firefox build carries no face or text models (their bundles use the Function constructor,
    // which Mozilla's review refuses): there, photos are checked by their metadata only.
    const lookHost = import.meta.env.FIREFOX
      ? undefined
      : createLookHost({ offscreen: (globalThis as { chrome?: { offscreen?: never } }).chrome?.offscreen, runtime: browser.runtime as never });
    const photos = new PhotoService(() => checks.context(), lookHost);
    browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id === browser.runtime.id && (message as { type?: string })?.type === 'second-look:look-idle') lookHost?.onIdle(message as never);
      return undefined;
    });
    // Pages are told to check again only once the worker has the new policy (their checks wait for it).
    let policyChanged = false;
    const refresh = oneAtATime(() =>
      refreshPolicyState(storage, { onManagedLate: refresh, onPolicyChanged: () => (policyChanged = true) })
        .then((state) => {
          checks.apply(state);
          if (!policyChanged) return;
          policyChanged = false;
          notifyPages(browser as never, { type: 'second-look:recheck', siteOverrides: state.policy.siteOverrides ?? {} }).catch(() => undefined);
        })
        .catch((error: unknown) => console.warn('Second Look: could not read the policy', error)),
    );
    // On waking after idle the first check reads the stored state itself, and a refresh then (reading
    // and writing every copy of the roster) doubled the time to its card: it runs a moment later. A
    // change while asleep still wakes the worker through storage.onChanged; starts and installs refresh at once.
    // Only when nothing has refreshed since (an install or start would write the state twice).
    const wakeRefresh = setTimeout(refresh, WAKE_REFRESH_DELAY_MS);
    const refreshNow = (): void => {
      clearTimeout(wakeRefresh);
      refresh();
    };
    browser.runtime.onStartup.addListener(refreshNow);
    browser.runtime.onInstalled.addListener(refreshNow);
    // Installed, updated or reloaded while pages were open: those pages get the content scripts now.
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (!import.meta.env.FIREFOX && (reason === 'install' || reason === 'update')) injectIntoOpenTabs(browser as never).catch(() => undefined);
    });
    // Managed policy can arrive a few seconds after start-up, or change while the browser runs.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || (area === 'local' && STORAGE_KEYS.personal in changes)) refreshNow();
      if (area === 'local' && EXCEPTIONS_KEY in changes) {
        checks.exceptions.setExceptions(changes[EXCEPTIONS_KEY].newValue);
        notifyPages(browser as never, { type: 'second-look:recheck' }).catch(() => undefined);
      }
    });
    // Content scripts keep a port open while someone writes (web pages cannot connect to it).
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== PORT_NAME || port.sender?.id !== browser.runtime.id) return port.disconnect();
      port.onMessage.addListener((message: unknown) => {
        const { id, request } = message as PortRequest;
        if (!isRequest(request)) return;
        mark?.('second-look:request-received');
        const answer =
          request.type === 'second-look:photo' ? photos.metadata(request)
          : request.type === 'second-look:photo-look' ? photos.look(request)
          : checks.handle(request);
        answer
          .then((response) => {
            mark?.('second-look:request-answered');
            port.postMessage({ id, response } satisfies PortReply);
          })
          .catch((error: unknown) => console.warn('Second Look: check failed', error));
      });
    });
  },
});

/**
 * The document that looks at pictures (faces, text): Chrome's offscreen document, or a frame in
 * Firefox's background page. Wiring only; the work is in lib/photo/look/. It answers the background
 * worker alone, keeps nothing, and after LOOK_IDLE_MS with no photo lets its models go and asks to be
 * closed.
 */
import browser from 'webextension-polyfill';
import { PhotoLooker, type LookResult } from './look';
import { LOOK_IDLE_MS, LOOK_TARGET, type LookIdleMessage, type LookMessage } from '../messages';

const looker = new PhotoLooker((path) => browser.runtime.getURL(path));
let idle: ReturnType<typeof setTimeout> | undefined;
let busy = 0;

function restartIdleTimer(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => {
    if (busy) return restartIdleTimer();
    void looker.dispose();
    browser.runtime.sendMessage({ type: 'second-look:look-idle' } satisfies LookIdleMessage).catch(() => undefined);
  }, LOOK_IDLE_MS);
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const m = message as LookMessage;
  if (m?.target !== LOOK_TARGET || sender.id !== browser.runtime.id) return undefined;
  busy++;
  return looker
    .look(m.request)
    .catch((error: unknown): LookResult => ({ ms: { decode: 0 }, error: String((error as Error)?.message ?? error) }))
    .finally(() => {
      busy--;
      restartIdleTimer();
    });
});
restartIdleTimer();

/**
 * The content script's line to the engine in the background worker: one long-lived port (cheaper per
 * message than runtime.sendMessage), opened again if the worker restarts.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { CheckRequest, CheckResponse, ContactResponse, Recipient, Request } from '../messages';
import type { PhotoLookRequest, PhotoLookResponse, PhotoRequest, PhotoResponse } from '../photo/messages';
import { PORT_NAME, type PortReply, type PortRequest } from '../messages';
import type { AnswerScope } from '../background/answer-scope';
import type { Site, Surface } from '../policy/rule-ids';

/** The worker stopped (or restarted) with this question unanswered. */
class WorkerRestarted extends Error {}

/**
 * A question lost with a worker that stopped is asked once more of the new one: a send or a pupil's
 * Confirm waiting for its answer must get one, not go through unchecked.
 */
const RETRIES_AFTER_RESTART = 1;

export class Checker {
  private port?: Runtime.Port;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  /** `onLost` is told when the port closes: the worker restarted, or the extension was reloaded or updated. */
  constructor(
    private readonly site: Site,
    private readonly onLost: () => void = () => undefined,
  ) {}

  private connect(): Runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener((message: unknown) => {
      const reply = message as PortReply;
      this.waiting.get(reply.id)?.resolve(reply.response);
      this.waiting.delete(reply.id);
    });
    port.onDisconnect.addListener(() => {
      // Read, so Chrome does not log "Unchecked runtime.lastError" into the site's console (a port to a
      // worker that stopped before it answered closes with an error).
      void browser.runtime.lastError;
      this.port = undefined;
      for (const w of this.waiting.values()) w.reject(new WorkerRestarted('The Second Look worker restarted.'));
      this.waiting.clear();
      this.onLost();
    });
    this.port = port;
    return port;
  }

  private ask(request: Request, retries = RETRIES_AFTER_RESTART): Promise<unknown> {
    return this.post(request).catch((error: unknown) => {
      // The extension itself went away (reloaded, removed): connecting again throws, and that ends it.
      if (error instanceof WorkerRestarted && retries > 0) return this.ask(request, retries - 1);
      throw error;
    });
  }

  private post(request: Request): Promise<unknown> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        this.connect().postMessage({ id, request } satisfies PortRequest);
      } catch (error) {
        this.waiting.delete(id);
        this.port = undefined;
        reject(error as Error);
      }
    });
  }

  async check(text: string, surface: Surface, recipient?: Recipient, account?: string): Promise<CheckResponse> {
    const request: CheckRequest = { type: 'second-look:check', text, surface, site: this.site };
    if (recipient) request.recipient = recipient;
    if (account) request.account = account;
    const response = (await this.ask(request)) as CheckResponse | undefined;
    return response ?? { findings: [], mode: 'warn', siteEnabled: true };
  }

  async contacts(people: { name: string; handle?: string }[]): Promise<ContactResponse> {
    const response = (await this.ask({ type: 'second-look:contact', people, site: this.site })) as ContactResponse | undefined;
    return response ?? { matches: people.map(() => null) };
  }

  /** An attached photo's metadata (photo checks, lib/runtime/attachments.ts). */
  async photo(request: Omit<PhotoRequest, 'type'>): Promise<PhotoResponse> {
    return (await this.ask({ type: 'second-look:photo', ...request })) as PhotoResponse;
  }

  /** Faces and text in a shrunk copy of an attached photo. */
  async photoLook(request: Omit<PhotoLookRequest, 'type'>): Promise<PhotoLookResponse> {
    return ((await this.ask({ type: 'second-look:photo-look', ...request })) as PhotoLookResponse | undefined) ?? { failed: true };
  }

  /** pupil-contact: this displayed name is not the pupil's. */
  notAMatch(rule: string, words: string): Promise<unknown>;
  /** A post: the words at [start, end) of `text` are a false match, as far as `scope` reaches. */
  notAMatch(answer: { rule: string; scope: AnswerScope; text: string; start: number; end: number; surface: Surface; account?: string }): Promise<unknown>;
  notAMatch(
    a: string | { rule: string; scope: AnswerScope; text: string; start: number; end: number; surface: Surface; account?: string },
    words?: string,
  ): Promise<unknown> {
    if (typeof a === 'string') return this.ask({ type: 'second-look:not-a-match', rule: a, words: words ?? '' });
    return this.ask({ type: 'second-look:not-a-match', rule: a.rule, words: a.text, scope: a.scope, start: a.start, end: a.end, surface: a.surface, site: this.site, account: a.account });
  }

  /** Open the line when an editor gets focus, so the worker is awake before the first keystroke. */
  warm(): void {
    this.ask({ type: 'second-look:warm' }).catch(() => undefined);
  }

  disconnect(): void {
    this.port?.disconnect();
    this.port = undefined;
  }
}

/**
 * Where pictures are looked at (faces, text), from the background worker's side. Chrome's service
 * worker has no DOM and no Worker, so it opens an offscreen document (reason WORKERS) on the first
 * photo; the document closes itself through us after LOOK_IDLE_MS with nothing to do. Where there is no
 * offscreen API (Firefox's background is a page), the same document runs in a frame of the background
 * page. Feature-detected, never assumed.
 */
import { LOOK_TARGET, type LookIdleMessage, type LookMessage } from '../photo/messages';
import type { LookRequest, LookResult } from '../photo/look/look';

export const LOOK_PAGE = 'look.html';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

interface RuntimeApi {
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

export interface LookHost {
  look(request: LookRequest): Promise<LookResult>;
  /** The looking document said it has been idle: let it go. */
  onIdle(message: LookIdleMessage): void;
  /** Whether the document is open now (for tests and the benchmark). */
  readonly open: boolean;
}

/** Chrome: an offscreen document, opened on demand. */
class OffscreenHost implements LookHost {
  private opening?: Promise<void>;
  open = false;
  private lastUse = 0;

  constructor(
    private readonly offscreen: OffscreenApi,
    private readonly runtime: RuntimeApi,
  ) {}

  private async ensure(): Promise<void> {
    if (this.open) return;
    this.opening ??= (async () => {
      // The worker may have restarted while the document stayed open.
      const url = this.runtime.getURL(LOOK_PAGE);
      const existing = (await this.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) ?? [];
      if (!existing.length) {
        await this.offscreen.createDocument({
          url: LOOK_PAGE,
          reasons: ['WORKERS'],
          justification: 'Counts faces and reads text in a photo being attached to a post, on this computer (WebAssembly in a worker).',
        });
      }
      this.open = true;
    })().finally(() => {
      this.opening = undefined;
    });
    await this.opening;
  }

  async look(request: LookRequest): Promise<LookResult> {
    this.lastUse = Date.now();
    await this.ensure();
    const reply = (await this.runtime.sendMessage({ target: LOOK_TARGET, request } satisfies LookMessage)) as LookResult | undefined;
    this.lastUse = Date.now();
    if (!reply) throw new Error('The photo checker did not answer.');
    return reply;
  }

  onIdle(): void {
    // A photo may have arrived since the document last counted: only close when nothing did.
    if (Date.now() - this.lastUse < 1_000 || this.opening) return;
    this.open = false;
    this.offscreen.closeDocument().catch(() => undefined);
  }
}

/** Firefox (no offscreen API; the background is a page): the same document in a hidden frame. */
class FrameHost implements LookHost {
  private frame?: HTMLIFrameElement;
  private loaded?: Promise<void>;

  constructor(private readonly runtime: RuntimeApi) {}

  get open(): boolean {
    return Boolean(this.frame);
  }

  async look(request: LookRequest): Promise<LookResult> {
    if (!this.frame) {
      const frame = document.createElement('iframe');
      frame.src = this.runtime.getURL(LOOK_PAGE);
      this.loaded = new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      document.body.append(frame);
      this.frame = frame;
    }
    await this.loaded;
    const reply = (await this.runtime.sendMessage({ target: LOOK_TARGET, request } satisfies LookMessage)) as LookResult | undefined;
    if (!reply) throw new Error('The photo checker did not answer.');
    return reply;
  }

  onIdle(): void {
    this.frame?.remove();
    this.frame = undefined;
    this.loaded = undefined;
  }
}

/** The host this browser supports, or undefined when pictures cannot be looked at here (metadata still is). */
export function createLookHost(api: { offscreen?: OffscreenApi; runtime: RuntimeApi }): LookHost | undefined {
  if (api.offscreen?.createDocument) return new OffscreenHost(api.offscreen, api.runtime);
  if (typeof document !== 'undefined' && typeof Worker !== 'undefined') return new FrameHost(api.runtime);
  return undefined;
}

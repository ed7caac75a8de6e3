/**
 * Photos and videos attached in the page: a file picked in one of the site's file inputs, dropped on
 * a compose box, or pasted into one. Listened for on `window` in the capture phase from
 * document_start, so we see the files before the site's own handlers (X clears its input at once);
 * the files are taken inside the listener, because a moment later the lists are empty. An input
 * inside a shadow root fires `input` but not `change` at `window`, so both are listened for. Nothing
 * is prevented or stopped: the upload reaches the site's own handler as if we were not here.
 *
 * Each file is read (its first bytes, or a video's boxes), checked by the worker, then, for pictures
 * the browser can draw, shrunk to about a megapixel and looked at (faces, text). Results go to the
 * compose box's EditorSession, which shows them in its card. Nothing is stored.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readAttachment, shrunkCopy } from '../photo/page-reader';
import type { AttachmentTargets, SiteAdapter } from '../sites/types';
import type { Checker } from './checker';
import type { EditorSession } from './editor-session';

/** More than this many files in one go: the first ones are checked. */
const MAX_FILES = 10;
/** Files attached with no compose box around yet (Instagram's and TikTok's upload steps) wait this long for one. */
const UNCLAIMED_MS = 10 * 60_000;

const DEFAULT_TARGETS: AttachmentTargets = { inputs: 'input[type="file"]', drop: '[role="dialog"], form', paste: '[contenteditable="true"], [contenteditable=""], textarea', uploadsOnAttach: false };

function isMedia(file: File): boolean {
  return file.type.startsWith('image/') || file.type.startsWith('video/') || /\.(heic|heif|jpe?g|png|webp|gif|mp4|mov|m4v)$/i.test(file.name);
}

export class AttachmentWatcher {
  private readonly seen = new WeakSet<File>();
  private unclaimed: { files: File[]; at: number }[] = [];
  private readonly targets: AttachmentTargets;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly checker: Checker,
    /** The compose box a file attached at this element belongs to, if one can be found. */
    private readonly sessionAt: (target: Element) => EditorSession | undefined,
  ) {
    this.targets = adapter.attachments ?? DEFAULT_TARGETS;
  }

  /** Registered at document_start; removed with the content script's context. */
  listen(ctx: ContentScriptContext): void {
    const onPick = (e: Event) => this.onPick(e);
    ctx.addEventListener(window, 'change', onPick, { capture: true });
    ctx.addEventListener(window, 'input', onPick, { capture: true });
    ctx.addEventListener(window, 'drop', (e) => this.onTransfer(e, e.dataTransfer, this.targets.drop), { capture: true });
    ctx.addEventListener(window, 'paste', (e) => this.onTransfer(e, e.clipboardData, this.targets.paste), { capture: true });
  }

  private onPick(e: Event): void {
    const input = e.composedPath()[0];
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
    if (!input.matches(this.targets.inputs)) return;
    this.take(input, [...input.files]);
  }

  private onTransfer(e: Event, data: DataTransfer | null, where: string): void {
    if (!data?.files?.length) return;
    const target = e.composedPath()[0];
    if (!(target instanceof Element) || !target.closest(where)) return;
    this.take(target, [...data.files]);
  }

  /** Synchronously: the lists are emptied once the event is over. */
  private take(target: Element, files: File[]): void {
    const fresh = files.filter((f) => isMedia(f) && !this.seen.has(f)).slice(0, MAX_FILES);
    if (!fresh.length) return;
    for (const f of fresh) this.seen.add(f);
    // Bench builds only (npm run bench:photo): when the files were taken. Not in production.
    if (import.meta.env.MODE === 'bench') performance.mark('second-look:photo-attached');
    let session: EditorSession | undefined;
    try {
      session = this.sessionAt(target);
    } catch {
      session = undefined;
    }
    if (session) this.checkAll(session, fresh);
    else this.unclaimed.push({ files: fresh, at: Date.now() });
  }

  /** A compose box appeared: files attached before it (an upload step) are its. */
  adopt(session: EditorSession): void {
    const now = Date.now();
    const waiting = this.unclaimed.filter((u) => now - u.at < UNCLAIMED_MS);
    this.unclaimed = [];
    for (const u of waiting) this.checkAll(session, u.files);
  }

  private checkAll(session: EditorSession, files: File[]): void {
    for (const file of files) void this.check(session, file);
  }

  private async check(session: EditorSession, file: File): Promise<void> {
    const handle = session.side.addPhoto();
    try {
      const read = await readAttachment(file);
      const first = await this.checker.photo({ site: this.adapter.site, ...read });
      session.setMode(first.mode);
      handle.update(first.signals, first.rule);
      // Only shrunk and sent when the policy wants faces or text looked for (a drawable photo).
      if (!first.look) return;
      const image = await shrunkCopy(file, read.kind).catch(() => undefined);
      if (!image) {
        handle.update({ ...first.signals, look: 'failed' });
        return;
      }
      if (import.meta.env.MODE === 'bench') performance.mark('second-look:photo-shrunk');
      const seen = await this.checker.photoLook({ site: this.adapter.site, image, ...first.look });
      if (import.meta.env.MODE === 'bench') performance.mark('second-look:photo-looked', { detail: seen.ms });
      handle.update({
        ...first.signals,
        ...(seen.faces !== undefined ? { faces: seen.faces } : {}),
        ...(seen.text ? { text: seen.text } : {}),
        look: seen.failed ? 'failed' : 'done',
      });
    } catch {
      // The worker restarted or the extension was updated: say nothing rather than break the page.
    } finally {
      handle.done();
      if (import.meta.env.MODE === 'bench') requestAnimationFrame(() => performance.mark('second-look:photo-checked'));
    }
  }
}

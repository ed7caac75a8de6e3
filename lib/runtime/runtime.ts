/**
 * What runs in the page, for every site: find any editable element the person focuses, classify it
 * with the site's adapter, give it an EditorSession, follow the single-page app (editors mounting and
 * unmounting, route changes, dialogs), and guard sending. Everything is tied to the content script's
 * context and torn down with it.
 */
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { STORAGE_KEYS } from '../policy/storage-keys';
import { classifySurface, profileFieldSelector, submitControlFor, type SiteAdapter } from '../sites/types';
import { Checker } from './checker';
import { ContactWatcher } from './contacts';
import { LocalCounts } from './counts';
import { editableRoot, type Editable } from './editor-text';
import { EditorSession, type PendingSubmit } from './editor-session';
import { ProfileReview } from './own-profile';

export class PageRuntime {
  private readonly sessions = new Map<Editable, EditorSession>();
  private readonly checker: Checker;
  private readonly profileFields: string;
  private scanFrame = 0;
  private readonly counts = new LocalCounts(browser.storage.local);
  private readonly contacts: ContactWatcher;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {
    this.checker = new Checker(adapter.site);
    this.profileFields = profileFieldSelector(adapter);
    this.contacts = new ContactWatcher(adapter, this.checker, this.counts);
  }

  start(): void {
    const { ctx } = this;
    // A new policy, or a new exception: check every open editor again.
    const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && (STORAGE_KEYS.state in changes || 'exceptions' in changes)) {
        this.recheckAll();
        this.contacts.forget();
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      this.stop();
      this.checker.disconnect();
    });

    // Capture phase on window: runs before the site's own (React root, Lexical root) handlers.
    ctx.addEventListener(document, 'focusin', (e) => this.sessionFor(e.composedPath()[0] ?? e.target), { capture: true });
    // An editor typed into without a focus event (focused before this script ran) still gets a session.
    ctx.addEventListener(document, 'input', (e) => this.sessionFor(e.composedPath()[0] ?? e.target), { capture: true });
    ctx.addEventListener(window, 'keydown', (e) => this.onKeyDown(e), { capture: true });
    ctx.addEventListener(window, 'click', (e) => this.onClick(e), { capture: true });
    // Requests, profiles and chats (pupil-contact): a click or key on Confirm / Follow / Message.
    ctx.addEventListener(window, 'click', (e) => this.contacts.onActivate(e), { capture: true });
    ctx.addEventListener(window, 'keydown', (e) => this.contacts.onActivate(e), { capture: true });
    ctx.addEventListener(window, 'scroll', () => this.positionAll(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.positionAll(), { passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.onRouteChange();
      this.contacts.schedule();
    });

    // Editors unmount as single-page apps re-render: drop their sessions. Content moving above an
    // editor shifts it without a scroll or resize: follow it (batched to one update per frame).
    const observer = new MutationObserver((records) => {
      this.sweep();
      this.positionAll();
      this.scheduleProfileScan();
      // Keystrokes change only the editor's own DOM: no request list or profile appears there.
      if (records.some((r) => !insideEditor(r.target))) this.contacts.schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());

    this.sessionFor(document.activeElement)?.check();
    this.scheduleProfileScan();
    this.contacts.schedule();
    // "Review my profile" on the person's own profile page: its own observer and lifecycle.
    new ProfileReview(ctx, this.adapter, this.checker).start();
  }

  /**
   * Profile fields are checked as soon as they appear, not only when focused: a job title saved
   * years ago is caught when the person opens their profile editor. Batched to one scan per frame.
   */
  private scheduleProfileScan(): void {
    if (!this.profileFields || this.scanFrame) return;
    this.scanFrame = requestAnimationFrame(() => {
      this.scanFrame = 0;
      for (const field of document.querySelectorAll(this.profileFields)) this.sessionFor(field, false);
    });
  }

  private sessionFor(target: EventTarget | null, active = true): EditorSession | undefined {
    const editor = editableRoot(target);
    if (!editor) return undefined;
    let session = this.sessions.get(editor);
    if (!session) {
      const { surface, matched } = classifySurface(this.adapter, editor, location.pathname);
      // Single-line fields are only ours when the site's adapter names them (profile fields):
      // log-in forms, search boxes and the like are not publishing.
      if (editor instanceof HTMLInputElement && !matched) return undefined;
      session = new EditorSession(editor, surface, {
        checker: this.checker,
        counts: this.counts,
        controlsNear: (el) => this.controlsNear(el),
      });
      this.sessions.set(editor, session);
      this.checker.warm();
      void session.check();
    }
    if (active) session.lastActive = performance.now();
    return session;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
      // Keyboard users reach the card from the editor; it types nothing on any platform.
      if (this.sessionFor(e.composedPath()[0] ?? e.target)?.focusCard()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      return;
    }
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey) return;
    const session = this.sessionFor(e.composedPath()[0] ?? e.target);
    if (!session) return;
    const mod = e.ctrlKey || e.metaKey;
    // Enter in a single-line field submits its form (Save); elsewhere it depends on the surface.
    const sends = session.editor instanceof HTMLInputElement || (mod ? this.adapter.modEnterSends : this.adapter.enterSends).includes(session.surface);
    if (!sends) return;
    const init: KeyboardEventInit = { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey } as KeyboardEventInit;
    this.guard(e, session, { kind: 'key', init });
  }

  private onClick(e: MouseEvent): void {
    const target = e.composedPath()[0] ?? e.target;
    if (!(target instanceof Element)) return;
    const control = submitControlFor(this.adapter, target);
    if (!control || control.getAttribute('aria-disabled') === 'true' || (control as HTMLButtonElement).disabled) return;
    const group = this.sessionsNear(control);
    if (!group.length) return;
    const pending: PendingSubmit = { kind: 'click', control, refind: () => this.controlNear(group[0].editor) };
    // "Post anyway" was chosen for one of them: the whole send goes through, once.
    if (group.some((s) => s.takeAllowance())) {
      for (const s of group) s.markSent();
      return;
    }
    // A form's Save sends every field in it: hold if any of them must be held.
    const verdicts = group.map((s) => s.assess());
    const holding = group.find((_, i) => verdicts[i] === 'hold');
    const stale = group.find((_, i) => verdicts[i] === 'stale');
    if (holding || stale) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (holding) holding.hold(pending);
      else void this.decideWhenChecked(group, verdicts, pending);
      return;
    }
    for (const s of group) s.markSent();
  }

  /** Some fields' last checks are still on their way: wait for all of them, then hold if any must be. */
  private async decideWhenChecked(group: EditorSession[], verdicts: ReturnType<EditorSession['assess']>[], pending: PendingSubmit): Promise<void> {
    await Promise.all(group.filter((_, i) => verdicts[i] === 'stale').map((s) => s.settle()));
    const holder = group.find((s) => s.assess() === 'hold');
    if (holder) holder.hold(pending);
    else group[0].release(pending);
  }

  /** The editors a send control sends: those in the smallest container around it that holds any. */
  private sessionsNear(control: Element): EditorSession[] {
    const live = [...this.sessions.values()].filter((s) => s.connected);
    for (let a: Element | null = control; a; a = a.parentElement) {
      const inside = live.filter((s) => a!.contains(s.editor));
      if (inside.length) return inside.sort((x, y) => y.lastActive - x.lastActive);
    }
    return [];
  }

  private guard(e: Event, session: EditorSession, pending: PendingSubmit): void {
    if (session.decide(pending) !== 'pass') {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  /** The send controls in the smallest container around an editor that has any (a few levels up at most). */
  private controlsNear(editor: Element): Element[] {
    const selector = this.adapter.submitControls.map((c) => (typeof c === 'string' ? c : c.selector)).join(', ');
    let a: Element | null = editor.parentElement;
    for (let level = 0; a && level < 8; a = a.parentElement, level++) {
      const found = [...a.querySelectorAll(selector)].filter((el) => submitControlFor(this.adapter, el) === el);
      if (found.length) return found;
    }
    return [];
  }

  /** The send control closest to an editor, for replaying a send after the page re-rendered. */
  private controlNear(editor: Element): Element | null {
    return this.controlsNear(editor)[0] ?? null;
  }

  private sweep(): void {
    for (const [editor, session] of this.sessions) {
      if (!editor.isConnected) {
        session.destroy();
        this.sessions.delete(editor);
      }
    }
  }

  private onRouteChange(): void {
    this.sweep();
    for (const s of this.sessions.values()) {
      const { surface } = classifySurface(this.adapter, s.editor, location.pathname);
      if (surface !== s.surface) {
        s.surface = surface;
        void s.check(true);
      }
    }
  }

  private recheckAll(): void {
    for (const s of this.sessions.values()) void s.check(true);
  }

  private positionAll(): void {
    for (const s of this.sessions.values()) s.schedulePosition();
    this.contacts.position();
  }

  private stop(): void {
    if (this.scanFrame) cancelAnimationFrame(this.scanFrame);
    for (const s of this.sessions.values()) s.destroy();
    this.sessions.clear();
    this.contacts.destroy();
  }
}

function insideEditor(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return Boolean(el?.closest('[contenteditable="true"], [contenteditable=""], textarea'));
}

/** Entry point for each site's content script. */
export function runOnSite(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  try {
    new PageRuntime(ctx, adapter).start();
  } catch (error) {
    console.warn('Second Look could not start on this page', error);
  }
}

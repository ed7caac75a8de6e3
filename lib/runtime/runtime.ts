/**
 * What runs in the page, for every site: find any editable element the person focuses, classify it
 * with the site's adapter, give it an EditorSession, follow the single-page app (editors mounting and
 * unmounting, route changes, dialogs), and guard sending. Everything is tied to the content script's
 * context and torn down with it.
 */
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Recipient, RecheckNotice } from '../messages';
import type { Surface } from '../policy/rule-ids';
import type { SiteOverride } from '../policy/schema';
import { STORAGE_KEYS } from '../policy/storage-keys';
import type { SiteAdapter } from '../sites/types';
import { AttachmentWatcher } from './attachments';
import { installBenchProbe } from './bench-probe';
import { Checker } from './checker';
import { ContactWatcher } from './contacts';
import { LocalCounts } from './counts';
import { editableRoot, type Editable } from './editor-text';
import { EditorSession, type PendingSubmit } from './editor-session';
import { diagnosePage } from './page-diagnosis';
import { classifySurface, compileHooks, isProfileSurface, keySends, pageLanguage, profileFieldsIn, readRecipient, sendControlFor, sendControlsNear, type PageHooks } from './page-reading';
import { ProfileReview } from './own-profile';
import { OfficialNotes, SignedInAccount } from './signed-in';

/** How long a chat header's name is taken as still current. */
const RECIPIENT_FRESH_MS = 1000;

export class PageRuntime {
  private readonly sessions = new Map<Editable, EditorSession>();
  private readonly checker: Checker;
  /** The adapter's hooks for this page's language, with the school's siteOverrides merged in. */
  private hooks: PageHooks;
  private override: SiteOverride | undefined;
  /** What the hooks were built from (override and language), to rebuild them only when that changes. */
  private hooksFrom = '';
  private scanFrame = 0;
  private readonly recipients = new WeakMap<Element, { at: number; hooks: PageHooks; recipient: Recipient | undefined }>();
  private readonly counts = new LocalCounts(browser.storage.local);
  private readonly contacts: ContactWatcher;
  private readonly account: SignedInAccount;
  private readonly officialNotes = new OfficialNotes(browser.storage.local);
  private readonly attachments: AttachmentWatcher;
  /** Bumped when the page's DOM changes outside its editors (or the route or hooks change): what was read of it may be stale. */
  private pageVersion = 0;
  /** Each editor's send controls as last found, and the page version they were found at. */
  private readonly controlsFound = new WeakMap<Element, { version: number; hooks: PageHooks; controls: Element[] }>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {
    this.checker = new Checker(adapter.site, () => this.endIfExtensionGone());
    this.hooks = this.buildHooks();
    this.contacts = new ContactWatcher(this.hooks, this.checker, this.counts);
    this.account = new SignedInAccount(adapter);
    this.attachments = new AttachmentWatcher(adapter, this.checker, (target) => this.sessionForAttachment(target));
  }

  /**
   * The line to the worker closed: the worker restarted (nothing to do), or the extension was
   * reloaded, updated or switched off, which Chrome shows a moment later (runtime.id goes). Reading
   * ctx.isInvalid then ends this script's context and takes its UI away: WXT notices by itself only
   * when a new script starts in the page.
   */
  private endIfExtensionGone(): void {
    if (this.ctx.isInvalid) return;
    for (const ms of [250, 1000]) this.ctx.setTimeout(() => void this.ctx.isInvalid, ms);
  }

  /** Photos attached (school-photo): from document_start, before the site's own handlers. */
  listenForAttachments(): void {
    this.attachments.listen(this.ctx);
  }

  private hooksKey(): string {
    return `${pageLanguage(document)}\u0000${JSON.stringify(this.override ?? null)}`;
  }

  private buildHooks(): PageHooks {
    this.hooksFrom = this.hooksKey();
    return compileHooks(this.adapter, pageLanguage(document), this.override);
  }

  /**
   * The school's siteOverrides (or the page's language) changed: rebuild the hooks and apply them
   * to this tab at once. Open editors are classified again, the focused one gets a session if it is
   * now an editor, and request lists are read again.
   */
  private refreshHooks(override: SiteOverride | undefined = this.override): void {
    this.override = override;
    if (this.hooksKey() === this.hooksFrom) return;
    this.hooks = this.buildHooks();
    this.contacts.setHooks(this.hooks);
    this.reclassifyAll();
    this.scheduleProfileScan();
    this.sessionFor(document.activeElement)?.check();
  }

  start(): void {
    const { ctx } = this;
    const onMessage = (message: unknown) => {
      const type = (message as { type?: unknown } | undefined)?.type;
      // The popup asks what this page's hooks find (counts and kinds only).
      if (type === 'second-look:diagnose') return Promise.resolve(diagnosePage(this.hooks, document, location.pathname, this.override !== undefined));
      // A new policy, or a new exception (the worker says so; storage changes are never listened
      // to here, as they carry the rosters): check every open editor again.
      if (type === 'second-look:recheck') {
        const { siteOverrides } = message as RecheckNotice;
        if (siteOverrides) this.refreshHooks(this.siteOverride(siteOverrides));
        this.recheckAll();
        this.contacts.forget();
        return Promise.resolve(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.stop();
      this.checker.disconnect();
    });
    browser.storage.local
      .get(STORAGE_KEYS.siteOverrides)
      .then((got) => {
        if (!ctx.isInvalid) this.refreshHooks(this.siteOverride((got as Record<string, unknown>)[STORAGE_KEYS.siteOverrides]));
      })
      .catch(() => undefined);

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
      // Keystrokes change only the editor's own DOM: no request list, profile or send control appears
      // there, and nothing moves unless the editor grows (its resize places every card again). A frame
      // asked for on each key would make Chrome hold the page's own work back until that frame (React
      // re-writes a controlled textarea's text node on every key).
      if (!records.some((r) => !insideEditor(r.target))) return;
      this.pageVersion++;
      this.positionAll();
      this.scheduleProfileScan();
      this.contacts.schedule();
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
    if (!this.hooks.profileFields.length || this.scanFrame) return;
    this.scanFrame = requestAnimationFrame(() => {
      this.scanFrame = 0;
      for (const field of profileFieldsIn(this.hooks, document, location.pathname)) this.sessionFor(field, false);
    });
  }

  private sessionFor(target: EventTarget | null, active = true): EditorSession | undefined {
    // Cut off from the extension (reloaded or updated): this script has taken its UI away, and does nothing more.
    if (this.ctx.isInvalid) return undefined;
    // An editor already known (the target of each input event as someone types) is not looked up
    // again: that reads whether each element up the page is editable, which makes Chrome work out the
    // page's style in the middle of the keystroke, before the site's own script changes it again.
    const editor = this.sessions.get(target as Editable)?.connected ? (target as Editable) : editableRoot(target);
    if (!editor) return undefined;
    let session = this.sessions.get(editor);
    if (!session) {
      const { surface, matched } = classifySurface(this.hooks, editor, location.pathname);
      // Single-line fields are only ours when the site's adapter names them (profile fields):
      // log-in forms, search boxes and the like are not publishing.
      if (editor instanceof HTMLInputElement && !matched) return undefined;
      session = new EditorSession(editor, surface, {
        checker: this.checker,
        counts: this.counts,
        controlsNear: (el) => this.controlsNearNow(el),
        recipientFor: (el, s) => this.recipientFor(el, s),
        account: () => this.account.current(),
        firstTimeOfficial: (account) => this.officialNotes.firstTime(account),
        uploadsOnAttach: this.adapter.attachments?.uploadsOnAttach,
        // Typing does not reach the page observer (see start()): a box that grows moves what is below it.
        editorResized: () => this.positionAll(),
      });
      this.sessions.set(editor, session);
      if (!isProfileSurface(surface)) this.attachments.adopt(session);
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
    // Hooks can appear after focus (a focused composer's submit): classify again at the moment it counts.
    this.reclassify(session);
    const mod = e.ctrlKey || e.metaKey;
    // Enter in a single-line field submits its form (Save); elsewhere it depends on the surface.
    const sends = keySends(this.hooks, session.editor, session.surface, mod);
    if (!sends) return;
    const init: KeyboardEventInit = { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey } as KeyboardEventInit;
    this.guard(e, session, { kind: 'key', init });
  }

  private onClick(e: MouseEvent): void {
    if (this.ctx.isInvalid) return;
    const target = e.composedPath()[0] ?? e.target;
    if (!(target instanceof Element)) return;
    const control = sendControlFor(this.hooks, target);
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

  /**
   * The compose box a photo attached at `target` goes with: the editor in the smallest container
   * around it that has one (the most recently used, if several), else the one used last.
   */
  private sessionForAttachment(target: Element): EditorSession | undefined {
    const live = [...this.sessions.values()].filter((s) => s.connected && !isProfileSurface(s.surface));
    let level = 0;
    // Up through shadow roots too: a picker inside a web component belongs to the compose box around it.
    const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    for (let a: Element | null = target; a && level < 16; a = up(a), level++) {
      const inside = live.filter((s) => a!.contains(s.editor));
      if (inside.length) return inside.sort((x, y) => y.lastActive - x.lastActive)[0];
      const editor = a.querySelector('[contenteditable="true"], [contenteditable=""], textarea');
      const session = editor ? this.sessionFor(editor, false) : undefined;
      if (session && !isProfileSurface(session.surface)) return session;
    }
    return live.sort((x, y) => y.lastActive - x.lastActive)[0];
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

  /** The send controls of an editor (what a hold guards and the card keeps clear of). */
  private controlsNear(editor: Element): Element[] {
    return sendControlsNear(this.hooks, editor);
  }

  /**
   * The same, for placing the card: found again only when the page changed outside its editors.
   * The card is placed on every keystroke, and the climb reads a good part of the page each time;
   * keystrokes change only the editor's own DOM.
   */
  private controlsNearNow(editor: Element): Element[] {
    const known = this.controlsFound.get(editor);
    if (known && known.version === this.pageVersion && known.hooks === this.hooks) return known.controls;
    const controls = this.controlsNear(editor);
    this.controlsFound.set(editor, { version: this.pageVersion, hooks: this.hooks, controls });
    return controls;
  }

  /**
   * Who a message goes to, from the chat's header, for the engine's personal-info rule. Read at most
   * once a second per editor: checks run on every keystroke, and the header does not change mid-word.
   */
  private recipientFor(editor: Element, surface: Surface): Recipient | undefined {
    if (surface !== 'message') return undefined;
    const now = performance.now();
    const known = this.recipients.get(editor);
    if (known && now - known.at < RECIPIENT_FRESH_MS && known.hooks === this.hooks) return known.recipient;
    const recipient = readRecipient(this.hooks, editor, location.pathname);
    this.recipients.set(editor, { at: now, hooks: this.hooks, recipient });
    return recipient;
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
    this.pageVersion++;
    this.sweep();
    // Single-page apps can switch the page's language without a reload.
    this.refreshHooks();
    this.reclassifyAll();
  }

  private reclassifyAll(): void {
    for (const s of this.sessions.values()) this.reclassify(s);
  }

  private reclassify(session: EditorSession): void {
    const { surface } = classifySurface(this.hooks, session.editor, location.pathname);
    if (surface === session.surface) return;
    session.surface = surface;
    void session.check(true);
  }

  /** This site's entry of the policy's siteOverrides (as the worker keeps them for pages). */
  private siteOverride(overrides: unknown): SiteOverride | undefined {
    const entry = overrides && typeof overrides === 'object' ? (overrides as Record<string, unknown>)[this.adapter.site] : undefined;
    return entry && typeof entry === 'object' ? (entry as SiteOverride) : undefined;
  }

  private recheckAll(): void {
    for (const s of this.sessions.values()) void s.check(true);
  }

  private positionAll(): void {
    for (const s of this.sessions.values()) s.schedulePosition();
    this.contacts.schedulePosition();
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
  if (import.meta.env.MODE === 'bench') installBenchProbe();
  try {
    const runtime = new PageRuntime(ctx, adapter);
    // The content scripts run at document_start so that attaching a photo is seen from the first
    // moment; the rest starts once the document is parsed, as it did at document_idle.
    runtime.listenForAttachments();
    const start = () => {
      try {
        runtime.start();
      } catch (error) {
        console.warn('Second Look could not start on this page', error);
      }
    };
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  } catch (error) {
    console.warn('Second Look could not start on this page', error);
  }
}

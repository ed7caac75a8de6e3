/**
 * One compose box: checks its text on every edit, shows or hides the warning, and decides what
 * happens when the person sends. Every listener and observer it adds is removed by `destroy()`.
 */
import { officialNoteWords } from '../../components/card-words';
import type { CardFinding } from '../../components/WarningCard';
import type { AnswerScope } from '../background/answer-scope';
import type { CheckedFinding } from '../messages';
import type { Surface } from '../policy/rule-ids';
import type { Recipient } from '../messages';
import { restoreCaret, saveCaret, type Caret } from './caret';
import { afterPaint } from './after-paint';
import { focusAndSettle } from './focus-settled';
import type { Checker } from './checker';
import type { LocalCounts } from './counts';
import { isTextField, readEditor, type Editable, type EditorText } from './editor-text';
import { Overlay, type Mark } from './overlay';
import { SideFindings } from './side-findings';

export type PendingSubmit =
  /** `refind` looks the control up again: some sites only show it while the editor has focus. */
  | { kind: 'click'; control: Element; refind: () => Element | null }
  | { kind: 'key'; init: KeyboardEventInit };

/** What to do with a send: let it go, hold it (the prompt is showing), or stop it until the check is back. */
export type SubmitDecision = 'pass' | 'hold' | 'wait';

export interface SessionHost {
  checker: Checker;
  counts: LocalCounts;
  /** The site's send controls near an editor, which the card must not cover. */
  controlsNear: (editor: Element) => Element[];
  /** Who a message goes to (message surfaces), sent with each check. */
  recipientFor?: (editor: Element, surface: Surface) => Recipient | undefined;
  /** The account the person is signed in as, as the page shows it (read by the site's adapter). */
  account: () => string | undefined;
  /** The one-time note for the school's own account: true the first time it is asked for on this device. */
  firstTimeOfficial: (account: string) => boolean;
  /** The site starts uploading attached photos at once (X, TikTok): the card says a hold cannot stop that. */
  uploadsOnAttach?: boolean;
  /** The editor's box changed size: it may have moved the page's other editors, and their marks, too. */
  editorResized?: () => void;
}

/**
 * One card at a time in a page: the editor being written in (or, when none is, the first with
 * findings) shows its card; other editors with findings keep only their highlights. A profile form
 * with several flagged fields would otherwise stack cards over each other and over Save.
 */
const withFindings = new Set<EditorSession>();
let spotlight: EditorSession | undefined;

function chooseSpotlight(preferred?: EditorSession): void {
  const previous = spotlight;
  if (preferred && withFindings.has(preferred)) spotlight = preferred;
  else if (!spotlight || !withFindings.has(spotlight)) spotlight = withFindings.values().next().value;
  if (previous !== spotlight) previous?.refresh();
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * The longest an edit waits for the page to be idle before it is checked anyway: a frame, so that on a
 * busy page the card still comes within a frame or two of the keystroke.
 */
const CHECK_WITHIN_MS = 16;

/** Two submit triggers this close together are one send (Enter that also clicks the button). */
const SAME_SUBMIT_MS = 500;

export class EditorSession {
  private readonly abort = new AbortController();
  private readonly observer?: MutationObserver;
  private readonly resizeObserver?: ResizeObserver;
  private overlay?: Overlay;
  private read: EditorText = { text: '', segments: [] };
  private findings: CheckedFinding[] = [];
  /** The text the current findings are for. */
  private checkedText = '';
  private mode: 'warn' | 'confirm' = 'warn';
  private sequence = 0;
  /** The last non-empty text, for sites that clear the editor before our submit listener runs. */
  private lastText = '';
  private dismissed = new Set<string>();
  /** A warning was shown while this post was being written (counted once, as "shown"). */
  private warned = false;
  /** Every warning went because the text changed (not because of an answer, dismiss or a new policy). */
  private editedAway = false;
  /** The text as it was when it last had findings: they going away with the same text is not an edit. */
  private warnedText = '';
  /** Signed in as one of the school's own accounts (from the last check), and the note to show once. */
  private official?: { account: string; note?: string };
  /** Where the caret was when the shortcut took the person into the card. */
  private caret?: Caret;
  private holding: PendingSubmit | null = null;
  private allowOnce = false;
  /** The allowed send is one the person chose "… anyway" for (not one released after a wait). */
  private allowAnyway = false;
  private lastSubmitAt = -Infinity;
  /** What that send sent: a second trigger is the same send only while the editor holds this, or nothing. */
  private lastSentText = '';
  private frame = 0;
  /** Cancels the check waiting for the typed character to be painted (afterPaint). */
  private cancelWaiting?: () => void;
  lastActive = performance.now();
  /** Attached photos and the working-hours reminder: shown in the same card (side-findings.ts). */
  readonly side: SideFindings;

  constructor(
    readonly editor: Editable,
    public surface: Surface,
    private readonly host: SessionHost,
  ) {
    this.side = new SideFindings(() => this.sideChanged(), host.uploadsOnAttach ?? false);
    const opts = { signal: this.abort.signal, passive: true };
    const check = () => this.checkAfterPaint();
    editor.addEventListener('focus', () => {
      this.lastActive = performance.now();
      chooseSpotlight(this);
      this.refresh();
      this.check();
    }, opts);
    if (isTextField(editor)) {
      editor.addEventListener('input', check, opts);
      // React writes a cleared value with no event: re-read on the keys and focus that follow. Only
      // the text is looked at: a frame asked for after a key (to place the card again) makes Chrome
      // hold the page's own tasks back until that frame, a frame later than without us.
      const reread = () => {
        if (editor.value !== this.read.text) this.checkAfterPaint();
      };
      editor.addEventListener('keyup', reread, opts);
      editor.addEventListener('change', reread, opts);
    } else {
      // Every change to a contenteditable's text is a change to its DOM: the observer sees each one
      // (reading the editor again on its input event too would walk a long post twice per keystroke).
      this.observer = new MutationObserver(check);
      this.observer.observe(editor, { subtree: true, childList: true, characterData: true });
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => (host.editorResized ? host.editorResized() : this.schedulePosition()));
      this.resizeObserver.observe(editor);
    }
  }

  get connected(): boolean {
    return this.editor.isConnected;
  }

  private key(f: CheckedFinding, text: string): string {
    return `${f.rule}|${text.slice(f.start, f.end).toLowerCase()}`;
  }

  private cardKey(f: CheckedFinding, text: string): string {
    return `${this.key(f, text)}|${f.start}`;
  }

  private visible(text: string, findings: CheckedFinding[]): CheckedFinding[] {
    return findings.filter((f) => !this.dismissed.has(this.key(f, text)));
  }

  /**
   * Read the editor, have it checked, and show what the person needs to see. With the text as it
   * was, only the card's place is looked at again (in the coming frame).
   */
  check(force = false): Promise<void> {
    this.cancelWaiting?.();
    this.cancelWaiting = undefined;
    if (!this.editor.isConnected) return Promise.resolve();
    const read = readEditor(this.editor);
    if (!force && read.text === this.read.text) {
      this.schedulePosition();
      return Promise.resolve();
    }
    this.read = read;
    if (read.text.trim()) this.lastText = read.text;
    return this.checkText(read.text);
  }

  /** An edit: check once the frame with the typed character is painted (one check for edits that come together). */
  private checkAfterPaint(): void {
    if (this.cancelWaiting) return;
    this.cancelWaiting = afterPaint(() => {
      this.cancelWaiting = undefined;
      void this.check();
    }, CHECK_WITHIN_MS);
  }

  private async checkText(text: string): Promise<void> {
    const mine = ++this.sequence;
    let findings: CheckedFinding[] = [];
    try {
      if (import.meta.env.MODE === 'bench') performance.mark('second-look:check-sent');
      const response = await this.host.checker.check(text, this.surface, this.host.recipientFor?.(this.editor, this.surface), this.host.account());
      if (import.meta.env.MODE === 'bench') performance.mark('second-look:check-back');
      findings = response.siteEnabled ? response.findings : [];
      this.mode = response.mode;
      this.noteOfficial(response.officialAccount);
      this.side.setWorkingHours(response.siteEnabled && text.trim() ? response.workingHours : undefined);
    } catch {
      // The worker is restarting or the extension was updated: say nothing rather than break the page.
      return;
    }
    if (mine !== this.sequence || !this.editor.isConnected) return; // a newer check is on its way
    this.checkedText = text;
    this.apply(text, findings);
  }

  /** The school's own account: remember it for the card, with its note the first time on this device. */
  private noteOfficial(account: string | undefined): void {
    if (!account) {
      this.official = undefined;
      return;
    }
    if (this.official?.account === account) return;
    this.official = { account, note: this.host.firstTimeOfficial(account) ? officialNoteWords(account) : undefined };
  }

  private apply(text: string, all: CheckedFinding[]): void {
    this.findings = text === this.read.text ? this.visible(text, all) : [];
    this.showWarnings(text);
  }

  /** The policy's mode, as a photo's check told it (a post with only a photo has had no text checked). */
  setMode(mode: 'warn' | 'confirm'): void {
    this.mode = mode;
  }

  /** Photos attached or their checks came back: show what is known now. */
  private sideChanged(): void {
    if (this.editor.isConnected) this.showWarnings(this.read.text);
  }

  private sideCards() {
    return this.side.cards(this.findings.map((f) => f.rule), this.dismissed, this.mode);
  }

  private showWarnings(text: string): void {
    const any = this.findings.length > 0 || this.sideCards().length > 0;
    if (any && !this.warned) {
      this.warned = true;
      void this.host.counts.count('shown');
    }
    if (this.warned) {
      // Gone because the text changed, not because of "this isn't a pupil", dismiss or a new policy.
      if (!this.findings.length && text.trim() && text !== this.warnedText) this.editedAway = true;
      if (this.findings.length) this.editedAway = false;
      // Everything written after a warning was taken out: this post was given up.
      if (!text.trim() && this.lastText.trim()) this.finishPost('closed');
    }
    if (any) this.warnedText = text;
    if (!any) this.holding = null;
    if (any) withFindings.add(this);
    else withFindings.delete(this);
    chooseSpotlight(document.activeElement === this.editor ? this : undefined);
    this.render();
  }

  /** Draw again with what is known (another editor took or gave up the card). */
  refresh(): void {
    if (this.overlay) this.render();
  }

  private render(): void {
    const side = this.sideCards();
    if (!this.findings.length && !side.length && !this.overlay) return;
    if (!this.overlay) {
      this.overlay = new Overlay(this.editor, () => this.host.controlsNear(this.editor));
      this.overlay.onEscape(() => {
        if (this.holding) this.edit();
        else this.backToEditor();
      });
    }
    const text = this.read.text;
    const cards: CardFinding[] = this.findings.map((f) => ({
      key: this.cardKey(f, text),
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      clause: f.clause,
      advice: f.advice,
      evidence: text.slice(f.start, f.end),
      answers: f.answers,
    }));
    // Photos' and working hours' cards among the text's, strongest first (the sort is stable).
    cards.push(...side);
    cards.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const marks: Mark[] = this.findings.map((f) => ({ key: this.cardKey(f, text), start: f.start, end: f.end, severity: f.severity }));
    const showCard = this.holding !== null || spotlight === this;
    this.overlay.update(
      {
        findings: showCard ? cards : [],
        surface: this.surface,
        holding: this.holding !== null,
        official: this.official && { note: this.official.note },
        onDismiss: () => this.dismiss(),
        onAnswer: (c, scope) => this.notAMatch(c.key, scope),
        onNotAMatch: (c) => this.photoNotAMatch(c.key),
        onShow: (c) => this.overlay?.show(c.key),
        onEdit: () => this.edit(),
        onPostAnyway: () => this.postAnyway(),
      },
      this.read,
      marks,
    );
  }

  /** Move keyboard focus into the card, if one is showing, remembering where the caret was. */
  focusCard(): boolean {
    if ((!this.findings.length && !this.sideCards().length) || !this.overlay) return false;
    this.caret = saveCaret(this.editor);
    return this.overlay.focus();
  }

  /** Back to the editor, with the caret where it was before the card took focus. */
  private backToEditor(): void {
    restoreCaret(this.editor, this.caret);
    this.caret = undefined;
  }

  schedulePosition(): void {
    if (!this.overlay || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.overlay?.position();
    });
  }

  private dismiss(): void {
    for (const f of this.findings) this.dismissed.add(this.key(f, this.read.text));
    for (const c of this.sideCards()) this.dismissed.add(c.key);
    this.side.dismissWorkingHours();
    void this.host.counts.count('dismissed');
    this.check(true);
    this.backToEditor();
  }

  /** "This isn't at school" for a photo: that place (or that photo) stops warning. */
  private photoNotAMatch(cardKey: string): void {
    const area = this.side.notAtSchool(cardKey);
    if (area) void this.host.checker.notAMatch('school-photo', area);
    this.sideChanged();
    this.backToEditor();
  }

  /**
   * A false-match answer: quiet for the rest of this post at once, and remembered as far as it reaches.
   * The card can be a check behind the editor (the last key's check waits for its frame): then the
   * text as it is now is checked first, and the answer is remembered for its sentence, not a part of it.
   */
  private notAMatch(cardKey: string, scope: AnswerScope): void {
    if (this.cancelWaiting || readEditor(this.editor).text !== this.checkedText) {
      void this.check(true).then(() => this.answerNotAMatch(cardKey, scope));
      return;
    }
    this.answerNotAMatch(cardKey, scope);
  }

  private answerNotAMatch(cardKey: string, scope: AnswerScope): void {
    const text = this.read.text;
    // The same words where they were, or (the text before them changed) where they are now.
    const words = cardKey.slice(0, cardKey.lastIndexOf('|'));
    const f = this.findings.find((x) => this.cardKey(x, text) === cardKey) ?? this.findings.find((x) => this.key(x, text) === words);
    if (!f) return;
    void this.host.checker
      .notAMatch({ rule: f.rule, scope, text, start: f.start, end: f.end, surface: this.surface, account: this.host.account() })
      .then(() => this.check(true));
    this.dismissed.add(this.key(f, text));
    void this.host.counts.count('dismissed');
    this.check(true);
    this.backToEditor();
  }

  /**
   * The person is sending; decide synchronously, from the findings already known for this text. If
   * the text changed since the last answer, stop the send until the check is back, then either ask
   * (confirm mode, high severity) or send it on, once.
   */
  decide(pending: PendingSubmit): SubmitDecision {
    if (this.takeAllowance()) return 'pass';
    const verdict = this.assess();
    if (verdict === 'stale') {
      this.waitThenDecide(pending);
      return 'wait';
    }
    if (verdict === 'hold') {
      this.hold(pending);
      return 'hold';
    }
    this.markSent();
    return 'pass';
  }

  /** "Post anyway" was chosen: the next send from here goes through, once. */
  takeAllowance(): boolean {
    if (!this.allowOnce) return false;
    this.allowOnce = false;
    this.finishPost(this.allowAnyway ? 'sentAnyway' : 'sent');
    this.allowAnyway = false;
    this.sent();
    return true;
  }

  /** What a send now would meet, without acting on it. */
  assess(): 'pass' | 'hold' | 'stale' {
    const now = readEditor(this.editor).text;
    if (this.sameSubmit(now)) return 'pass';
    const text = now.trim() ? now : this.lastText;
    if (!text.trim() && !this.side.hasPhotos) return 'pass';
    if (text !== this.checkedText) return 'stale';
    // A photo's checks are still on their way: in confirm mode, wait for them before sending.
    if (this.mode === 'confirm' && this.side.pending) return 'stale';
    return this.mustHold() ? 'hold' : 'pass';
  }

  waitThenDecide(pending: PendingSubmit): void {
    void this.settle().then(() => {
      if (this.mustHold()) this.hold(pending);
      else this.replay(pending, false);
    });
  }

  /** Check again now: a send came before the last check of this text came back. */
  settle(): Promise<void> {
    this.read = { text: '', segments: [] };
    return Promise.all([this.check(true), this.side.settled()]).then(() => undefined);
  }

  /** Let a send through that was stopped only to wait for checks (nothing to hold after all). */
  release(pending: PendingSubmit): void {
    this.replay(pending, false);
  }

  /** The send went through. */
  markSent(): void {
    if (!this.sameSubmit(readEditor(this.editor).text)) this.finishPost('sent');
    this.sent();
  }

  /** A trigger right after a send, with the sent text (or an editor the site has emptied): the same send. */
  private sameSubmit(now: string): boolean {
    return performance.now() - this.lastSubmitAt < SAME_SUBMIT_MS && (!now.trim() || now === this.lastSentText);
  }

  /**
   * What became of a post that had a warning, counted once: posted anyway (sent through a held
   * warning), edited (its warnings went because the text changed, then it was sent), or cancelled
   * (emptied or closed without sending). A warned post sent as it was, in warn mode, is only "shown".
   */
  private finishPost(how: 'sent' | 'sentAnyway' | 'closed'): void {
    if (this.warned) {
      if (how === 'sentAnyway') void this.host.counts.count('postedAnyway');
      else if (how === 'sent' && this.editedAway && !this.findings.length) void this.host.counts.count('edited');
      else if (how === 'closed') void this.host.counts.count('cancelled');
    }
    this.warned = false;
    this.editedAway = false;
  }

  private mustHold(): boolean {
    return this.mode === 'confirm' && (this.findings.some((f) => f.severity === 'high') || this.sideCards().some((c) => c.holds));
  }

  hold(pending: PendingSubmit): void {
    // The prompt takes focus: Edit (or Esc) puts the caret back where the send came from.
    if (document.activeElement === this.editor) this.caret = saveCaret(this.editor);
    this.holding = pending;
    chooseSpotlight(this);
    this.render();
  }

  private sent(): void {
    const now = readEditor(this.editor).text;
    this.lastSentText = now.trim() ? now : this.lastText;
    this.lastSubmitAt = performance.now();
    this.lastText = '';
    this.warned = false;
    this.editedAway = false;
    this.dismissed.clear();
    this.side.clear();
  }

  /** Edit: back to the text; nothing was sent and nothing is counted yet. */
  private edit(): void {
    this.holding = null;
    this.render();
    this.backToEditor();
  }

  /** Let the held send go through, exactly once. */
  private postAnyway(): void {
    const pending = this.holding;
    this.holding = null;
    this.render();
    if (!pending) return;
    this.replay(pending, true);
  }

  /** Send again what was stopped: the same click, or the same key in the editor. */
  private replay(pending: PendingSubmit, warned: boolean): void {
    // The card had focus: give it back to the editor and let the site take that in before sending.
    void focusAndSettle(this.editor, this.abort.signal).then(() => {
      if (this.abort.signal.aborted || !this.editor.isConnected) return;
      this.allowOnce = true;
      this.allowAnyway = warned;
      if (pending.kind === 'click') {
        const control = pending.control.isConnected ? pending.control : pending.refind();
        control?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }));
      } else {
        this.editor.dispatchEvent(new KeyboardEvent('keydown', { ...pending.init, bubbles: true, cancelable: true, composed: true }));
      }
      // Nothing took the send (the control went away): do not let a later one through unasked.
      this.allowOnce = false;
      this.allowAnyway = false;
    });
  }

  destroy(): void {
    // The editor went away with a warned post in it, unsent (a dialog closed, the page moved on).
    if (this.lastText.trim()) this.finishPost('closed');
    withFindings.delete(this);
    if (spotlight === this) chooseSpotlight();
    this.abort.abort();
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.cancelWaiting?.();
    this.overlay?.destroy();
    this.overlay = undefined;
  }
}

/**
 * pupil-contact in the page: finds the people behind friend, follow and message requests, profile
 * headers and chat rows (from the adapter's controls, as data), asks the background who they are on
 * the rosters, badges the ones that match, shows a quiet banner on a pupil's profile page, and holds
 * a click on Confirm / Add friend / Follow / Message for a pupil until the person chooses. Only what
 * the page already shows (a name, a handle) is read; the roster never comes into the page.
 */
import type { ContactMatch } from '../engine/contact';
import type { Checker } from './checker';
import { ContactLayer } from './contact-layer';
import type { LocalCounts } from './counts';
import { contactFor, contactsIn, contactsPossible, type ContactReading, type PageHooks, type Person } from './page-reading';

export type { Person } from './page-reading';

type Found = ContactReading;

/** Scans at most this often while the page changes: reading names is cheap, but not free on busy feeds. */
const SCAN_INTERVAL_MS = 150;
const MAX_REMEMBERED = 2000;

const keyOf = (p: Person) => `${p.name}\u0000${p.handle}`;

export class ContactWatcher {
  private readonly verdicts = new Map<string, ContactMatch | null>();
  private readonly asking = new Map<string, Promise<void>>();
  private readonly allowed = new WeakSet<Element>();
  private readonly layer = new ContactLayer();
  private found: Found[] = [];
  private timer = 0;
  private positionFrame = 0;
  private lastScan = 0;
  private generation = 0;
  private bannerDismissedFor = '';

  constructor(
    private hooks: PageHooks,
    private readonly checker: Checker,
    private readonly counts: LocalCounts,
  ) {}

  /** New hooks (the school's siteOverrides or the page's language changed): read the page again. */
  setHooks(hooks: PageHooks): void {
    this.hooks = hooks;
    this.forget();
  }

  get active(): boolean {
    return this.hooks.contacts.length > 0;
  }

  /** Called on every DOM change and route change: one scan per interval at most. */
  schedule(): void {
    if (!this.active || this.timer) return;
    const wait = Math.max(0, SCAN_INTERVAL_MS - (performance.now() - this.lastScan));
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.lastScan = performance.now();
      this.scan();
    }, wait);
  }

  /** A new policy or exception: every verdict may have changed. */
  forget(): void {
    this.verdicts.clear();
    this.asking.clear();
    this.generation++;
    this.schedule();
  }

  /** Badges follow what they are about: once a frame however many DOM changes (each reads layout). */
  schedulePosition(): void {
    if (this.positionFrame) return;
    this.positionFrame = requestAnimationFrame(() => {
      this.positionFrame = 0;
      this.layer.position();
    });
  }

  private scan(): void {
    const found = contactsPossible(this.hooks, location.pathname) ? contactsIn(this.hooks, document, location.pathname) : [];
    this.found = found;
    const unknown = [...new Map(found.map((f) => [keyOf(f.person), f.person])).values()].filter((p) => !this.verdicts.has(keyOf(p)) && !this.asking.has(keyOf(p)));
    if (unknown.length) void this.ask(unknown).then(() => this.render());
    this.render();
  }

  private ask(people: Person[]): Promise<void> {
    const generation = this.generation;
    const job = this.checker.contacts(people).then(
      ({ matches }) => {
        if (generation !== this.generation) return;
        // An endless feed meets endless names: keep the cache to the people seen lately.
        if (this.verdicts.size > MAX_REMEMBERED) this.verdicts.clear();
        people.forEach((p, i) => this.verdicts.set(keyOf(p), matches[i] ?? null));
      },
      () => undefined, // the worker restarted: the next scan asks again
    );
    const done = job.finally(() => people.forEach((p) => this.asking.delete(keyOf(p))));
    for (const p of people) this.asking.set(keyOf(p), done);
    return done;
  }

  private render(): void {
    const badges: { anchor: Element; match: ContactMatch }[] = [];
    const seen = new Set<Element>();
    let banner: { key: string; match: ContactMatch; anchor: Element; avoid: Element[] } | undefined;
    for (const f of this.found) {
      const match = this.verdicts.get(keyOf(f.person));
      if (!match || !f.control.isConnected) continue;
      // A profile gets the one-line banner beside its name; rows get a badge by the name.
      if (f.surface.kind === 'profile') {
        const avoid = this.found.filter((g) => g.surface === f.surface).map((g) => g.control);
        banner = { key: keyOf(f.person), match, anchor: f.nameEl, avoid };
      } else if (!seen.has(f.nameEl)) {
        seen.add(f.nameEl);
        badges.push({ anchor: f.nameEl, match });
      }
    }
    const shown = banner && banner.key !== this.bannerDismissedFor ? banner : undefined;
    const onDismiss = () => {
      this.bannerDismissedFor = shown!.key;
      this.render();
    };
    this.layer.show(badges, shown && { match: shown.match, anchor: shown.anchor, avoid: shown.avoid, onDismiss });
  }

  /** Window capture, before the site's handlers: a click (or Enter/Space) on a control for a pupil waits. */
  onActivate(e: Event): void {
    if (!this.active) return;
    const target = e.composedPath()[0] ?? e.target;
    if (!(target instanceof Element)) return;
    if (e instanceof KeyboardEvent) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      // Typing a space or a new line in an editor is never a contact control: stay off the typing path.
      if ((target as HTMLElement).isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return;
      // Buttons and links turn Enter/Space into a click of their own, which is caught as a click. Only
      // the focused element itself does: a role=button inside a link (Facebook's request cards) does not.
      if (target.matches('button, a[href]')) return;
    }
    const f = this.controlFor(target);
    if (!f) return;
    if (this.allowed.has(f.control)) {
      this.allowed.delete(f.control);
      return;
    }
    const key = keyOf(f.person);
    const match = this.verdicts.get(key);
    if (match === null || (match && match.action !== 'hold')) return;
    // Either a pupil, or not known yet (the list appeared a moment ago): wait for the answer.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (match) return this.prompt(f, match);
    const pending = this.asking.get(key) ?? this.ask([f.person]);
    void pending.then(() => {
      const late = this.verdicts.get(key);
      if (late?.action === 'hold') this.prompt(f, late);
      else this.replay(f.control);
    });
  }

  private controlFor(target: Element): Found | undefined {
    return contactFor(this.hooks, target, location.pathname);
  }

  private prompt(f: Found, match: ContactMatch): void {
    void this.counts.count('shown');
    this.layer.prompt(f.control, {
      match,
      does: f.does,
      onCancel: () => {
        void this.counts.count('cancelled');
        this.layer.closePrompt();
        (f.control as HTMLElement).focus?.();
      },
      onProceed: () => {
        void this.counts.count('postedAnyway');
        this.layer.closePrompt();
        this.replay(f.control);
      },
      onNotAPupil: () => {
        this.layer.closePrompt();
        void this.checker.notAMatch('pupil-contact', match.evidence).finally(() => this.forget());
        (f.control as HTMLElement).focus?.();
      },
    });
  }

  /** Let the person's choice through: the same control, clicked once more, is not held. */
  private replay(control: Element): void {
    if (!control.isConnected) return;
    this.allowed.add(control);
    (control as HTMLElement).click();
    // A control whose click we did not see (the page swallowed it) must not stay allowed.
    this.allowed.delete(control);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.positionFrame) cancelAnimationFrame(this.positionFrame);
    this.timer = 0;
    this.layer.destroy();
  }
}

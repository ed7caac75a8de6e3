/**
 * pupil-contact in the page: finds the people behind friend, follow and message requests, profile
 * headers and chat rows (from the adapter's controls, as data), asks the background who they are on
 * the rosters, badges the ones that match, shows a quiet banner on a pupil's profile page, and holds
 * a click on Confirm / Add friend / Follow / Message for a pupil until the person chooses. Only what
 * the page already shows (a name, a handle) is read; the roster never comes into the page.
 */
import { accessibleName, type ContactAction, type ContactSurface, type SiteAdapter } from '../sites/types';
import type { ContactMatch } from '../engine/contact';
import type { Checker } from './checker';
import { ContactLayer } from './contact-layer';
import type { LocalCounts } from './counts';

export interface Person {
  name: string;
  handle: string;
}

interface Found {
  control: Element;
  surface: ContactSurface;
  does: ContactAction;
  /** Where the name was read (the badge goes next to it). */
  nameEl: Element;
  person: Person;
}

/** Scans at most this often while the page changes: reading names is cheap, but not free on busy feeds. */
const SCAN_INTERVAL_MS = 150;
const MAX_REMEMBERED = 2000;
/** The element's text with its parts spaced (textContent runs "Jack Smith" and "@jack" together). */
function textOf(el: Element): string {
  let text = '';
  let parent: Node | null = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && text.length < 200; n = walker.nextNode()) {
    // Text in the same element runs on ("@" + "jack"); a new element starts a new word.
    text += (n.parentNode === parent ? '' : ' ') + (n.nodeValue ?? '');
    parent = n.parentNode;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

const keyOf = (p: Person) => `${p.name}\u0000${p.handle}`;

export class ContactWatcher {
  private readonly verdicts = new Map<string, ContactMatch | null>();
  private readonly asking = new Map<string, Promise<void>>();
  private readonly allowed = new WeakSet<Element>();
  private readonly layer = new ContactLayer();
  private found: Found[] = [];
  private timer = 0;
  private lastScan = 0;
  private generation = 0;
  private bannerDismissedFor = '';

  /** Each surface with its route compiled once, not on every scan or key press. */
  private readonly routes: { surface: ContactSurface; path?: RegExp }[];

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly checker: Checker,
    private readonly counts: LocalCounts,
  ) {
    this.routes = adapter.contacts.map((surface) => ({ surface, path: surface.path ? new RegExp(surface.path) : undefined }));
  }

  get active(): boolean {
    return this.adapter.contacts.length > 0;
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

  position(): void {
    this.layer.position();
  }

  private surfacesHere(): ContactSurface[] {
    return this.routes.filter((r) => !r.path || r.path.test(location.pathname)).map((r) => r.surface);
  }

  private scan(): void {
    const found: Found[] = [];
    for (const surface of this.surfacesHere()) {
      for (const c of surface.controls) {
        for (const control of document.querySelectorAll(c.selector)) {
          const f = this.read(control, surface, c);
          if (f) found.push(f);
        }
      }
    }
    this.found = found;
    const unknown = [...new Map(found.map((f) => [keyOf(f.person), f.person])).values()].filter((p) => !this.verdicts.has(keyOf(p)) && !this.asking.has(keyOf(p)));
    if (unknown.length) void this.ask(unknown).then(() => this.render());
    this.render();
  }

  /** The person a control acts on: the name in the control, or in its nearest ancestor that has one. */
  private read(control: Element, surface: ContactSurface, c: ContactSurface['controls'][number]): Found | undefined {
    if (c.names && !c.names.includes(accessibleName(control))) return undefined;
    if (surface.exclude && control.closest(surface.exclude)) return undefined;
    let nameEls: Element[] = [];
    let scope: Element | null = control;
    for (let level = 0; scope && level <= (surface.maxLevels ?? 8); scope = scope.parentElement, level++) {
      // A chat row's later text is the last message, which may name someone else: take its first name only.
      nameEls = [...scope.querySelectorAll(surface.name)].slice(0, surface.kind === 'chat' ? 1 : 3);
      if (nameEls.length) break;
    }
    if (!nameEls.length || !scope) return undefined;
    const name = nameEls.map(textOf).filter(Boolean).join(' | ');
    const handle = this.handleIn(scope, surface);
    if (!name && !handle) return undefined;
    return { control, surface, does: c.does, nameEl: nameEls[0], person: { name, handle } };
  }

  private handleIn(scope: Element, surface: ContactSurface): string {
    if (surface.handleFromPath) {
      const m = new RegExp(surface.handleFromPath).exec(location.pathname);
      if (m?.[1]) return decodeURIComponent(m[1]);
    }
    const el = surface.handle ? scope.querySelector(surface.handle) : null;
    if (!el) return '';
    const href = el.getAttribute('href');
    if (href) return href.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '';
    return /@[\w.]+/.exec(el.textContent ?? '')?.[0] ?? '';
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
      // Buttons and links turn Enter/Space into a click of their own, which is caught as a click.
      if (target.closest('button, a[href]')) return;
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
    for (const surface of this.surfacesHere()) {
      for (const c of surface.controls) {
        const control = target.closest(c.selector);
        if (!control) continue;
        const f = this.read(control, surface, c);
        if (f) return f;
      }
    }
    return undefined;
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
    this.timer = 0;
    this.layer.destroy();
  }
}

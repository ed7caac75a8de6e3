/**
 * What the shared runtime needs to know about one site, as data: how to tell which kind of compose
 * box an editor is, which controls send, and which keys send. Selectors use the sites' stable hooks
 * (data-testid, data-e2e, roles, ARIA, editor markers, routes), never generated class names.
 */
import type { Site, Surface } from '../policy/rule-ids';

export interface SurfaceHint {
  surface: Surface;
  /** The editor, or one of its ancestors, matches this selector. */
  selector?: string;
  /** The page's path matches this regular expression (source text). */
  path?: string;
}

/** A control that sends: a selector, optionally narrowed to accessible names (aria-label or text). */
export type SubmitControl = string | { selector: string; names: string[] };

/** What a contact control does, for the prompt's wording. */
export type ContactAction = 'accept' | 'add-friend' | 'follow' | 'message' | 'open-chat';

/**
 * A place where the person deals with someone else (pupil-contact): a list of friend, follow or
 * message requests, a profile's header, a list of chats. Found from its controls, so no selector for
 * a row is needed: the person is the name nearest to the control.
 */
export interface ContactSurface {
  kind: 'friend-request' | 'follow-request' | 'message-request' | 'profile' | 'chat';
  /** Only on pages whose path matches this regular expression (source text). */
  path?: string;
  /** Controls that act on the person: Confirm/Accept, Add friend, Follow, Message, a chat row. */
  controls: { selector: string; names?: string[]; does: ContactAction }[];
  /** The person's displayed name: in the control itself, else in its nearest ancestor that has one. */
  name: string;
  /** A link or text near the name holding their handle (href's last path part, or "@handle" text). */
  handle?: string;
  /** On profile pages: the handle in the path (first capture group), as in x.com/jack_smith. */
  handleFromPath?: string;
  /** Controls inside this are not this surface's (suggestion widgets on a profile page). */
  exclude?: string;
  /** How far up from a control to look for the name (keeps other people's rows out). */
  maxLevels?: number;
}

/** A control picked by selector, optionally narrowed to accessible names (aria-label, title or text), per locale. */
export interface NamedControl {
  selector: string;
  names?: string[];
}

/**
 * The person's own profile page, for "Review my profile" (lib/runtime/own-profile.ts): recognised by
 * the control only its owner sees (Edit profile), never by a name. What it shows is read as data.
 */
export interface OwnProfilePage {
  /** Only on pages whose path matches this regular expression (source text). */
  path: string;
  /** The edit-profile control. */
  editControl: NamedControl;
  /** Profile fields shown on the page (an element inside another matched one is skipped). */
  fields: { selector: string; surface: Surface; label: string }[];
  posts: {
    /** Each post on the page (outermost matches only: comments inside a post are not posts). */
    item: string;
    /** Its text, inside the item; an <img> gives its alt text. Alternatives are tried in their order. */
    text: string;
    /** Its own link on the site, inside the item (`:scope`: the item is the link). */
    link?: string;
    /** `time[datetime]` inside the item. */
    time?: string;
    /** Inside the item: the audience icon that says it is public. */
    public?: NamedControl;
    /** Every post is public unless the page shows `privateAccount` (X, Instagram, TikTok). */
    publicUnlessPrivate?: boolean;
    /** On the page: the account is private or protected. */
    privateAccount?: string;
  };
}

export interface SiteAdapter {
  site: Site;
  /** Tried in order; the first hint whose selector and path both match wins. */
  surfaces: SurfaceHint[];
  /** When no hint matches: a post is the safest guess on most sites. */
  defaultSurface: Surface;
  /** Controls whose click sends what the nearest editor holds. */
  submitControls: SubmitControl[];
  /** Surfaces where a plain Enter sends (Shift+Enter makes a new line). */
  enterSends: Surface[];
  /** Surfaces where Ctrl/Cmd+Enter sends. */
  modEnterSends: Surface[];
  /** Requests, profiles and chats, for pupil-contact. */
  contacts: ContactSurface[];
  /** The person's own profile page, for "Review my profile". */
  ownProfile?: OwnProfilePage;
}

/** True when `el` or an ancestor matches the hint and the path fits. */
export function hintMatches(hint: SurfaceHint, el: Element, pathname: string): boolean {
  if (hint.path && !new RegExp(hint.path).test(pathname)) return false;
  if (hint.selector && !el.closest(hint.selector)) return false;
  return Boolean(hint.selector || hint.path);
}

export interface Classification {
  surface: Surface;
  /** A hint named this editor (or its route); false when the default was used. */
  matched: boolean;
}

export function classifySurface(adapter: SiteAdapter, el: Element, pathname: string): Classification {
  for (const hint of adapter.surfaces) if (hintMatches(hint, el, pathname)) return { surface: hint.surface, matched: true };
  return { surface: adapter.defaultSurface, matched: false };
}

const PROFILE = new Set<Surface>(['profile-job', 'profile-bio', 'profile-name']);

/** Selector for every profile field the adapter names, to check saved values when the editor opens. */
export function profileFieldSelector(adapter: SiteAdapter): string {
  return adapter.surfaces
    .filter((h) => PROFILE.has(h.surface) && h.selector)
    .map((h) => h.selector)
    .join(', ');
}

export function isProfileSurface(surface: Surface): boolean {
  return PROFILE.has(surface);
}

export function accessibleName(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

/** The send control that `target` is in, if any. */
export function submitControlFor(adapter: SiteAdapter, target: Element): Element | null {
  for (const control of adapter.submitControls) {
    const selector = typeof control === 'string' ? control : control.selector;
    const el = target.closest(selector);
    if (!el) continue;
    if (typeof control === 'string' || control.names.includes(accessibleName(el))) return el;
  }
  return null;
}

/**
 * What the shared runtime needs to know about one site, as data: how to tell which kind of compose
 * box an editor is, which controls send, which keys send, where people's names are, and the words
 * the site shows in each language. Selectors use the sites' stable hooks (data-testid, data-e2e,
 * roles, structure, editor markers, routes), never generated class names; where only a visible word
 * will do, the selector names a key of `labels`, so every language's words sit in one table.
 *
 * A school's IT can add to any of this through the policy's `siteOverrides` (lib/sites/overrides.ts),
 * in the same shape. How the page is read with it: lib/runtime/page-reading.ts.
 */
import type { Site, Surface } from '../policy/rule-ids';

/**
 * The words a site shows, per page language (the primary subtag of `<html lang>`: "en", "cy",
 * "fr"…), by key: `{ en: { confirm: ['Confirm'] }, fr: { confirm: ['Confirmer'] } }`. A page in a
 * language with no entry, or a key missing in it, uses English.
 */
export type LocaleLabels = Record<string, Record<string, string[]>>;

export interface SurfaceHint {
  surface: Surface;
  /** The editor, or one of its ancestors, matches this selector. */
  selector?: string;
  /** The page's path matches this regular expression (source text). */
  path?: string;
  /**
   * A key of `labels`: the accessible name (aria-label, else aria-placeholder) of what `selector`
   * matched (the editor itself when there is no selector) starts with one of its words.
   */
  label?: string;
}

/** A control that sends, optionally narrowed to an accessible name (aria-label, else its text) from `labels`. */
export interface SendControl {
  selector: string;
  /** A key of `labels`: the control's accessible name is one of its words. */
  label?: string;
}

/** A plain selector, or a selector narrowed by a label. */
export type SubmitControl = string | SendControl;

/** What a contact control does, for the prompt's wording. */
export type ContactAction = 'accept' | 'add-friend' | 'follow' | 'message' | 'open-chat';

export interface ContactControl {
  selector: string;
  /** A key of `labels`: the control's accessible name is one of its words. */
  label?: string;
  does: ContactAction;
}

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
  controls: ContactControl[];
  /**
   * The person's displayed name: in the control itself, else in its nearest ancestor that has one.
   * When the control sits inside an element this matches (a link that wraps the whole request card),
   * the name is that element's first text outside any button.
   */
  name: string;
  /** How many name elements to read (a notification can name two people); 3 unless set. */
  maxNames?: number;
  /** A link or text near the name holding their handle (href's last path part, or "@handle" text). */
  handle?: string;
  /** On profile pages: the handle in the path (first capture group), as in x.com/jack_smith. */
  handleFromPath?: string;
  /** Controls inside this are not this surface's (suggestion widgets on a profile page). */
  exclude?: string;
  /** How far up from a control to look for the name (keeps other people's rows out). */
  maxLevels?: number;
}

/**
 * The person a direct message goes to, read from the chat's header around the composer: the
 * nearest element matching `name` (climbing at most `maxLevels` from the editor). For the engine's
 * personal-info rule, which is about other people's details, not the recipient's own.
 */
export interface RecipientHook {
  name: string;
  /** A link or text near the name holding their handle; else `handleFromPath` on the page's path. */
  handle?: string;
  handleFromPath?: string;
  maxLevels?: number;
}

/** Where photos and videos are attached (issue 14): the file inputs, and where drops and pastes attach. */
export interface AttachmentTargets {
  /** File inputs whose files are attached to a post, comment or message. */
  inputs: string;
  /** A file dropped inside one of these is attached to the compose box there. */
  drop: string;
  /** A file pasted inside one of these is attached (usually the editors themselves). */
  paste: string;
  /** The site starts uploading as soon as a file is attached (X, TikTok): holding the post cannot stop that. */
  uploadsOnAttach: boolean;
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
  /** Tried in order; the first hint whose selector, path and label all match wins. */
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
  /** Who a message goes to, on message surfaces. */
  recipient?: RecipientHook;
  /** The site's words per language, for the hints and controls that name a label. */
  labels: LocaleLabels;
  /** Where the page shows which account is signed in (for the school's own accounts), tried in order. */
  signedInAccount?: AccountHook[];
  /** Photos and videos attached (school-photo). */
  attachments?: AttachmentTargets;
  /** The person's own profile page, for "Review my profile". */
  ownProfile?: OwnProfilePage;
}

/** Where to read the signed-in account: an element, one of its attributes (or its text), and a pattern whose first group is the account. */
export interface AccountHook {
  selector: string;
  from: 'href' | 'aria-label' | 'text' | 'alt';
  /** Regular expression (source text); its first capture group is the handle or name. */
  pattern?: string;
}

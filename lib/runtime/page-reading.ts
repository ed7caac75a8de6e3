/**
 * Reading a page with a site's adapter: which kind of compose box an editor is, which control
 * sends it, whether Enter sends, who a request, profile or chat row is about, and who a message
 * goes to. Plain DOM only (no extension APIs), so the same code runs in the content script, in the
 * popup's self-diagnosis and in `npm run check:live-dom` over saved pages of the real sites.
 *
 * `compileHooks` turns an adapter (with any school overrides merged in) and the page's language
 * into ready-to-use hooks once: regular expressions compiled, label keys turned into that
 * language's words, and selectors the browser rejects set aside (reported, never thrown).
 */
import { PROFILE_SURFACES as PROFILE_SURFACE_LIST, type Surface } from '../policy/rule-ids';
import type { SiteOverride } from '../policy/schema';
import { withOverrides } from '../sites/overrides';
import type { ContactAction, ContactSurface, RecipientHook, SiteAdapter, SurfaceHint } from '../sites/types';
import { editableRoot, type Editable } from './editor-text';

const PROFILE_SURFACES = new Set<Surface>(PROFILE_SURFACE_LIST);

/** Anything someone can type into; used to tell where one compose box's controls end. */
const EDITABLE = 'textarea, input, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** How far up from an editor its send control may sit (X's Post button meets the composer 20 levels up). */
const MAX_CONTROL_CLIMB = 32;

export interface CompiledHint {
  surface: Surface;
  selector?: string;
  path?: RegExp;
  /** The label key, and its words in the page's language: the accessible name must start with one. */
  label?: string;
  words?: string[];
  /** Where the hint is in the adapter, for diagnosis: "surfaces[3]". */
  where: string;
}

export interface CompiledControl {
  selector: string;
  /** The label key, and its words in the page's language: the accessible name must be one. */
  label?: string;
  words?: string[];
  where: string;
}

export interface CompiledContactControl extends CompiledControl {
  does: ContactAction;
}

export interface CompiledContactSurface {
  surface: ContactSurface;
  path?: RegExp;
  controls: CompiledContactControl[];
  handleFromPath?: RegExp;
  where: string;
}

export interface CompiledRecipient {
  hook: RecipientHook;
  handleFromPath?: RegExp;
}

export interface PageHooks {
  adapter: SiteAdapter;
  /** The page's language (primary subtag), which chose the labels. */
  lang: string;
  surfaces: CompiledHint[];
  /** The hints that name profile fields, checked as soon as the fields appear. */
  profileFields: CompiledHint[];
  sendControls: CompiledControl[];
  /** Every send control's selector in one list, for searching. */
  sendSelector: string;
  enterSends: ReadonlySet<Surface>;
  modEnterSends: ReadonlySet<Surface>;
  contacts: CompiledContactSurface[];
  recipient?: CompiledRecipient;
  /** Selectors and patterns the browser rejected, with where they are: set aside, never thrown. */
  invalid: { where: string; value: string }[];
}

/** The page's language, as labels are keyed: "en-GB" → "en"; English when the page does not say. */
/** Profile fields (job, bio, name) are not compose boxes: photos attached near them are not theirs. */
export function isProfileSurface(surface: Surface): boolean {
  return PROFILE_SURFACES.has(surface);
}

export function pageLanguage(doc: Document): string {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase();
  return lang.split(/[-_]/)[0] || 'en';
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** Longer than any label a control shows: an element with more text is not a button with that label. */
const MAX_LABEL = 80;

/**
 * What a control is called: its aria-label, else its text. The text is read only up to a label's
 * length, so a big role=button (a whole card) costs no more than a small one.
 */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label !== null) return label.replace(/\s+/g, ' ').trim();
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    text += n.nodeValue ?? '';
    if (text.length > MAX_LABEL * 2) return '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** What an editor (or its dialog) is called: aria-label, else aria-placeholder, else placeholder. */
function editorName(el: Element): string {
  return el.getAttribute('aria-label') ?? el.getAttribute('aria-placeholder') ?? el.getAttribute('placeholder') ?? '';
}

/**
 * The hooks for a page in `lang`, with the school's override (if any) merged over the adapter. Each
 * hook remembers where it came from ("surfaces[3]" built in, "siteOverrides.x.surfaces[0]" from the
 * policy) for the popup's report and check:live-dom.
 */
export function compileHooks(builtIn: SiteAdapter, lang: string, override?: SiteOverride, doc: Document = document): PageHooks {
  const adapter = withOverrides(builtIn, override);
  const invalid: PageHooks['invalid'] = [];
  // Override entries come first in the merged lists: name them by their place in the policy.
  const at = (list: 'surfaces' | 'submitControls' | 'contacts', i: number): string => {
    const extra = override?.[list]?.length ?? 0;
    return i < extra ? `siteOverrides.${builtIn.site}.${list}[${i}]` : `${list}[${i - extra}]`;
  };
  const selectorOk = (selector: string | undefined, where: string): boolean => {
    if (selector === undefined) return true;
    try {
      doc.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      invalid.push({ where, value: selector });
      return false;
    }
  };
  const pattern = (source: string | undefined, where: string): RegExp | undefined | false => {
    if (source === undefined) return undefined;
    try {
      return new RegExp(source);
    } catch {
      invalid.push({ where, value: source });
      return false;
    }
  };
  const words = (key: string | undefined): string[] | undefined => {
    if (key === undefined) return undefined;
    const own = adapter.labels[lang]?.[key] ?? [];
    const english = lang === 'en' ? [] : adapter.labels.en?.[key] ?? [];
    return [...new Set([...own, ...english].map(norm).filter(Boolean))];
  };

  const surfaces: CompiledHint[] = [];
  adapter.surfaces.forEach((hint: SurfaceHint, i) => {
    const where = at('surfaces', i);
    const path = pattern(hint.path, `${where}.path`);
    if (path === false || !selectorOk(hint.selector, `${where}.selector`)) return;
    if (!hint.selector && !path && !hint.label) return;
    surfaces.push({ surface: hint.surface, selector: hint.selector, path, label: hint.label, words: words(hint.label), where });
  });

  const sendControls: CompiledControl[] = [];
  adapter.submitControls.forEach((control, i) => {
    const where = at('submitControls', i);
    const { selector, label } = typeof control === 'string' ? { selector: control, label: undefined } : control;
    if (selectorOk(selector, `${where}${typeof control === 'string' ? '' : '.selector'}`)) sendControls.push({ selector, label, words: words(label), where });
  });

  const contacts: CompiledContactSurface[] = [];
  adapter.contacts.forEach((surface, i) => {
    const where = at('contacts', i);
    const path = pattern(surface.path, `${where}.path`);
    const handleFromPath = pattern(surface.handleFromPath, `${where}.handleFromPath`);
    const selectorsOk = [
      selectorOk(surface.name, `${where}.name`),
      selectorOk(surface.handle, `${where}.handle`),
      selectorOk(surface.exclude, `${where}.exclude`),
    ].every(Boolean);
    if (path === false || handleFromPath === false || !selectorsOk) return;
    const controls: CompiledContactControl[] = [];
    surface.controls.forEach((c, j) => {
      const at = `${where}.controls[${j}]`;
      if (selectorOk(c.selector, `${at}.selector`)) controls.push({ selector: c.selector, label: c.label, words: words(c.label), does: c.does, where: at });
    });
    contacts.push({ surface, path, controls, handleFromPath, where });
  });

  let recipient: CompiledRecipient | undefined;
  if (adapter.recipient) {
    const r = adapter.recipient;
    const handleFromPath = pattern(r.handleFromPath, 'recipient.handleFromPath');
    if (selectorOk(r.name, 'recipient.name') && selectorOk(r.handle, 'recipient.handle') && handleFromPath !== false) recipient = { hook: r, handleFromPath };
  }

  return {
    adapter,
    lang,
    surfaces,
    profileFields: surfaces.filter((h) => PROFILE_SURFACES.has(h.surface) && h.selector),
    sendControls,
    sendSelector: sendControls.map((c) => c.selector).join(', '),
    enterSends: new Set(adapter.enterSends),
    modEnterSends: new Set(adapter.modEnterSends),
    contacts,
    recipient,
    invalid,
  };
}

// ------------------------------------------------------------------------------------ editors

function startsWithAny(name: string, words: string[]): boolean {
  const n = norm(name);
  return n !== '' && words.some((w) => n.startsWith(w));
}

function isAny(name: string, words: string[]): boolean {
  const n = norm(name);
  return words.includes(n);
}

/** A control whose accessible name is one of these words (the label, in the page's language). */
export function controlNamed(el: Element, words: string[] | undefined): boolean {
  return !words || isAny(accessibleName(el), words);
}

/** An editor (or its dialog) whose name starts with one of these words. */
export function editorNamed(el: Element, words: string[] | undefined): boolean {
  return !words || startsWithAny(editorName(el), words);
}

/** True when the hint's path, selector and label all fit this editor. */
export function hintMatches(hint: CompiledHint, el: Element, pathname: string): boolean {
  if (hint.path && !hint.path.test(pathname)) return false;
  let named: Element | null = el;
  if (hint.selector) {
    named = el.closest(hint.selector);
    if (!named) return false;
  }
  return hint.words ? startsWithAny(editorName(named), hint.words) : true;
}

export interface Classification {
  surface: Surface;
  /** A hint named this editor (or its route); false when the default was used. */
  matched: boolean;
  /** Which hint, for diagnosis. */
  hint?: CompiledHint;
}

export function classifySurface(hooks: PageHooks, el: Element, pathname: string): Classification {
  for (const hint of hooks.surfaces) if (hintMatches(hint, el, pathname)) return { surface: hint.surface, matched: true, hint };
  return { surface: hooks.adapter.defaultSurface, matched: false };
}

/** Profile fields on the page (each matched by its hint's selector and label), to check saved values at once. */
export function profileFieldsIn(hooks: PageHooks, root: ParentNode, pathname: string): Element[] {
  const found = new Set<Element>();
  for (const hint of hooks.profileFields) {
    if (hint.path && !hint.path.test(pathname)) continue;
    for (const el of root.querySelectorAll(hint.selector!)) if (hintMatches(hint, el, pathname)) found.add(el);
  }
  return [...found];
}

/** A single-line field: Enter in it submits its form (Save). */
function isSingleLine(el: Element): boolean {
  return el.tagName === 'INPUT';
}

/** Whether this key sends what the editor holds: Enter in a single-line field, else the surface's rule. */
export function keySends(hooks: PageHooks, editor: Element, surface: Surface, mod: boolean): boolean {
  return isSingleLine(editor) || (mod ? hooks.modEnterSends : hooks.enterSends).has(surface);
}

/** Every editor on the page the runtime would give a session to (single-line fields only when a hint names them). */
export function editorsIn(hooks: PageHooks, root: ParentNode, pathname: string): Editable[] {
  const found = new Set<Editable>();
  for (const el of root.querySelectorAll(EDITABLE)) {
    const editor = editableRoot(el);
    if (!editor || found.has(editor)) continue;
    if (isSingleLine(editor) && !classifySurface(hooks, editor, pathname).matched) continue;
    found.add(editor);
  }
  return [...found];
}

// ------------------------------------------------------------------------------- send controls

/** The nearest element around `target` (itself included) that matches `selector` and is named one of `words`. */
function closestNamed(target: Element, selector: string, words: string[] | undefined): Element | null {
  for (let el = target.closest(selector); el; el = el.parentElement?.closest(selector) ?? null) {
    if (!words || isAny(accessibleName(el), words)) return el;
  }
  return null;
}

/** The send control that `target` is in, if any. */
export function sendControlFor(hooks: PageHooks, target: Element): Element | null {
  for (const control of hooks.sendControls) {
    const el = closestNamed(target, control.selector, control.words);
    if (el) return el;
  }
  return null;
}

/**
 * The send controls of an editor: those in the smallest container around it that has any. Climbs
 * until it finds one, stopping where another compose box begins (its controls are not ours) or at
 * a dialog's edge. Each level searches only what it adds (the siblings of the way up), so the
 * whole climb reads each element once.
 */
export function sendControlsNear(hooks: PageHooks, editor: Element): Element[] {
  if (!hooks.sendSelector) return [];
  let child: Element = editor;
  for (let a = editor.parentElement, level = 0; a && level < MAX_CONTROL_CLIMB; child = a, a = a.parentElement, level++) {
    const found: Element[] = [];
    let other = false;
    for (const sibling of a.children) {
      if (sibling === child) continue;
      if (sibling.matches(hooks.sendSelector)) found.push(sibling);
      found.push(...sibling.querySelectorAll(hooks.sendSelector));
      if (!other && (sibling.matches(EDITABLE) || sibling.querySelector(EDITABLE))) other = true;
    }
    const sending = found.filter((el) => sendControlFor(hooks, el) === el);
    if (sending.length) return sending;
    if (other || a.matches('[role="dialog"], dialog, body')) return [];
  }
  return [];
}

// ------------------------------------------------------------------------------------ people

export interface Person {
  name: string;
  handle: string;
}

export interface ContactReading {
  control: Element;
  surface: ContactSurface;
  does: ContactAction;
  /** Where the name was read (the badge goes next to it). */
  nameEl: Element;
  person: Person;
}

const NOT_A_NAME = '[role="button"], button, [aria-hidden="true"], abbr, time';

/**
 * The element's text with its parts spaced (textContent runs "Jack Smith" and "@jack" together),
 * leaving out what is hidden from assistive technology (a card's "3h", an avatar's initial).
 */
export function textOf(el: Element): string {
  let text = '';
  let parent: Node | null = null;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && text.length < 200; n = walker.nextNode()) {
    const hidden = n.parentElement?.closest('[aria-hidden="true"]');
    if (hidden && el.contains(hidden)) continue;
    // Text in the same element runs on ("@" + "jack"); a new element starts a new word.
    text += (n.parentNode === parent ? '' : ' ') + (n.nodeValue ?? '');
    parent = n.parentNode;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A card-wide element's first text outside buttons and hidden copies: the requester's name on a request card. */
function firstTextElement(card: Element): Element | undefined {
  const walker = card.ownerDocument.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !n.nodeValue?.trim()) continue;
    const skip = parent.closest(NOT_A_NAME);
    if (skip && card.contains(skip)) continue;
    return parent;
  }
  return undefined;
}

function routeFits(surface: CompiledContactSurface, pathname: string): boolean {
  return !surface.path || surface.path.test(pathname);
}

function lastPathPart(href: string): string {
  return href.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '';
}

function handleIn(scope: Element, selector: string | undefined, fromPath: RegExp | undefined, pathname: string): string {
  if (fromPath) {
    const m = fromPath.exec(pathname);
    if (m?.[1]) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return m[1];
      }
    }
  }
  const el = selector ? scope.querySelector(selector) : null;
  if (!el) return '';
  const href = el.getAttribute('href');
  if (href) return lastPathPart(href);
  const text = (el.textContent ?? '').trim();
  // "@jack_smith07" in a sentence, or a handle on its own (TikTok's chat header shows it bare).
  return /@[\w.]+/.exec(text)?.[0] ?? (/^[\w.]{2,30}$/.test(text) ? text : '');
}

/** The person a control acts on: the name in the control, or in its nearest ancestor that has one. */
function readContact(control: Element, s: CompiledContactSurface, c: CompiledContactControl, pathname: string): ContactReading | undefined {
  const { surface } = s;
  if (c.words && !isAny(accessibleName(control), c.words)) return undefined;
  // Sites keep hidden copies of buttons for layout: nobody clicks those.
  if (control.closest('[aria-hidden="true"]')) return undefined;
  if (surface.exclude && control.closest(surface.exclude)) return undefined;
  const maxLevels = surface.maxLevels ?? 8;
  const limit = surface.maxNames ?? (surface.kind === 'chat' ? 1 : 3);
  let nameEls: Element[] = [];
  let scope: Element | null = control;
  for (let level = 0; scope && level <= maxLevels; scope = scope.parentElement, level++) {
    // A chat row's later text is the last message, which may name someone else: take its first name only.
    nameEls = [...scope.querySelectorAll(surface.name)].filter((el) => !el.closest('[aria-hidden="true"]')).slice(0, limit);
    if (nameEls.length) break;
    // The control inside a link that wraps the whole card: the card's own first text is the name.
    if (scope !== control && scope.matches(surface.name)) {
      const first = firstTextElement(scope);
      if (first) nameEls = [first];
      break;
    }
  }
  const name = nameEls.map(textOf).filter(Boolean).join(' | ');
  // A profile whose name cannot be read still has its handle in the path.
  const handle = handleIn(nameEls.length && scope ? scope : control, surface.handle, s.handleFromPath, pathname);
  if (!name && !handle) return undefined;
  return { control, surface, does: c.does, nameEl: nameEls[0] ?? control, person: { name, handle } };
}

/** Every control on the page that pupil-contact would act on, with the person it reads. */
export function contactsIn(hooks: PageHooks, root: ParentNode, pathname: string): ContactReading[] {
  const found: ContactReading[] = [];
  const seen = new Set<Element>();
  // Controls often share a selector ([role="button"]) and differ by label: query and name each element once.
  const matches = new Map<string, Element[]>();
  const names = new Map<Element, string>();
  for (const s of hooks.contacts) {
    if (!routeFits(s, pathname)) continue;
    for (const c of s.controls) {
      let els = matches.get(c.selector);
      if (!els) matches.set(c.selector, (els = [...root.querySelectorAll(c.selector)]));
      for (const control of els) {
        if (seen.has(control)) continue;
        if (c.words) {
          let name = names.get(control);
          if (name === undefined) names.set(control, (name = accessibleName(control)));
          if (!isAny(name, c.words)) continue;
        }
        const f = readContact(control, s, c, pathname);
        if (!f) continue;
        seen.add(control);
        found.push(f);
      }
    }
  }
  return found;
}

/** The contact control a click or key landed in, if any. */
export function contactFor(hooks: PageHooks, target: Element, pathname: string): ContactReading | undefined {
  for (const s of hooks.contacts) {
    if (!routeFits(s, pathname)) continue;
    for (const c of s.controls) {
      const control = closestNamed(target, c.selector, c.words);
      if (!control) continue;
      const f = readContact(control, s, c, pathname);
      if (f) return f;
    }
  }
  return undefined;
}

/** Whether any contact surface can be on this route (else the page need not be scanned for them). */
export function contactsPossible(hooks: PageHooks, pathname: string): boolean {
  return hooks.contacts.some((s) => routeFits(s, pathname));
}

/** The person a message goes to: the chat header's name (and handle) nearest the composer. */
export function readRecipient(hooks: PageHooks, editor: Element, pathname: string): { name: string; handle?: string } | undefined {
  const r = hooks.recipient;
  if (!r) return undefined;
  const maxLevels = r.hook.maxLevels ?? 12;
  let scope: Element | null = editor.parentElement;
  for (let level = 0; scope && level < maxLevels; scope = scope.parentElement, level++) {
    const el = scope.querySelector(r.hook.name);
    if (!el) continue;
    const name = textOf(el) || (el.getAttribute('aria-label') ?? '').trim();
    const handle = handleIn(scope, r.hook.handle, r.handleFromPath, pathname);
    if (!name && !handle) return undefined;
    return handle ? { name, handle } : { name };
  }
  return undefined;
}

/**
 * Self-diagnosis: what Second Look sees on a page, as counts and kinds only (never text, never
 * names): each editor's surface and whether its send control is found, each contact control's kind
 * and whether a name was read, and how many elements each of the adapter's hooks matched. The popup
 * shows it; "Copy a report for IT" copies it; `check:live-dom` prints the hook counts for captures.
 */
import type { Site, Surface } from '../policy/rule-ids';
import type { ContactSurface } from '../sites/types';
import {
  classifySurface,
  contactsIn,
  controlNamed,
  editorNamed,
  editorsIn,
  sendControlsNear,
  type PageHooks,
} from './page-reading';

export interface HookCount {
  /** Where the hook is in the adapter: "surfaces[2]", "contacts[0].controls[0]", "contacts[0].name". */
  where: string;
  selector: string;
  /** The label key that narrows it, if any. */
  label?: string;
  /** Elements on the page it matched (narrowed by its label's words in the page's language). */
  count: number;
}

export interface PageDiagnosis {
  site: Site;
  lang: string;
  editors: { surface: Surface; matched: boolean; send: boolean }[];
  contacts: { kind: ContactSurface['kind']; named: boolean }[];
  hooks: HookCount[];
  /** Selectors or patterns (from the school's overrides) this browser rejected. */
  invalid: { where: string; value: string }[];
  /** The school's siteOverrides for this site are in force. */
  overridden: boolean;
}

const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

function count(root: ParentNode, selector: string, fits: (el: Element) => boolean = () => true): number {
  let n = 0;
  for (const el of root.querySelectorAll(selector)) if (fits(el)) n++;
  return n;
}

/** How many elements each hook of the adapter matches here. */
export function hookCounts(hooks: PageHooks, root: ParentNode, pathname: string = location.pathname): HookCount[] {
  const out: HookCount[] = [];
  for (const h of hooks.surfaces) {
    const { label } = h;
    if (h.selector) out.push({ where: h.where, selector: h.selector, label, count: count(root, h.selector, (el) => editorNamed(el, h.words)) });
    else if (h.words) out.push({ where: h.where, selector: '(editor)', label, count: count(root, EDITABLE, (el) => editorNamed(el, h.words)) });
    else if (h.path) out.push({ where: h.where, selector: `(path ${h.path.source})`, count: h.path.test(pathname) ? 1 : 0 });
  }
  for (const c of hooks.sendControls) {
    out.push({ where: c.where, selector: c.selector, label: c.label, count: count(root, c.selector, (el) => controlNamed(el, c.words)) });
  }
  for (const s of hooks.contacts) {
    for (const c of s.controls) {
      out.push({ where: c.where, selector: c.selector, label: c.label, count: count(root, c.selector, (el) => controlNamed(el, c.words)) });
    }
    out.push({ where: `${s.where}.name`, selector: s.surface.name, count: count(root, s.surface.name) });
    if (s.surface.handle) out.push({ where: `${s.where}.handle`, selector: s.surface.handle, count: count(root, s.surface.handle) });
    if (s.surface.exclude) out.push({ where: `${s.where}.exclude`, selector: s.surface.exclude, count: count(root, s.surface.exclude) });
  }
  if (hooks.recipient) {
    out.push({ where: 'recipient.name', selector: hooks.recipient.hook.name, count: count(root, hooks.recipient.hook.name) });
    if (hooks.recipient.hook.handle) out.push({ where: 'recipient.handle', selector: hooks.recipient.hook.handle, count: count(root, hooks.recipient.hook.handle) });
  }
  return out;
}

export function diagnosePage(hooks: PageHooks, doc: Document, pathname: string, overridden: boolean): PageDiagnosis {
  const editors = editorsIn(hooks, doc, pathname).map((editor) => {
    const { surface, matched } = classifySurface(hooks, editor, pathname);
    return { surface, matched, send: sendControlsNear(hooks, editor).length > 0 };
  });
  const contacts = contactsIn(hooks, doc, pathname).map((f) => ({ kind: f.surface.kind, named: f.person.name.trim() !== '' }));
  return { site: hooks.adapter.site, lang: hooks.lang, editors, contacts, hooks: hookCounts(hooks, doc, pathname), invalid: hooks.invalid, overridden };
}

/**
 * Runs inside a saved page (in Chromium) for `check:live-dom`: reads it with the runtime's own code
 * (lib/runtime/page-reading.ts) and the site's adapter, with any school overrides merged in, and
 * returns what the runtime would see. Bundled by ./check.ts; nothing here is a copy of the runtime.
 */
import type { SiteOverride } from '../../lib/policy/schema';
import type { Site } from '../../lib/policy/rule-ids';
import {
  classifySurface,
  compileHooks,
  contactsIn,
  editorsIn,
  keySends,
  pageLanguage,
  readRecipient,
  sendControlsNear,
} from '../../lib/runtime/page-reading';
import { hookCounts, type HookCount } from '../../lib/runtime/page-diagnosis';
import { ADAPTERS } from '../../lib/sites';

export interface EditorSeen {
  surface: string;
  matched: boolean;
  send: boolean;
  enterSends: boolean;
  /** Which hint classified it ("default" when none did). */
  hint: string;
  /** On message surfaces: who the runtime reads the message as going to. */
  recipient?: { name: string; handle?: string };
}

export interface ContactSeen {
  kind: string;
  does: string;
  name: string;
  handle: string;
}

export interface PageSeen {
  lang: string;
  editors: EditorSeen[];
  contacts: ContactSeen[];
  hooks: HookCount[];
  invalid: { where: string; value: string }[];
}

function read(site: Site, override?: SiteOverride): PageSeen {
  const path = location.pathname;
  const hooks = compileHooks(ADAPTERS[site], pageLanguage(document), override);
  const editors = editorsIn(hooks, document, path).map((editor): EditorSeen => {
    const c = classifySurface(hooks, editor, path);
    const seen: EditorSeen = {
      surface: c.surface,
      matched: c.matched,
      send: sendControlsNear(hooks, editor).length > 0,
      enterSends: keySends(hooks, editor, c.surface, false),
      hint: c.hint?.where ?? 'default',
    };
    if (c.surface === 'message') seen.recipient = readRecipient(hooks, editor, path);
    return seen;
  });
  const contacts = contactsIn(hooks, document, path).map((f) => ({ kind: f.surface.kind, does: f.does, name: f.person.name, handle: f.person.handle }));
  return { lang: hooks.lang, editors, contacts, hooks: hookCounts(hooks, document, path), invalid: hooks.invalid };
}

(globalThis as { __secondLookRead?: typeof read }).__secondLookRead = read;

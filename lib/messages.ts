/**
 * Messages between the content scripts and the background service worker. The engine and the roster
 * live only in the worker; a page's content script sends the text being written and gets findings back.
 */
import type { AnswerScope } from './background/answer-scope';
import type { WorkingHoursNote } from './background/working-hours';
import type { ContactMatch, Finding } from './engine/check';
import type { PhotoLookRequest, PhotoLookResponse, PhotoRequest, PhotoResponse } from './photo/messages';
import type { Site, Surface } from './policy/rule-ids';

/** The person a direct message goes to, as the chat's header shows them. */
export interface Recipient {
  name: string;
  handle?: string;
}

export interface CheckRequest {
  type: 'second-look:check';
  text: string;
  surface: Surface;
  site: Site;
  /** On message surfaces: who the message goes to, read from the chat's header. */
  recipient?: Recipient;
  /** The account the person is signed in as, as the page shows it (handle or name), if the adapter can read it. */
  account?: string;
}

/** The false-match answers the card may offer for a finding, and the words "posts like this" would rest on. */
export interface AnswerOffer {
  scopes: AnswerScope[];
  /** The nearest words of the sentence that could make it a false match, as written. */
  cues: string[];
}

export interface CheckedFinding extends Finding {
  /** Only on findings about who or what a name is (pupil, colleague, the school). */
  answers?: AnswerOffer;
}

export interface CheckResponse {
  findings: CheckedFinding[];
  mode: 'warn' | 'confirm';
  /** Whether the policy lets Second Look run on this site at all. */
  siteEnabled: boolean;
  /** Signed in as one of the school's own accounts (the one named here): some rules stood down. */
  officialAccount?: string;
  /** working-hours (off by default): it is the school day now. Shown once per post, never held. */
  workingHours?: WorkingHoursNote;
}

/** The person says a match is wrong ("this isn't a pupil"): remember it, as salted hashes. */
export interface NotAMatchRequest {
  type: 'second-look:not-a-match';
  rule: string;
  /** The words (pupil-contact: the displayed name; posts: the whole text, with `start`/`end`). */
  words: string;
  /** Posts: how far the answer reaches, and where the words are in `words`. Absent: these words everywhere. */
  scope?: AnswerScope;
  start?: number;
  end?: number;
  surface?: Surface;
  site?: Site;
  account?: string;
}

/** Sent when an editor gets focus, so a sleeping worker is awake before the first keystroke. */
export interface WarmRequest {
  type: 'second-look:warm';
}

/** pupil-contact: who these people are on the rosters, by the name and handle the page shows. */
export interface ContactRequest {
  type: 'second-look:contact';
  people: { name: string; handle?: string }[];
  site: Site;
}

export interface ContactResponse {
  /** One entry per person asked about, in order; null when they are not on a roster (or only a first name matches). */
  matches: (ContactMatch | null)[];
}

export type Request = CheckRequest | NotAMatchRequest | WarmRequest | ContactRequest | PhotoRequest | PhotoLookRequest;

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.startsWith('second-look:');
}

/** The popup asks the content script in its tab what Second Look sees there (lib/runtime/page-diagnosis.ts). */
export interface DiagnoseRequest {
  type: 'second-look:diagnose';
}

/**
 * The worker tells the content scripts in open tabs to check their editors again: the policy in
 * force changed (with the new siteOverrides, the only part of it pages are given) or an exception
 * was added or removed. Content scripts never listen to storage changes: those carry the rosters.
 */
export interface RecheckNotice {
  type: 'second-look:recheck';
  siteOverrides?: Record<string, unknown>;
}

/** Content scripts talk to the worker over a port of this name. */
export const PORT_NAME = 'second-look';

export interface PortRequest {
  id: number;
  request: Request;
}

export interface PortReply {
  id: number;
  response: CheckResponse | ContactResponse | PhotoResponse | PhotoLookResponse | undefined;
}

/**
 * Messages between the content scripts and the background service worker. The engine and the roster
 * live only in the worker; a page's content script sends the text being written and gets findings back.
 */
import type { WorkingHoursNote } from './background/working-hours';
import type { ContactMatch, Finding } from './engine/check';
import type { PhotoLookRequest, PhotoLookResponse, PhotoRequest, PhotoResponse } from './photo/messages';
import type { Site, Surface } from './policy/rule-ids';

export interface CheckRequest {
  type: 'second-look:check';
  text: string;
  surface: Surface;
  site: Site;
}

export interface CheckResponse {
  findings: Finding[];
  mode: 'warn' | 'confirm';
  /** Whether the policy lets Second Look run on this site at all. */
  siteEnabled: boolean;
  /** working-hours (off by default): it is the school day now. Shown once per post, never held. */
  workingHours?: WorkingHoursNote;
}

/** The person says a match is wrong ("this isn't a pupil"): remember it, as a salted hash. */
export interface NotAMatchRequest {
  type: 'second-look:not-a-match';
  rule: string;
  words: string;
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

/**
 * Messages between the content scripts and the background service worker. The engine and the roster
 * live only in the worker; a page's content script sends the text being written and gets findings back.
 */
import type { ContactMatch, Finding } from './engine/check';
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
}

export interface CheckResponse {
  findings: Finding[];
  mode: 'warn' | 'confirm';
  /** Whether the policy lets Second Look run on this site at all. */
  siteEnabled: boolean;
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

export type Request = CheckRequest | NotAMatchRequest | WarmRequest | ContactRequest;

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.startsWith('second-look:');
}

/** The popup asks the content script in its tab what Second Look sees there (lib/runtime/page-diagnosis.ts). */
export interface DiagnoseRequest {
  type: 'second-look:diagnose';
}

/** Content scripts talk to the worker over a port of this name. */
export const PORT_NAME = 'second-look';

export interface PortRequest {
  id: number;
  request: Request;
}

export interface PortReply {
  id: number;
  response: CheckResponse | ContactResponse | undefined;
}

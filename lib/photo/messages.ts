/**
 * Messages about attached photos: page → background worker (over the same port as text checks), and
 * background worker → the document that looks at pictures (Chrome's offscreen document, or a frame in
 * Firefox's background page). Kept apart from lib/messages.ts, which only lists them in its union.
 */
import type { Site } from '../policy/rule-ids';
import type { FileKind } from './file-kind';
import type { LookRequest, LookResult } from './look/look';
import type { PhotoMetadata } from './metadata';
import type { PhotoRuleInfo, PhotoSignals, TextInPhoto } from './signals';

/** Step 1, sent as soon as a file is attached: what its metadata says. */
export interface PhotoRequest {
  type: 'second-look:photo';
  site: Site;
  kind: FileKind;
  /** The first bytes of an image file, base64, for its EXIF/XMP metadata. */
  head?: string;
  /** What the page read from a video's boxes itself (they can be anywhere in a large file). */
  video?: PhotoMetadata;
}

export interface PhotoResponse {
  rule: PhotoRuleInfo;
  /** The policy's mode: a post with only a photo may have had no text checked yet. */
  mode: 'warn' | 'confirm';
  signals: PhotoSignals;
  /** Whether to send a shrunk copy for faces and text (step 2), and which to look for. */
  look: { faces: boolean; text: boolean } | null;
}

/** Step 2, for pictures the browser can draw: a copy of about a megapixel, looked at and forgotten. */
export interface PhotoLookRequest {
  type: 'second-look:photo-look';
  site: Site;
  /** JPEG bytes, base64. */
  image: string;
  faces: boolean;
  text: boolean;
}

export interface PhotoLookResponse {
  faces?: number;
  text?: TextInPhoto[];
  failed?: boolean;
  ms?: LookResult['ms'] & { total: number };
}

/** Background worker → the looking document. */
export const LOOK_TARGET = 'second-look-look';
export interface LookMessage {
  target: typeof LOOK_TARGET;
  request: LookRequest;
}

/** The looking document → background worker: idle for a while, close me. */
export interface LookIdleMessage {
  type: 'second-look:look-idle';
}

/** How long the looking document stays open with nothing to do. */
export const LOOK_IDLE_MS = 120_000;

/**
 * What the checks found in one attached photo or video, before it is turned into a warning. Facts
 * only: the place (a school site and how far), whether it was taken in the school day, how many faces
 * it shows (a count, never who), and what its visible text says to the text engine. Plain data, sent
 * from the background worker to the page; no names of the roster travel unless the photo shows them.
 */
import type { Severity, TextRuleId } from '../policy/rule-ids';

/** 'photo': looked at as well as read; 'heic' and 'video': metadata only. */
export type AttachmentKind = 'photo' | 'heic' | 'video' | 'other';

export interface TextInPhoto {
  rule: TextRuleId;
  severity: Severity;
  /** The words read in the photo that the text engine flagged. */
  evidence: string;
}

export interface PhotoSignals {
  kind: AttachmentKind;
  /** Taken at a school site, by its location data. `area` is what "This isn't at school" remembers. */
  place?: { name: string; distanceMetres: number; area: string };
  /** Taken in school hours on a school day, by the camera's own clock: "Tuesday at 10:40". */
  schoolHours?: { when: string };
  /** How many faces it shows (0 when looked for and none found); undefined when not looked for. */
  faces?: number;
  /** What the text engine found in the text read from the photo. */
  text?: TextInPhoto[];
  /** Looking at the picture (faces, text): still going, done, not done for this kind or policy, or failed. */
  look: 'pending' | 'done' | 'skipped' | 'failed';
}

/** The school-photo rule's settings the page needs to word and weigh a warning (from the worker). */
export interface PhotoRuleInfo {
  enabled: boolean;
  /** The school's severity override for school-photo, if any. */
  severity?: Severity;
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
}

/**
 * What an archive reader gives the checker: one item per post, comment, reply or profile field found
 * in a site's data export, with what the export says about its date, link and audience. Nothing here
 * is ever stored: items live only while an archive is being checked.
 */
import type { Site, Surface } from '../policy/rule-ids';

export type ItemKind = 'post' | 'reply' | 'comment' | 'profile';

export interface ArchiveItem {
  /** Stable within one archive: the site's own id where the export gives one, else file and position. */
  id: string;
  site: Site;
  kind: ItemKind;
  /** How the engine reads it (a reply, a comment, a bio…). */
  surface: Surface;
  /** For profile fields: which one ("Bio", "Name", "Workplace"). */
  field?: string;
  /** ISO 8601, UTC, when the export dates it. */
  date?: string;
  text: string;
  /** The site's own page for it, to edit or delete it. */
  link?: string;
  /** What the link opens, when it is not the item itself ("your activity log"). */
  linkTo?: 'item' | 'profile' | 'activity';
  /** Set when the export says who could see it. */
  audience?: 'public' | 'not-public';
}

/** A problem with the file or with one of the files inside it, in words for the person. */
export class ArchiveError extends Error {
  constructor(
    message: string,
    /** The file inside the archive, when the problem is in one file only (the others are still read). */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export const SITE_NAMES: Record<Site, string> = { facebook: 'Facebook', x: 'X', instagram: 'Instagram', tiktok: 'TikTok' };

/**
 * Findings of one compose box that are not about words in its text: the photos and videos attached
 * to it (school-photo) and the working-hours reminder. The EditorSession shows them in the same card
 * as its text findings, holds a send on them in confirm mode (photos only: working-hours never holds)
 * and clears them when the post is sent.
 */
import type { CardFinding } from '../../components/WarningCard';
import { photoLabel, photoVerdict } from '../photo/combine';
import type { PhotoRuleInfo, PhotoSignals } from '../photo/signals';
import type { RuleId } from '../policy/rule-ids';

import type { WorkingHoursNote } from '../background/working-hours';

interface AttachedPhoto {
  id: number;
  signals: PhotoSignals;
  rule?: PhotoRuleInfo;
  /** Until the checks are back: a send in confirm mode waits for it. */
  pending?: Promise<void>;
}

export interface PhotoHandle {
  /** The checks said more (metadata first, then faces and text). */
  update(signals: PhotoSignals, rule?: PhotoRuleInfo): void;
  /** All checks are back (or failed). */
  done(): void;
}

export const CHECKED_HERE = 'Checked on this computer: the photo was not sent anywhere or kept.';

let nextPhoto = 0;

export class SideFindings {
  private photos: AttachedPhoto[] = [];
  private workingHours?: WorkingHoursNote;
  /** Working hours are shown once per post: dismissed, it stays away until the post is sent. */
  private workingHoursDismissed = false;

  constructor(
    private readonly changed: () => void,
    /** The site starts uploading on attach (X, TikTok): holding the post cannot stop the upload. */
    private readonly uploadsOnAttach: boolean,
  ) {}

  addPhoto(): PhotoHandle {
    let finish!: () => void;
    const photo: AttachedPhoto = { id: ++nextPhoto, signals: { kind: 'photo', look: 'pending' } };
    photo.pending = new Promise<void>((resolve) => (finish = resolve));
    this.photos.push(photo);
    return {
      update: (signals, rule) => {
        if (!this.photos.includes(photo)) return;
        photo.signals = signals;
        if (rule) photo.rule = rule;
        this.changed();
      },
      done: () => {
        photo.pending = undefined;
        finish();
        this.changed();
      },
    };
  }

  setWorkingHours(note: WorkingHoursNote | undefined): void {
    if (note?.message === this.workingHours?.message) return;
    this.workingHours = note;
  }

  /** Photo checks still on their way (a send waits for them). */
  get pending(): boolean {
    return this.photos.some((p) => p.pending);
  }

  get hasPhotos(): boolean {
    return this.photos.length > 0;
  }

  settled(): Promise<void> {
    return Promise.all(this.photos.map((p) => p.pending)).then(() => undefined);
  }

  /** The cards to show with the text's own; `captionRules` are the rules the caption's findings are for. */
  cards(captionRules: readonly RuleId[], dismissed: ReadonlySet<string>, mode: 'warn' | 'confirm'): (CardFinding & { holds: boolean })[] {
    const out: (CardFinding & { holds: boolean })[] = [];
    this.photos.forEach((photo, i) => {
      if (!photo.rule?.enabled) return;
      const key = `school-photo|photo-${photo.id}`;
      if (dismissed.has(key)) return;
      const label = photoLabel(i, this.photos.length, photo.signals.kind);
      const verdict = photoVerdict(photo.signals, captionRules, { label, severity: photo.rule.severity });
      if (!verdict) return;
      const details = [...verdict.details, CHECKED_HERE];
      if (mode === 'confirm' && verdict.severity === 'high') {
        details.push(
          this.uploadsOnAttach
            ? 'This site starts uploading a photo as soon as it is attached: holding the post stops it being published, not the upload. Remove the photo to be sure.'
            : 'Holding the post stops the photo being published.',
        );
      }
      out.push({
        key,
        rule: 'school-photo',
        severity: verdict.severity,
        message: verdict.message,
        details,
        clause: photo.rule.clause,
        advice: photo.rule.advice,
        evidence: label?.replace(/^The /, 'the ') ?? 'the photo',
        notAMatchLabel: verdict.byPlace ? 'This isn’t at school' : null,
        holds: verdict.severity === 'high',
      });
    });
    if (this.workingHours && !this.workingHoursDismissed && !dismissed.has('working-hours|')) {
      out.push({ key: 'working-hours|', rule: 'working-hours', ...this.workingHours, evidence: '', notAMatchLabel: null, holds: false });
    }
    return out;
  }

  /** "This isn't at school" on a photo's card: the words to remember (hashed by the worker), and forget its place. */
  notAtSchool(key: string): string | undefined {
    const photo = this.photos.find((p) => `school-photo|photo-${p.id}` === key);
    const area = photo?.signals.place?.area;
    if (!photo || !area) return undefined;
    photo.signals = { ...photo.signals, place: undefined };
    return area;
  }

  dismissWorkingHours(): void {
    if (this.workingHours) this.workingHoursDismissed = true;
  }

  /** The post was sent: its photos went with it, and the next post may be reminded again. */
  clear(): void {
    this.photos = [];
    this.workingHoursDismissed = false;
  }
}

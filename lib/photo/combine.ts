/**
 * Whether an attached photo should warn, how strongly, and what the card says, from its signals and
 * the caption's own findings. The rules (issue 14, PRODUCT.md's school-photo row):
 *   - its location data puts it at a school site → high;
 *   - text in it names the school, a pupil or a colleague → high; school-life words → medium;
 *   - faces together with another sign of school (taken in the school day, a caption about school,
 *     school words in it) → medium;
 *   - faces alone, or the time alone, say nothing.
 * Pure: runs in the page on every change of the caption's findings, and on the command line.
 */
import type { RuleId, Severity } from '../policy/rule-ids';
import { roughDistance } from './geo';
import type { PhotoSignals, TextInPhoto } from './signals';

/** Caption findings that make a post "about school" for the faces signal. */
const SCHOOL_CAPTION_RULES: ReadonlySet<RuleId> = new Set(['school-mention', 'school-life', 'pupil-mention', 'colleague-mention', 'confidential']);
/** Text read in a photo that is enough on its own: names and the school. */
const NAMING_RULES: ReadonlySet<RuleId> = new Set(['school-mention', 'pupil-mention', 'colleague-mention']);

export interface PhotoVerdict {
  severity: Severity;
  /** The one-line reason. */
  message: string;
  /** What else was found, and how it was checked, in plain words. */
  details: string[];
  /** Whether "This isn't at school" applies (the place is part of the reason). */
  byPlace: boolean;
}

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const stronger = (a: Severity, b: Severity): Severity => (ORDER[a] <= ORDER[b] ? a : b);

function quoteList(items: TextInPhoto[]): string {
  const words = [...new Set(items.map((t) => t.evidence.trim()).filter(Boolean))].slice(0, 3);
  return words.map((w) => `“${w}”`).join(', ');
}

function textLine(text: TextInPhoto[]): { line: string; severity: Severity } | undefined {
  const school = text.filter((t) => t.rule === 'school-mention');
  const pupils = text.filter((t) => t.rule === 'pupil-mention');
  const staff = text.filter((t) => t.rule === 'colleague-mention');
  const life = text.filter((t) => !NAMING_RULES.has(t.rule));
  const named: string[] = [];
  if (school.length) named.push('the school’s name');
  if (pupils.length) named.push(pupils.length > 1 ? 'pupils’ names' : 'a pupil’s name');
  if (staff.length) named.push(staff.length > 1 ? 'colleagues’ names' : 'a colleague’s name');
  if (named.length) {
    const what = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
    const line = `${what[0].toUpperCase()}${what.slice(1)} can be read in it (${quoteList([...school, ...pupils, ...staff])}).`;
    return { line, severity: 'high' };
  }
  if (life.length) return { line: `Words about school can be read in it (${quoteList(life)}).`, severity: 'medium' };
  return undefined;
}

function facesLine(n: number): string {
  return n === 1 ? 'It shows a person’s face.' : `It shows ${n} people’s faces.`;
}

/**
 * The warning for one photo, or undefined when it says nothing. `captionRules` are the rules the
 * caption's own findings are for; `label` names the photo when there are several ("The second photo").
 */
export function photoVerdict(signals: PhotoSignals, captionRules: readonly RuleId[], opts: { label?: string; severity?: Severity } = {}): PhotoVerdict | undefined {
  const reasons: { line: string; severity: Severity }[] = [];
  const support: string[] = [];
  if (signals.place) {
    reasons.push({
      line: `It was taken ${roughDistance(signals.place.distanceMetres)} from ${signals.place.name}, according to its location data.`,
      severity: 'high',
    });
  }
  const text = signals.text?.length ? textLine(signals.text) : undefined;
  if (text) reasons.push(text);
  const faces = signals.faces ?? 0;
  const captionAboutSchool = captionRules.some((r) => SCHOOL_CAPTION_RULES.has(r));
  const otherSign = Boolean(signals.schoolHours || captionAboutSchool || text || signals.place);
  if (faces > 0 && otherSign) {
    const because = signals.schoolHours
      ? ` It was taken in the school day (${signals.schoolHours.when}).`
      : captionAboutSchool && !text && !signals.place
        ? ' The post is about school.'
        : '';
    if (reasons.length) support.push(facesLine(faces));
    else reasons.push({ line: `${facesLine(faces)}${because}`, severity: 'medium' });
  }
  if (!reasons.length) return undefined;
  if (signals.schoolHours && !reasons.some((r) => r.line.includes('school day'))) support.push(`It was taken in the school day (${signals.schoolHours.when}), by the camera’s clock.`);
  const severity = opts.severity ?? reasons.reduce<Severity>((s, r) => stronger(s, r.severity), 'low');
  const [first, ...rest] = reasons;
  const lead = opts.label ? `${opts.label}: ` : '';
  const details = [...rest.map((r) => r.line), ...support];
  if (signals.kind === 'heic') details.push('This is a HEIC photo: only its location and time data could be checked, not what it shows.');
  if (signals.kind === 'video') details.push('Only a video’s location and time data are checked, not what it shows.');
  if (signals.look === 'pending') details.push('Still looking at the photo for faces and text…');
  return { severity, message: `${lead}${first.line}`, details, byPlace: Boolean(signals.place) };
}

/** "The photo", "The second photo": how the card names one of several attachments. */
export function photoLabel(index: number, count: number, kind: PhotoSignals['kind']): string | undefined {
  if (count <= 1) return undefined;
  const nth = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][index] ?? `number ${index + 1}`;
  return `The ${nth} ${kind === 'video' ? 'video' : 'photo'}`;
}

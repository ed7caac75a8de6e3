/**
 * The warning card's own words, by surface and by rule, in one place (wording: docs/wording.md).
 * Pure strings: the card and the tests both read them.
 */
import type { AnswerScope } from '../lib/background/answer-scope';
import { typeset } from '../lib/engine/typeset';
import type { RuleId, Severity, Surface } from '../lib/policy/rule-ids';

export const SEVERITY_WORD: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** The keyboard shortcut from the editor to the card, as people read it. */
export const SHORTCUT_WORDS = 'Alt+Shift+↓';
/** The same, as a screen reader says it. */
export const SHORTCUT_SPOKEN = 'Alt+Shift+Down';

type SendKind = 'post' | 'comment' | 'reply' | 'message' | 'profile';

function sendKind(surface: Surface): SendKind {
  if (surface === 'profile-job' || surface === 'profile-bio' || surface === 'profile-name') return 'profile';
  return surface;
}

/** The held send, in the site's own verb: a profile is saved, a message sent, a comment commented. */
const SEND: Record<SendKind, { anyway: string; question: string }> = {
  post: { anyway: 'Post anyway', question: 'Edit it, or post anyway?' },
  comment: { anyway: 'Comment anyway', question: 'Edit it, or comment anyway?' },
  reply: { anyway: 'Reply anyway', question: 'Edit it, or reply anyway?' },
  message: { anyway: 'Send anyway', question: 'Edit it, or send anyway?' },
  profile: { anyway: 'Save anyway', question: 'Edit it, or save anyway?' },
};

export function anywayWords(surface: Surface): string {
  return SEND[sendKind(surface)].anyway;
}

export function holdWords(surface: Surface): string {
  const what = sendKind(surface) === 'profile' ? 'Your profile has' : sendKind(surface) === 'message' ? 'This message has' : 'This has';
  return `${what} something your school’s policy asks you not to post. ${SEND[sendKind(surface)].question}`;
}

/** Rules where a false match is about who or what a name refers to. */
export const NOT_A_MATCH_LABEL: Partial<Record<RuleId, string>> = {
  'pupil-mention': 'This isn’t a pupil',
  'colleague-mention': 'This isn’t a colleague',
  'school-mention': 'This isn’t our school',
};

const WHO: Partial<Record<RuleId, string>> = {
  'pupil-mention': 'pupil',
  'colleague-mention': 'colleague',
  'school-mention': 'school',
};

/** Quote the person's words back, curly-quoted and short. */
export function quoteWords(words: string): string {
  const s = typeset(words.replace(/\s+/g, ' ').trim());
  return `‘${s.length > 30 ? `${s.slice(0, 29)}…` : s}’`;
}

function orList(words: string[]): string {
  const q = words.map(quoteWords);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export interface AnswerWords {
  label: string;
  /** What it silences, and what still warns. */
  consequence: string;
}

/** Each reach of a false-match answer, spelled out for the card. */
export function answerWords(rule: RuleId, scope: AnswerScope, evidence: string, cues: string[]): AnswerWords {
  const name = quoteWords(evidence);
  const who = WHO[rule] ?? 'match';
  const thing = rule === 'school-mention' ? 'our school' : `a ${who}`;
  switch (scope) {
    case 'post':
      return {
        label: NOT_A_MATCH_LABEL[rule] ?? 'Not a match',
        consequence: `Only in this sentence. ${name} anywhere else still gets a warning.`,
      };
    case 'similar':
      return {
        label: `Never warn about ${name} in posts like this`,
        consequence: `Only where ${name} comes with ${orList(cues)}.${rule === 'school-mention' ? '' : ' Never in a post about school.'} Anywhere else it still gets a warning.`,
      };
    case 'name':
      return {
        label: `Never warn about ${name}`,
        consequence: `In every post, on every site. Choose this only if ${name} is never ${thing} for you.`,
      };
  }
}

/** Said under the answers when the school keeps a pupil's full name to post-by-post answers. */
export const POST_BY_POST_ONLY = 'Your school’s settings let you answer this for one post at a time: a pupil’s full name is always worth a second look.';

/** On the school's own accounts: said once, then in the advice of every pupil warning. */
export function officialNoteWords(account: string): string {
  return `You are posting as ${account}, one of your school’s own accounts, so Second Look does not warn about naming the school, school life or your job here. It still checks pupils’ names and confidential matters.`;
}
export const OFFICIAL_PUPIL_ADVICE = 'Check consent before naming a pupil: your school keeps a list of pupils whose names and photos may be shared.';

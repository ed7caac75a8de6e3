/** Stable rule ids, shared by the policy file, the findings, the CLI and the tests. */
export const TEXT_RULE_IDS = [
  'pupil-mention',
  'colleague-mention',
  'school-mention',
  'school-life',
  'confidential',
  'derogatory',
  'personal-info',
  'profession-disclosure',
] as const;

/** Rules that are not about typed text; the policy can already switch them, later issues run them. */
export const OTHER_RULE_IDS = ['pupil-contact', 'school-photo', 'working-hours'] as const;

export const RULE_IDS = [...TEXT_RULE_IDS, ...OTHER_RULE_IDS] as const;

export type TextRuleId = (typeof TEXT_RULE_IDS)[number];
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SURFACES = [
  'post',
  'comment',
  'reply',
  'message',
  'profile-job',
  'profile-bio',
  'profile-name',
] as const;
export type Surface = (typeof SURFACES)[number];

export const PROFILE_SURFACES: readonly Surface[] = ['profile-job', 'profile-bio', 'profile-name'];

export const SITES = ['facebook', 'x', 'instagram', 'tiktok'] as const;
export type Site = (typeof SITES)[number];

/** The policy's `pupilNameAnswers`: how far "This isn't a pupil" may reach for a pupil's full name, narrowest first. */
export const PUPIL_NAME_ANSWERS = ['this-post', 'posts-like-this', 'everywhere'] as const;
export type PupilNameAnswers = (typeof PUPIL_NAME_ANSWERS)[number];

/**
 * What each rule looks for, in plain words for the options page (docs/wording.md). The engine's
 * catalogue (lib/engine/rules/catalogue.ts) keeps the precise description for admins and the README.
 */
import type { RuleInForm } from './form-state';

export const RULE_WORDS: Record<RuleInForm, { title: string; looksFor: string }> = {
  'pupil-mention': {
    title: 'Pupils’ names',
    looksFor:
      'A pupil on your lists, by full name, initial and surname, nickname or short name, or written as a hashtag or @name, even spelt a little wrong. A first name on its own only counts in a post about school.',
  },
  'colleague-mention': {
    title: 'Colleagues',
    looksFor: 'A member of staff by name (“Sarah Jones”, “Mrs Jones”) or by their job (“the head”, “my TA”, “a governor”).',
  },
  'school-mention': {
    title: 'The school’s name',
    looksFor: 'Your school’s name, short name, initials, @name, hashtag or web address, or the trust or council it belongs to when a post says you work there.',
  },
  'school-life': {
    title: 'School life',
    looksFor: 'Pupils, parents, colleagues or school events without names, said in a way that shows it is your job: “my class”, “parents’ evening”, “Ofsted are in”.',
  },
  confidential: {
    title: 'Confidential matters',
    looksFor: 'Safeguarding, special needs, exclusions, behaviour, a pupil’s health, social services, staffing, inspection results before they are public, pupil records.',
  },
  derogatory: {
    title: 'Rude or offensive words',
    looksFor: 'Insults, swearing, threats and unkind remarks about groups of people; more serious when they are about pupils, parents, colleagues, the school or the council.',
  },
  'personal-info': {
    title: 'Your contact details',
    looksFor: 'A phone number, email address, home address or postcode in something everyone can see.',
  },
  'profession-disclosure': {
    title: 'Your job on your profile',
    looksFor: 'A job title, bio or name on your profile that says you teach or work in a school (“Year 4 teacher”, “TA”, “SENCO”), or names the school.',
  },
  'pupil-contact': {
    title: 'Contact with pupils',
    looksFor: 'A friend, follow or message request from a pupil, or you about to add, follow or message one, or opening a pupil’s profile.',
  },
};

/**
 * The built-in en-GB term lists (assets/terms/*.json). Each file has `terms` and, among them, the
 * `needsContext` ones that only count in a post about school (or, for derogatory terms, aimed at
 * the school community). Schools extend them through the policy.
 */
import ambiguousInitials from '../../../assets/terms/ambiguous-initials.json';
import communityTargets from '../../../assets/terms/community-targets.json';
import commonWordNames from '../../../assets/terms/common-word-names.json';
import confidential from '../../../assets/terms/confidential.json';
import confidentialSchool from '../../../assets/terms/confidential-school.json';
import confidentialStaff from '../../../assets/terms/confidential-staff.json';
import derogatory from '../../../assets/terms/derogatory.json';
import derogatoryGroups from '../../../assets/terms/derogatory-groups.json';
import derogatoryStereotypes from '../../../assets/terms/derogatory-stereotypes.json';
import familyCues from '../../../assets/terms/family-cues.json';
import parentCues from '../../../assets/terms/parent-cues.json';
import positions from '../../../assets/terms/positions.json';
import profanityAllowlist from '../../../assets/terms/profanity-allowlist.json';
import profession from '../../../assets/terms/profession.json';
import schoolContext from '../../../assets/terms/school-context.json';
import schoolLife from '../../../assets/terms/school-life.json';
import schoolLifeClass from '../../../assets/terms/school-life-class.json';
import schoolLifeEvents from '../../../assets/terms/school-life-events.json';
import schoolLifeSetting from '../../../assets/terms/school-life-setting.json';
import schoolLifeWork from '../../../assets/terms/school-life-work.json';
import schoolNameWords from '../../../assets/terms/school-name-words.json';
import staffPlaces from '../../../assets/terms/staff-places.json';
import workplaceCues from '../../../assets/terms/workplace-cues.json';

export interface TermList {
  about: string;
  terms: string[];
  needsContext: string[];
  /** Short forms that are also everyday words ("ta" is thanks): they only count written in capitals. */
  capitalsOnly?: string[];
}

export const TERM_LISTS = {
  'school-context': schoolContext,
  'school-life': schoolLife,
  'school-life-class': schoolLifeClass,
  'school-life-events': schoolLifeEvents,
  'school-life-work': schoolLifeWork,
  'school-life-setting': schoolLifeSetting,
  'parent-cues': parentCues,
  confidential,
  'confidential-staff': confidentialStaff,
  'confidential-school': confidentialSchool,
  positions,
  'staff-places': staffPlaces,
  profession,
  derogatory,
  'derogatory-groups': derogatoryGroups,
  'derogatory-stereotypes': derogatoryStereotypes,
  'community-targets': communityTargets,
  'family-cues': familyCues,
  'workplace-cues': workplaceCues,
  'common-word-names': commonWordNames,
  'ambiguous-initials': ambiguousInitials,
  'school-name-words': schoolNameWords,
  'profanity-allowlist': profanityAllowlist,
} satisfies Record<string, TermList>;

export type TermListId = keyof typeof TERM_LISTS;

/**
 * The built-in en-GB term lists (assets/terms/*.json). Each file has `terms` and, among them, the
 * `needsContext` ones that only count in a post about school (or, for derogatory terms, aimed at
 * the school community). Schools extend them through the policy.
 */
import ambiguousInitials from '../../../assets/terms/ambiguous-initials.json';
import communityTargets from '../../../assets/terms/community-targets.json';
import commonWordNames from '../../../assets/terms/common-word-names.json';
import confidential from '../../../assets/terms/confidential.json';
import derogatory from '../../../assets/terms/derogatory.json';
import familyCues from '../../../assets/terms/family-cues.json';
import positions from '../../../assets/terms/positions.json';
import profanityAllowlist from '../../../assets/terms/profanity-allowlist.json';
import profession from '../../../assets/terms/profession.json';
import schoolContext from '../../../assets/terms/school-context.json';
import schoolLife from '../../../assets/terms/school-life.json';
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
  confidential,
  positions,
  'staff-places': staffPlaces,
  profession,
  derogatory,
  'community-targets': communityTargets,
  'family-cues': familyCues,
  'workplace-cues': workplaceCues,
  'common-word-names': commonWordNames,
  'ambiguous-initials': ambiguousInitials,
  'school-name-words': schoolNameWords,
  'profanity-allowlist': profanityAllowlist,
} satisfies Record<string, TermList>;

export type TermListId = keyof typeof TERM_LISTS;

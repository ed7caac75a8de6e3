/**
 * Policy problems in plain words for the popup and the options page: what is wrong, where (the JSON
 * path, for whoever fixes the file), and what the extension is doing meanwhile. Kept free of zod so
 * the popup stays small.
 */
import type { PolicySource, PolicyState } from '../policy/storage-keys';

/** Names of the policy's top-level settings, as a person would say them. */
export const SETTING_NAMES: Record<string, string> = {
  schoolName: 'school name',
  schoolAliases: 'other names for the school',
  organisations: 'organisations',
  staff: 'staff list',
  pupils: 'pupil list',
  formerPupils: 'former pupils list',
  parents: 'parents list',
  rosterHash: 'name hashing',
  delivery: 'delivery note',
  mode: 'mode',
  rules: 'rules',
  schoolContextTerms: 'school context words',
  sites: 'sites',
  policyUrl: 'policy link',
  contact: 'contact',
  siteOverrides: 'site fixes',
  pupilNameAnswers: 'how far “This isn’t a pupil” reaches',
  officialAccounts: 'the school’s own accounts',
  schoolSites: 'school sites (for photos)',
  schoolDay: 'school day',
  photoChecks: 'photo checks',
};

export interface IssueGroupWords {
  source: Exclude<PolicySource, 'defaults'>;
  heading: string;
  /** What is in force meanwhile; empty when there are only warnings. */
  consequence: string;
  items: IssueWords[];
}

export interface IssueWords {
  level: 'error' | 'warning';
  /** The JSON path, e.g. `pupils[3].name`, or "(whole policy)". */
  path: string;
  /** Where, in words: "pupil list, entry 4". */
  where: string;
  message: string;
}

/** "pupils[3].name" → "pupil list, entry 4"; "rules.derogatory.severity" → "rules, derogatory, severity". */
export function describePath(path: string): string {
  if (!path) return 'the whole policy';
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [path];
  return parts
    .map((part, i) => {
      if (part.startsWith('[')) return `entry ${Number(part.slice(1, -1)) + 1}`;
      return i === 0 ? (SETTING_NAMES[part] ?? part) : part;
    })
    .join(', ');
}

function consequence(source: IssueGroupWords['source'], inForce: PolicySource, hasErrors: boolean): string {
  if (!hasErrors) return '';
  if (source === 'managed') {
    return inForce === 'managed'
      ? 'The last working version of your school’s settings is still in force.'
      : `Your school’s settings could not be used, so ${inForce === 'personal' ? 'your own settings are' : 'the built-in settings are'} in force.`;
  }
  if (inForce === 'personal') return 'The last working version of your own settings is still in force.';
  if (inForce === 'defaults') return 'The built-in settings are in force until this is fixed.';
  return 'Your school’s settings are in force, so this does not change anything for now.';
}

export function describeIssues(state: Pick<PolicyState, 'issues' | 'source'>): IssueGroupWords[] {
  return state.issues
    .filter((g) => g.issues.length > 0)
    .map((g) => {
      const hasErrors = g.issues.some((i) => i.level === 'error');
      const whose = g.source === 'managed' ? 'Your school’s settings' : 'Your own settings';
      return {
        source: g.source,
        heading: hasErrors ? `${whose} have a problem` : `${whose}: something was ignored`,
        consequence: consequence(g.source, state.source, hasErrors),
        items: g.issues.map((i) => ({
          level: i.level,
          path: i.path || '(whole policy)',
          where: describePath(i.path),
          message: i.message,
        })),
      };
    });
}

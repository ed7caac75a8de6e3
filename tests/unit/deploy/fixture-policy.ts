/** A school policy built the way `policy build` builds it, from the MIS fixture exports. */
import { readFileSync } from 'node:fs';
import { buildPolicy } from '../../../lib/deploy/build-policy';
import type { Policy } from '../../../lib/policy/schema';
import { importRoster, type RosterKind } from '../../../lib/roster-import/import-roster';

export function fixtureRoster(file: string, kind: RosterKind) {
  const result = importRoster(readFileSync(new URL(`../../fixtures/mis/${file}`, import.meta.url), 'utf8'), kind, file);
  if (!result.ok) throw new Error(result.error);
  return result.people;
}

export function policyFromFixtures(extra: Record<string, unknown> = {}): Policy {
  const built = buildPolicy({
    schoolName: 'Oakfield Primary School',
    schoolAliases: ['Oakfield', 'OPS', '@OakfieldPrimary'],
    rosters: {
      pupils: fixtureRoster('sims-pupils.csv', 'pupils'),
      staff: fixtureRoster('sims-staff.csv', 'staff'),
      formerPupils: fixtureRoster('sims-former-pupils.csv', 'formerPupils'),
      parents: fixtureRoster('sims-parents.csv', 'parents'),
    },
    settings: { mode: 'confirm', rules: { 'working-hours': { enabled: false } }, contact: 'Mrs "DSL" Hughes, C:\\Office', ...extra },
  });
  if (!built.ok) throw new Error(built.messages.join('\n'));
  return built.policy;
}

/**
 * The policy format: the one source for validation, `managed_schema.json`, the README table and
 * the admin artefacts. Every key carries a title and a description because admin consoles show them.
 *
 * The same JSON object is what IT pushes as managed policy, what the options page saves for a person
 * on their own, and what `check --policy` reads.
 */
import { z } from 'zod';
import { builtOnce } from './built-once';
import { photoSchemas } from './photo-schema';
import { PUPIL_NAME_ANSWERS, RULE_IDS, SEVERITIES, SITES, SURFACES, type RuleId } from './rule-ids';
import { siteOverrideSchemas } from './site-overrides';

const text = (title: string, description: string) =>
  z.string().meta({ title, description });
const textList = (title: string, description: string) =>
  z.array(z.string()).meta({ title, description });

export const ROSTER_HASH_SCHEMES = ['hmac-sha256-48', 'hmac-sha256-96'] as const;
/** The routes `policy build` writes a copy of the policy for; each copy says which it is. */
export const DELIVERY_ROUTES = ['google-admin', 'windows-registry', 'windows-script', 'macos-profile', 'linux-file', 'firefox-policies'] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

// The schemas are built on first use, not when the module loads: building them takes a waking worker
// about 10 ms, and the check that woke it needs none of them (only a policy change is validated).
function buildPolicySchemas() {
  /** One name token in keyed-hash form: its hash, and the hashes of its one-letter deletions. */
  const HashedToken = z
    .object({
      k: text('Hash', 'Keyed hash of the normalised name part.'),
      d: textList(
        'Near-miss hashes',
        'Keyed hashes of the name part with one letter removed, so that small misspellings still match.',
      ).optional(),
    })
    .meta({ title: 'Hashed name part', description: 'One part of a name, hashed with the roster key.' });

  const HashedName = z
    .object({
      first: HashedToken.meta({ title: 'First name', description: 'The hashed first name.' }),
      last: HashedToken.meta({ title: 'Surname', description: 'The hashed surname.' }).optional(),
      middle: z
        .array(HashedToken)
        .meta({ title: 'Middle names', description: 'The hashed middle names, if any.' })
        .optional(),
      initials: textList(
        'Initials',
        'Hashes of the first letters of the first name and the surname, for forms such as "J Smith" and "Jack S".',
      ).optional(),
      joined: textList(
        'Joined forms',
        'Hashes of the name written as one word, as in hashtags and handles (first name and surname run together).',
      ).optional(),
      aliases: z
        .array(z.array(HashedToken).meta({ title: 'Hashed alias', description: 'The hashed words of one alias.' }))
        .meta({ title: 'Hashed aliases', description: 'Nicknames the school lists for this person, hashed word by word.' })
        .optional(),
    })
    .meta({
      title: 'Hashed name',
      description: 'The name in keyed-hash form, written by the hashing tool. Never written by hand.',
    });

  const personFields = {
    name: text('Name', 'Full name as used in school, for example "Jack Smith". First word is the first name, last word the surname.').optional(),
    aliases: textList('Aliases', 'Other names this person is known by, such as a nickname or a preferred name.').optional(),
    hashed: HashedName.optional(),
  };
  const needsOneName = (p: { name?: string; hashed?: unknown }) => (p.name !== undefined) !== (p.hashed !== undefined);
  const oneNameMessage = { message: 'Give either "name" or "hashed", not both and not neither.' };

  const Person = z
    .object(personFields)
    .refine(needsOneName, oneNameMessage)
    .meta({ title: 'Person', description: 'A person on a roster, by name or in hashed form.' });

  const StaffMember = z
    .object({
      ...personFields,
      role: text('Role', 'Job title, for example "Headteacher" or "Year 6 teacher". Shown in nothing the page can read.').optional(),
      title: text(
        'Title',
        'How pupils address them: Mr, Mrs, Miss, Ms, Mx or Dr. When given, "Mrs Evans" is not read as a Mr Evans on the staff list.',
      ).optional(),
    })
    .refine(needsOneName, oneNameMessage)
    .meta({ title: 'Member of staff', description: 'A member of staff, by name or in hashed form.' });

  const RuleSettings = z
    .object({
      enabled: z.boolean().meta({ title: 'On', description: 'Whether this rule runs.' }).optional(),
      severity: z.enum(SEVERITIES).meta({ title: 'Severity', description: 'Overrides the rule\'s default severity: high, medium or low.' }).optional(),
      clause: text('Policy clause', 'The school\'s own wording of the policy clause this rule rests on, shown in the warning.').optional(),
      terms: textList(
        'Extra terms',
        'More words or phrases for this rule, one per entry. "#" stands for any number, as in "year # class".',
      ).optional(),
    })
    .meta({ title: 'Rule settings', description: 'Settings for one rule.' });

  const ruleShape = Object.fromEntries(
    RULE_IDS.map((id) => [id, RuleSettings.optional().meta({ title: `Rule: ${id}`, description: `Settings for the ${id} rule.` })]),
  ) as Record<RuleId, z.ZodOptional<typeof RuleSettings>>;

  const surfaceShape = Object.fromEntries(
    SURFACES.map((s) => [s, z.boolean().meta({ title: `Check ${s}`, description: `Whether to check the ${s} surface on this site.` }).optional()]),
  );

  const SiteSettings = z
    .object({
      enabled: z.boolean().meta({ title: 'On', description: 'Whether Second Look runs on this site at all.' }).optional(),
      surfaces: z
        .object(surfaceShape)
        .meta({ title: 'Surfaces', description: 'Turn single surfaces (post, comment, reply, message, profile fields) off on this site.' })
        .optional(),
    })
    .meta({ title: 'Site settings', description: 'Switches for one site.' });

  const officialAccountShape = Object.fromEntries(
    SITES.map((s) => [s, textList(`Accounts on ${s}`, `The school's own accounts on ${s}: handles, or the Page's name on Facebook.`).optional()]),
  );

  const siteShape = Object.fromEntries(
    SITES.map((s) => [s, SiteSettings.optional().meta({ title: `Site: ${s}`, description: `Switches for ${s}.` })]),
  );

  const packedList = (who: string) =>
    text(
      `Hashed ${who}`,
      `The ${who}, packed by \`policy build --hash\` as base64 records pointing into the word table. Never written by hand.`,
    ).optional();


  const RosterHash = z
    .object({
      scheme: z.enum(ROSTER_HASH_SCHEMES).meta({
        title: 'Scheme',
        description:
          'How names were hashed: "hmac-sha256-48" (what `policy build --hash` writes: a word table and packed lists here) or "hmac-sha256-96" (the first scheme: hashed entries in each list; still read).',
      }),
      key: text('Key', 'The school\'s roster key (base64url), made by `policy build --hash`. Needed to match hashed names.'),
      words: text(
        'Word table',
        'Every distinct name word once, as keyed hashes with those of its one-letter misspellings, in base64. Written by `policy build --hash`.',
      ).optional(),
      pupils: packedList('pupils'),
      staff: packedList('staff'),
      formerPupils: packedList('former pupils'),
      parents: packedList('parents and carers'),
    })
    .meta({
      title: 'Roster hashing',
      description: 'Present when rosters are in keyed-hash form. Keeps names off screens such as chrome://policy.',
    });


  const Delivery = z
    .object({
      route: z.enum(DELIVERY_ROUTES).meta({
        title: 'Route',
        description: 'The console or file this copy was made for, so the popup can say where the policy came from.',
      }),
      built: text('Built', 'The day `policy build` made it (YYYY-MM-DD), so a laptop shows which build is in force.').optional(),
    })
    .meta({
      title: 'Delivery',
      description: 'Written by `policy build` into each console\'s copy of the policy. Never needed by hand.',
    });

  const Policy = z
    .object({
      schoolName: text('School name', 'The school\'s full name, for example "St Example\'s C of E Primary School".').optional(),
      schoolAliases: textList(
        'School aliases',
        'Other names for the school: short names, abbreviations, social media handles (@...), hashtags (#...) and web domains.',
      ).optional(),
      organisations: textList(
        'Organisations',
        'Bodies the school belongs to, such as its trust, diocese or local authority. Flagged when named as the author\'s workplace.',
      ).optional(),
      staff: z.array(StaffMember).meta({ title: 'Staff', description: 'Members of staff.' }).optional(),
      pupils: z.array(Person).meta({ title: 'Pupils', description: 'Pupils on roll.' }).optional(),
      formerPupils: z.array(Person).meta({ title: 'Former pupils', description: 'Pupils who have left.' }).optional(),
      parents: z.array(Person).meta({ title: 'Parents', description: 'Parents and carers.' }).optional(),
      rosterHash: RosterHash.optional(),
      delivery: Delivery.optional(),
      mode: z
        .enum(['warn', 'confirm'])
        .meta({
          title: 'Mode',
          description: '"warn" shows warnings only; "confirm" also holds the post on a high-severity finding until the person chooses Edit or Post anyway. Accepting, adding, following or messaging a pupil is held in both modes.',
        })
        .optional(),
      rules: z.object(ruleShape).meta({ title: 'Rules', description: 'Per-rule settings, by rule id.' }).optional(),
      schoolContextTerms: textList(
        'School context terms',
        'Extra words that show a post is about school, used before a first name alone is treated as a pupil\'s.',
      ).optional(),
      sites: z.object(siteShape).meta({ title: 'Sites', description: 'Per-site and per-surface switches.' }).optional(),
      policyUrl: text('Policy link', 'Web address of the school\'s social media policy, linked from warnings.').optional(),
      contact: text('Contact', 'Who to ask about the policy, for example "Mrs Patel (DSL), dsl@example.sch.uk".').optional(),
      siteOverrides: siteOverrideSchemas().SiteOverrides.optional(),
      pupilNameAnswers: z
        .enum(PUPIL_NAME_ANSWERS)
        .meta({
          title: 'How far "This isn\'t a pupil" reaches for a full name',
          description:
            'When someone says a pupil\'s full name (or initial and surname, or a listed nickname) in their post is not the pupil: "this-post" (the default) silences it in that post only; "posts-like-this" also lets them silence it in posts with the same other words (such as "the boxer"); "everywhere" also lets them silence the name for good. Other answers are never limited.',
        })
        .optional(),
      officialAccounts: z
        .object(officialAccountShape)
        .meta({
          title: 'The school\'s own accounts',
          description:
            'The school\'s own social media accounts, per site: handles (@...) or, on Facebook, the Page\'s name. Signed in as one of them, staff are not warned for naming the school, school life or the profession; pupils and confidential matters are still checked.',
        })
        .optional(),
      // Photos and the school day: schoolSites, schoolDay, photoChecks (photo-schema.ts).
      ...photoSchemas().photoPolicyFields,
    })
    .meta({ title: 'Second Look policy', description: 'The school\'s social media policy settings for Second Look.' });

  return { HashedToken, HashedName, Person, StaffMember, RuleSettings, SiteSettings, RosterHash, Delivery, Policy };
}

type PolicySchemas = ReturnType<typeof buildPolicySchemas>;
/** The zod schemas (built once, on the first call). */
export const policySchemas: () => PolicySchemas = builtOnce(buildPolicySchemas);

export type HashedToken = z.infer<PolicySchemas['HashedToken']>;
export type HashedName = z.infer<PolicySchemas['HashedName']>;
export type Person = z.infer<PolicySchemas['Person']>;
export type StaffMember = z.infer<PolicySchemas['StaffMember']>;
export type RuleSettings = z.infer<PolicySchemas['RuleSettings']>;
export type RosterHash = z.infer<PolicySchemas['RosterHash']>;
export type Delivery = z.infer<PolicySchemas['Delivery']>;
export type Policy = z.infer<PolicySchemas['Policy']>;
export type { SiteOverride } from './site-overrides';

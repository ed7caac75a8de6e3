/**
 * `siteOverrides`: adapter fixes a school's IT can push through managed policy the day a site changes,
 * without waiting for a release. Same shape as the built-in adapters' data (lib/sites/types.ts),
 * merged over them by lib/sites/overrides.ts and applied to open tabs at once. Only data: selectors
 * (checked for syntax here), path patterns (checked to compile), words per language. No code.
 */
import { z } from 'zod';
import { builtOnce } from './built-once';
import { ADAPTERS } from '../sites';
import { SITES, SURFACES, type Site } from './rule-ids';
import { patternProblem, selectorProblem } from './selector-syntax';

const CONTACT_KINDS = ['friend-request', 'follow-request', 'message-request', 'profile', 'chat'] as const;
const CONTACT_ACTIONS = ['accept', 'add-friend', 'follow', 'message', 'open-chat'] as const;

const selector = (title: string, description: string) =>
  z
    .string()
    .max(2000, 'A selector this long is not a hook: keep it under 2,000 characters.')
    .superRefine((value, ctx) => {
      const problem = selectorProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `Not a usable CSS selector: ${problem}. Found ${JSON.stringify(value.slice(0, 80))}.` });
    })
    .meta({ title, description });

const pattern = (title: string, description: string) =>
  z
    .string()
    .max(500)
    .superRefine((value, ctx) => {
      const problem = patternProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `Not a usable path pattern: ${problem}.` });
    })
    .meta({ title, description });

const labelKey = (description: string) =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,39}$/, 'A label key is a short word of letters, digits and hyphens, such as "confirm".')
    .meta({ title: 'Label', description });

const levels = (description: string) => z.number().int().min(0).max(40).meta({ title: 'Levels', description });
const surface = (title: string, description: string) => z.enum(SURFACES).meta({ title, description });

/** Every label key a site override refers to must have words somewhere: built in, or in the override. */
function checkLabelKeys(site: Site, override: SiteOverride, ctx: z.RefinementCtx): void {
  const known = new Set<string>();
  for (const table of [ADAPTERS[site].labels, override.labels ?? {}]) for (const byKey of Object.values(table)) for (const key of Object.keys(byKey)) known.add(key);
  const check = (key: string | undefined, path: (string | number)[]) => {
    if (key === undefined || known.has(key)) return;
    ctx.addIssue({
      code: 'custom',
      path: [site, ...path, 'label'],
      message: `No words for the label "${key}": add them under siteOverrides.${site}.labels.en.${key}, or use one of ${[...known].sort().join(', ')}.`,
    });
  };
  override.surfaces?.forEach((h, i) => check(h.label, ['surfaces', i]));
  override.submitControls?.forEach((c, i) => check(c.label, ['submitControls', i]));
  override.contacts?.forEach((s, i) => s.controls.forEach((c, j) => check(c.label, ['contacts', i, 'controls', j])));
}

// Built on first use, with the rest of the policy schema (schema.ts says why).
function buildSiteOverrideSchemas() {
  const SurfaceHintOverride = z
    .object({
      surface: surface('Surface', 'What an editor this hint matches is: post, comment, reply, message, profile-job, profile-bio or profile-name.'),
      selector: selector('Selector', 'CSS selector the editor, or one of its ancestors, matches.').optional(),
      path: pattern('Path pattern', 'Regular expression the page\'s path must match, such as "^/messages/".').optional(),
      label: labelKey('A key of "labels": the accessible name of what the selector matched (the editor itself without a selector) starts with one of its words.').optional(),
    })
    .refine((h) => h.selector !== undefined || h.path !== undefined || h.label !== undefined, {
      message: 'A surface hint needs a "selector", a "path" or a "label" (else it would match every editor).',
    })
    .meta({ title: 'Surface hint', description: 'Tells which kind of compose box an editor is. Tried before the built-in hints.' });

  const SendControlOverride = z
    .object({
      selector: selector('Selector', 'CSS selector of a control whose click sends what the nearest editor holds.'),
      label: labelKey('A key of "labels": the control\'s accessible name (aria-label, else its text) is one of its words.').optional(),
    })
    .meta({ title: 'Send control', description: 'A button that sends a post, comment, reply or message.' });

  const ContactSurfaceOverride = z
    .object({
      kind: z.enum(CONTACT_KINDS).meta({ title: 'Kind', description: 'friend-request, follow-request, message-request, profile or chat.' }),
      path: pattern('Path pattern', 'Only on pages whose path matches this regular expression.').optional(),
      controls: z
        .array(
          z
            .object({
              selector: selector('Selector', 'CSS selector of the control (Confirm, Follow, Message, a chat row).'),
              label: labelKey('A key of "labels": the control\'s accessible name is one of its words.').optional(),
              does: z.enum(CONTACT_ACTIONS).meta({ title: 'Does', description: 'accept, add-friend, follow, message or open-chat.' }),
            })
            .meta({ title: 'Contact control', description: 'A control that acts on a person.' }),
        )
        .min(1)
        .max(20)
        .meta({ title: 'Controls', description: 'Controls that act on the person.' }),
      name: selector('Name', 'CSS selector of the person\'s displayed name, looked for around each control.'),
      maxNames: z.number().int().min(1).max(5).meta({ title: 'Names read', description: 'How many name elements to read (3 unless set).' }).optional(),
      handle: selector('Handle', 'CSS selector of a link or text near the name that holds the person\'s handle.').optional(),
      handleFromPath: pattern('Handle from path', 'Regular expression whose first group is the handle in the page\'s path.').optional(),
      exclude: selector('Exclude', 'Controls inside this are not this surface\'s (suggestion lists).').optional(),
      maxLevels: levels('How far up from a control to look for the name.').optional(),
    })
    .meta({ title: 'Contact surface', description: 'Where the person deals with someone else: requests, a profile, a chat list.' });

  const RecipientOverride = z
    .object({
      name: selector('Name', 'CSS selector of the chat header\'s name, looked for around the message box.'),
      handle: selector('Handle', 'CSS selector of a link or text holding the person\'s handle.').optional(),
      handleFromPath: pattern('Handle from path', 'Regular expression whose first group is the handle in the page\'s path.').optional(),
      maxLevels: levels('How far up from the message box to look for the header.').optional(),
    })
    .meta({ title: 'Recipient', description: 'Where a chat shows who the message goes to.' });

  const words = z
    .array(z.string().min(1).max(200))
    .max(50)
    .meta({ title: 'Words', description: 'What the site shows for this label in this language.' });

  const LabelsOverride = z
    .record(
      z.string().regex(/^[a-z]{2,3}$/, 'A language is its two- or three-letter code, such as "en", "cy" or "fr".'),
      z.record(z.string(), words).meta({ title: 'Labels in one language', description: 'Words by label key.' }),
    )
    .meta({
      title: 'Labels',
      description: 'The site\'s words per page language (the <html lang> code: "en", "cy", "fr"…), by label key. Added to the built-in words.',
    });

  const SiteOverride = z
    .object({
      surfaces: z.array(SurfaceHintOverride).max(50).meta({ title: 'Surface hints', description: 'Extra surface hints, tried before the built-in ones.' }).optional(),
      defaultSurface: surface('Default surface', 'What an editor no hint matches is taken to be.').optional(),
      submitControls: z.array(SendControlOverride).max(50).meta({ title: 'Send controls', description: 'Extra send controls.' }).optional(),
      enterSends: z.array(z.enum(SURFACES)).meta({ title: 'Enter sends', description: 'Surfaces where a plain Enter sends. Replaces the built-in list.' }).optional(),
      modEnterSends: z.array(z.enum(SURFACES)).meta({ title: 'Ctrl+Enter sends', description: 'Surfaces where Ctrl/Cmd+Enter sends. Replaces the built-in list.' }).optional(),
      contacts: z.array(ContactSurfaceOverride).max(50).meta({ title: 'Contact surfaces', description: 'Extra request lists, profiles and chat lists, tried before the built-in ones.' }).optional(),
      recipient: RecipientOverride.optional(),
      labels: LabelsOverride.optional(),
    })
    .meta({ title: 'Site override', description: 'Fixes for one site\'s adapter, merged over the built-in one.' });

  const siteShape = Object.fromEntries(
    SITES.map((s) => [s, SiteOverride.optional().meta({ title: `Override: ${s}`, description: 'Fixes for this site\'s adapter.' })]),
  ) as Record<Site, z.ZodOptional<typeof SiteOverride>>;

  const SiteOverrides = z
    .object(siteShape)
    .superRefine((all, ctx) => {
      for (const site of SITES) if (all[site]) checkLabelKeys(site, all[site]!, ctx);
    })
    .meta({
      title: 'Site overrides',
      description: 'Adapter fixes per site (extra surface hints, send controls, Enter behaviour, contact surfaces, words per language), merged over the built-in adapters and applied to open tabs without a reload. Selectors only, no code. See docs/deploy.md.',
    });

  return { SurfaceHintOverride, SendControlOverride, ContactSurfaceOverride, RecipientOverride, LabelsOverride, SiteOverride, SiteOverrides };
}

type SiteOverrideSchemas = ReturnType<typeof buildSiteOverrideSchemas>;
/** The zod schemas (built once, on the first call). */
export const siteOverrideSchemas: () => SiteOverrideSchemas = builtOnce(buildSiteOverrideSchemas);

export type SiteOverride = z.infer<SiteOverrideSchemas['SiteOverride']>;

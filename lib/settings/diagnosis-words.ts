/**
 * The popup's self-diagnosis in words: what Second Look sees on this page ("a post box (send button
 * found), 2 comment boxes (send button not found)", "3 friend requests, names read"), and the report
 * IT can paste into a ticket. Built from counts and kinds only (lib/runtime/page-diagnosis.ts):
 * nothing anyone wrote and no names can reach either.
 */
import type { PageDiagnosis } from '../runtime/page-diagnosis';
import type { Surface } from '../policy/rule-ids';
import { SITE_LABELS } from './site-of-url';

const BOX: Record<Surface, [string, string]> = {
  post: ['a post box', 'post boxes'],
  comment: ['a comment box', 'comment boxes'],
  reply: ['a reply box', 'reply boxes'],
  message: ['a message box', 'message boxes'],
  'profile-job': ['a job or workplace field', 'job or workplace fields'],
  'profile-bio': ['a bio field', 'bio fields'],
  'profile-name': ['a name field', 'name fields'],
};

const CONTACT: Record<PageDiagnosis['contacts'][number]['kind'], [string, string]> = {
  'friend-request': ['a friend request', 'friend requests'],
  'follow-request': ['a follow request', 'follow requests'],
  'message-request': ['a message request', 'message requests'],
  profile: ['a profile button (Follow, Message, Add friend)', 'profile buttons (Follow, Message, Add friend)'],
  chat: ['a chat in the list', 'chats in the list'],
};

function counted(n: number, [one, many]: [string, string]): string {
  return n === 1 ? one : `${n} ${many}`;
}

function tally<K extends string>(keys: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export interface DiagnosisWords {
  /** "a post box (send button found), 2 comment boxes (send button not found)", or "no editor found yet". */
  editors: string;
  /** "3 friend requests, names read"; undefined when the page has none. */
  contacts?: string;
}

export function diagnosisWords(d: Pick<PageDiagnosis, 'editors' | 'contacts'>): DiagnosisWords {
  const groups = tally(d.editors.map((e) => `${e.surface}|${e.send ? 'found' : 'not found'}` as const));
  const editors = groups.size
    ? [...groups].map(([key, n]) => {
        const [surface, send] = key.split('|') as [Surface, string];
        return `${counted(n, BOX[surface])} (send button ${send})`;
      }).join(', ')
    : 'no editor found yet';
  const kinds = tally(d.contacts.map((c) => c.kind));
  const contacts = kinds.size
    ? [...kinds].map(([kind, n]) => {
        const unnamed = d.contacts.filter((c) => c.kind === kind && !c.named).length;
        const names = unnamed === 0 ? (n === 1 ? 'name read' : 'names read') : unnamed === n ? (n === 1 ? 'name not read' : 'names not read') : `${unnamed} of ${n} names not read`;
        return `${counted(n, CONTACT[kind])}, ${names}`;
      }).join('; ')
    : undefined;
  return { editors, contacts };
}

export interface ReportContext {
  extensionVersion: string;
  browser: string;
}

/** The text "Copy a report for IT" copies: which hooks matched here, with counts; no text, no names. */
export function reportForIT(d: PageDiagnosis, context: ReportContext): string {
  const words = diagnosisWords(d);
  const lines = [
    'Second Look: what it sees on this page',
    `Extension version: ${context.extensionVersion}`,
    `Browser: ${context.browser}`,
    `Site: ${SITE_LABELS[d.site]}; page language: ${d.lang}; school’s site fixes (siteOverrides): ${d.overridden ? 'in force' : 'none'}`,
    `Editors: ${words.editors}`,
    ...d.editors.map((e, i) => `  editor ${i + 1}: ${e.surface}, ${e.matched ? 'named by a hint' : 'no hint matched (default)'}, send button ${e.send ? 'found' : 'not found'}`),
    `Requests, profiles and chats: ${words.contacts ?? 'none found'}`,
    'Hooks that matched (where in the adapter, selector, elements):',
    ...d.hooks.filter((h) => h.count > 0).map((h) => `  ${h.where}  ${h.selector}${h.label ? ` [label ${h.label}]` : ''}  ${h.count}`),
    'Hooks that matched nothing here:',
    ...d.hooks.filter((h) => h.count === 0).map((h) => `  ${h.where}  ${h.selector}${h.label ? ` [label ${h.label}]` : ''}`),
  ];
  if (d.invalid.length) lines.push('Selectors this browser rejected:', ...d.invalid.map((i) => `  ${i.where}  ${i.value}`));
  lines.push('This report holds no text anyone wrote and no names.');
  return lines.join('\n');
}

/** "Chromium 156.0.7456.0" or "Firefox 128.0", from what the browser says about itself. */
export function browserVersion(userAgent: string, brands?: { brand: string; version: string }[]): string {
  const brand = brands?.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium') ?? brands?.find((b) => b.brand === 'Chromium');
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const edge = /Edg\/([\d.]+)/.exec(userAgent);
  if (edge) return `Microsoft Edge ${edge[1]}`;
  const chrome = /Chrome\/([\d.]+)/.exec(userAgent);
  if (chrome) return `${brand?.brand ?? 'Chromium'} ${chrome[1]}`;
  return userAgent.slice(0, 120) || 'unknown';
}

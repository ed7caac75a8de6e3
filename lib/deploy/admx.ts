/**
 * ADMX and ADML templates for Group Policy and Intune ("Import ADMX"), generated from the zod schema:
 * one policy per top-level key of the policy, named exactly as the key, writing the value the same way
 * as the .reg file (windows-reg.ts): text as REG_SZ, a choice (mode) as a drop-down writing REG_SZ,
 * true/false as REG_DWORD, lists and objects as REG_SZ holding JSON.
 *
 * One template per browser, because the registry key holds the browser and the extension id. The
 * templates carry no roster and no school data: the values are typed (or pasted) in the console.
 * They define their own "supported on" entry, so Intune can import them with no other ADMX first.
 */
import { policyJsonSchema } from '../policy/managed-schema';
import type { Browser } from './windows-reg';
import { xmlText } from './xml';

type JsonSchema = { type?: string; title?: string; description?: string; enum?: unknown[]; properties?: Record<string, JsonSchema> };

const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const BROWSER_NAME: Record<Browser, string> = { chrome: 'Google Chrome', edge: 'Microsoft Edge' };
const KEY_ROOT: Record<Browser, string> = { chrome: 'Software\\Policies\\Google\\Chrome', edge: 'Software\\Policies\\Microsoft\\Edge' };
/** Long enough for a large hashed roster pasted as JSON; the default (1023) is far too small. */
export const JSON_MAX_LENGTH = 1_000_000;

export interface PolicyKey {
  name: string;
  title: string;
  description: string;
  kind: 'text' | 'choice' | 'switch' | 'number' | 'json';
  choices?: string[];
}

/** The top-level keys of the policy, from the schema, as Group Policy will show them. */
export function policyKeys(): PolicyKey[] {
  const schema = policyJsonSchema() as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([name, node]) => {
    const base = { name, title: node.title ?? name, description: node.description ?? '' };
    if (node.type === 'string' && node.enum) return { ...base, kind: 'choice', choices: node.enum.map(String) };
    if (node.type === 'string') return { ...base, kind: 'text' };
    if (node.type === 'boolean') return { ...base, kind: 'switch' };
    if (node.type === 'integer' || node.type === 'number') return { ...base, kind: 'number' };
    return { ...base, kind: 'json' };
  });
}

function element(key: PolicyKey): string {
  const id = xmlText(key.name);
  switch (key.kind) {
    case 'text':
      return `<text id="${id}" valueName="${id}" maxLength="4000" />`;
    case 'json':
      return `<text id="${id}" valueName="${id}" maxLength="${JSON_MAX_LENGTH}" />`;
    case 'number':
      return `<decimal id="${id}" valueName="${id}" />`;
    case 'choice':
      return [
        `<enum id="${id}" valueName="${id}" required="true">`,
        ...key.choices!.map((c) => `            <item displayName="$(string.${id}_${xmlText(c)})"><value><string>${xmlText(c)}</string></value></item>`),
        '          </enum>',
      ].join('\n');
    case 'switch':
      return '';
  }
}

export function admxNamespace(browser: Browser): string {
  return `SecondLook.Policies.${browser === 'chrome' ? 'Chrome' : 'Edge'}`;
}

export function admxFile(browser: Browser, extensionId: string): string {
  const key = `${KEY_ROOT[browser]}\\3rdparty\\extensions\\${extensionId}\\policy`;
  const policies = policyKeys().map((k) => {
    const name = xmlText(k.name);
    const head = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)" key="${xmlText(key)}"`;
    const common = ['      <parentCategory ref="SecondLook" />', '      <supportedOn ref="SUPPORTED_SecondLook" />'];
    if (k.kind === 'switch') {
      return [
        `${head} valueName="${name}">`,
        ...common,
        '      <enabledValue><decimal value="1" /></enabledValue>',
        '      <disabledValue><decimal value="0" /></disabledValue>',
        '    </policy>',
      ].join('\n');
    }
    return [`${head} presentation="$(presentation.${name})">`, ...common, '      <elements>', `          ${element(k)}`, '      </elements>', '    </policy>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    '  <policyNamespaces>',
    `    <target prefix="secondlook${browser}" namespace="${admxNamespace(browser)}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    '      <definition name="SUPPORTED_SecondLook" displayName="$(string.SUPPORTED_SecondLook)" />',
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    '    <category name="SecondLook" displayName="$(string.SecondLook)" />',
    '  </categories>',
    '  <policies>',
    ...policies,
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

function explain(k: PolicyKey): string {
  const how: Record<PolicyKey['kind'], string> = {
    text: 'Enter the text.',
    choice: `Choose one of: ${k.choices?.join(', ')}.`,
    switch: 'Enabled turns it on, Disabled turns it off.',
    number: 'Enter a whole number.',
    json: `Enter the value as JSON, exactly as it appears under "${k.name}" in policy.json (made by "policy build"), for example by pasting it.`,
  };
  return `${k.description}\n\n${how[k.kind]}\n\nNot configured: the person's own setting or the built-in default applies.`;
}

export function admlFile(browser: Browser): string {
  const keys = policyKeys();
  const strings: [string, string][] = [
    ['SecondLook', `Second Look (${BROWSER_NAME[browser]})`],
    ['SUPPORTED_SecondLook', `Second Look in ${BROWSER_NAME[browser]}`],
  ];
  for (const k of keys) {
    strings.push([k.name, k.title], [`${k.name}_Explain`, explain(k)]);
    for (const c of k.choices ?? []) strings.push([`${k.name}_${c}`, c]);
  }
  const presentations = keys
    .filter((k) => k.kind !== 'switch')
    .map((k) => {
      const id = xmlText(k.name);
      const label = xmlText(k.title);
      const control =
        k.kind === 'choice'
          ? `<dropdownList refId="${id}" noSort="true">${label}</dropdownList>`
          : k.kind === 'number'
            ? `<decimalTextBox refId="${id}">${label}</decimalTextBox>`
            : `<textBox refId="${id}"><label>${label}${k.kind === 'json' ? ' (JSON)' : ''}</label></textBox>`;
      return `      <presentation id="${id}">\n        ${control}\n      </presentation>`;
    });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    `  <displayName>Second Look (${BROWSER_NAME[browser]})</displayName>`,
    "  <description>The school's social media policy for the Second Look browser extension.</description>",
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${xmlText(id)}">${xmlText(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

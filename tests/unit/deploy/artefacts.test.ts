/**
 * Every deployment file carries exactly the policy it was built from: each is read back the way its
 * console or browser reads it (JSON, a strict .reg reader, a plist parser, XML) and compared.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as plist from 'plist';
import { describe, expect, it } from 'vitest';
import { ARTEFACT_PATHS, buildArtefacts } from '../../../lib/deploy/artefacts';
import { admlFile, admxFile, policyKeys } from '../../../lib/deploy/admx';
import { macosProfile } from '../../../lib/deploy/macos-profile';
import { defaultTarget, type Artefact, type DeployTarget } from '../../../lib/deploy/target';
import { regString, windowsPolicyReg } from '../../../lib/deploy/windows-reg';
import { EXTENSION_ID } from '../../../lib/extension-identity';
import { hashPolicy } from '../../../lib/policy/hash-policy';
import { buildManagedSchema } from '../../../lib/policy/managed-schema';
import { policySchemas, type DeliveryRoute } from '../../../lib/policy/schema';
import { policyFromFixtures } from './fixture-policy';

const policy = policyFromFixtures();
const STORE = 'https://clients2.google.com/service/update2/crx';
const EDGE_STORE = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';
const EDGE_ID = 'abcdefghijklmnopabcdefghijklmnop';

function target(over: Partial<DeployTarget> = {}): DeployTarget {
  return { ...defaultTarget('Oakfield Primary School'), ...over };
}

function file(artefacts: Artefact[], path: string): string {
  const a = artefacts.find((x) => x.path === path);
  if (!a) throw new Error(`no ${path} among ${artefacts.map((x) => x.path).join(', ')}`);
  return typeof a.content === 'string' ? a.content : Buffer.from(a.content).toString('latin1');
}

function bytes(artefacts: Artefact[], path: string): Uint8Array {
  const a = artefacts.find((x) => x.path === path)!;
  return typeof a.content === 'string' ? new TextEncoder().encode(a.content) : a.content;
}

const BUILT = '2026-11-03';
/** The policy as one route's copy carries it: with the note of which route it was made for. */
const stamped = (route: DeliveryRoute) => ({ ...policy, delivery: { route, built: BUILT } });
const plainFiles = buildArtefacts(policy, target(), { hashed: false, built: BUILT }).files;
const installFiles = buildArtefacts(
  policy,
  target({ chrome: { id: EXTENSION_ID, updateUrl: STORE }, edge: { id: EDGE_ID, updateUrl: EDGE_STORE }, firefox: { id: 'second-look@secondlook.school', installUrl: 'https://school.example/second-look.xpi' } }),
  { hashed: false, built: BUILT },
).files;

describe('the policy the artefacts carry', () => {
  it('is built from the CSVs and passes the extension\'s own validation', () => {
    expect(policySchemas().Policy.safeParse(policy).success).toBe(true);
    expect(policy.pupils!.map((p) => p.name)).toContain('Alfie Hartley');
    expect(policy.staff!.find((p) => p.name === 'Sarah Hughes')!.role).toBe('Headteacher');
    expect(policy.mode).toBe('confirm');
  });
});

describe('JSON artefacts', () => {
  it('policy.json is the policy', () => {
    expect(JSON.parse(file(plainFiles, ARTEFACT_PATHS.policy))).toEqual(policy);
  });

  it('Linux: the policy under 3rdparty.extensions.<id>, and force-install only when asked', () => {
    const plain = JSON.parse(file(plainFiles, ARTEFACT_PATHS.linuxChrome));
    expect(plain).toEqual({ '3rdparty': { extensions: { [EXTENSION_ID]: stamped('linux-file') } } });
    const withInstall = JSON.parse(file(installFiles, ARTEFACT_PATHS.linuxChrome));
    expect(withInstall.ExtensionSettings).toEqual({ [EXTENSION_ID]: { installation_mode: 'force_installed', update_url: STORE } });
    const edge = JSON.parse(file(installFiles, ARTEFACT_PATHS.linuxEdge));
    expect(edge['3rdparty'].extensions[EDGE_ID]).toEqual(stamped('linux-file'));
    expect(edge.ExtensionSettings[EDGE_ID].update_url).toBe(EDGE_STORE);
  });

  it('Google Admin console: every top-level key wrapped as {"Value": ...}', () => {
    const admin = JSON.parse(file(plainFiles, ARTEFACT_PATHS.googleAdmin));
    expect(Object.keys(admin)).toEqual(Object.keys(stamped('google-admin')));
    const unwrapped = Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, (v as { Value: unknown }).Value]));
    expect(unwrapped).toEqual(stamped('google-admin'));
  });

  it('Firefox: policies.3rdparty.Extensions.<add-on id>, and ExtensionSettings force-install with an install_url', () => {
    const ff = JSON.parse(file(plainFiles, ARTEFACT_PATHS.firefox));
    expect(ff).toEqual({ policies: { '3rdparty': { Extensions: { 'second-look@secondlook.school': stamped('firefox-policies') } } } });
    const withInstall = JSON.parse(file(installFiles, ARTEFACT_PATHS.firefox));
    expect(withInstall.policies.ExtensionSettings).toEqual({
      'second-look@secondlook.school': { installation_mode: 'force_installed', install_url: 'https://school.example/second-look.xpi' },
    });
  });
});

/**
 * A strict reader for the subset of .reg syntax we write: UTF-16LE with a byte-order mark, CRLF only,
 * the version line, comments, [key] and [-key] lines, "name"="text" and "name"=dword:xxxxxxxx values.
 * Anything else fails the test.
 */
function readReg(data: Uint8Array): { deleted: string[]; keys: Record<string, Record<string, string | number>> } {
  expect([data[0], data[1]], 'UTF-16LE byte-order mark').toEqual([0xff, 0xfe]);
  const text = new TextDecoder('utf-16le').decode(data.slice(2));
  expect(text.replace(/\r\n/g, ''), 'only CRLF line ends').not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const deleted: string[] = [];
  const keys: Record<string, Record<string, string | number>> = {};
  let current: Record<string, string | number> | undefined;
  const unescape = (s: string) => s.replace(/\\([\\"])/g, '$1');
  for (const [i, line] of lines.slice(1).entries()) {
    if (line === '' || line.startsWith(';')) continue;
    const key = /^\[(-?)(HKEY_LOCAL_MACHINE(?:\\[^\\\]]+)+)\]$/.exec(line);
    if (key) {
      if (key[1]) {
        deleted.push(key[2]);
        current = undefined;
      } else current = keys[key[2]] = {};
      continue;
    }
    const value = /^"((?:[^"\\]|\\[\\"])*)"=(?:"((?:[^"\\]|\\[\\"])*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`line ${i + 2} is not valid .reg syntax here: ${line.slice(0, 80)}`);
    current[unescape(value[1])] = value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2]);
  }
  return { deleted, keys };
}

/** What Chrome makes of registry values, by the schema type (registry_dict.cc, ConvertRegistryValue). */
function asChromeReadsIt(values: Record<string, string | number>): Record<string, unknown> {
  const props = buildManagedSchema().properties as Record<string, { type: string }>;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const type = props[k].type;
      if (type === 'boolean') return [k, v !== 0];
      if (type === 'array' || type === 'object') return [k, JSON.parse(v as string)];
      return [k, v];
    }),
  );
}

describe('Windows .reg', () => {
  const chromeKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`;

  it('Chrome: the policy under its 3rdparty key, read back value for value, after deleting the old one', () => {
    const reg = readReg(bytes(plainFiles, ARTEFACT_PATHS.regChrome));
    expect(reg.deleted).toEqual([chromeKey]);
    expect(Object.keys(reg.keys)).toEqual([chromeKey]);
    expect(asChromeReadsIt(reg.keys[chromeKey])).toEqual(stamped('windows-registry'));
    // Quotes and backslashes survive.
    expect(reg.keys[chromeKey].contact).toBe('Mrs "DSL" Hughes, C:\\Office');
  });

  it('Edge: the same under Microsoft\\Edge with the Edge id', () => {
    const reg = readReg(bytes(installFiles, ARTEFACT_PATHS.regEdge));
    const edgeKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${EDGE_ID}\\policy`;
    expect(asChromeReadsIt(reg.keys[edgeKey])).toEqual(stamped('windows-registry'));
  });

  it('names with accents survive (UTF-16), switches become DWORDs', () => {
    const withAccents = { ...policy, pupils: [{ name: 'Zoë Hartley' }, { name: 'Siân Lloyd' }], sites: { tiktok: { enabled: false } } };
    const reg = readReg(windowsPolicyReg(withAccents, 'chrome', EXTENSION_ID, 'Ysgol Gymraeg Bro Siôn'));
    expect(asChromeReadsIt(reg.keys[chromeKey])).toEqual(withAccents);
  });

  it('force-install: ExtensionInstallForcelist "<id>;<update URL>", only when an update URL is given', () => {
    expect(plainFiles.map((a) => a.path)).not.toContain(ARTEFACT_PATHS.regChromeInstall);
    const reg = readReg(bytes(installFiles, ARTEFACT_PATHS.regChromeInstall));
    expect(reg.keys['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist']).toEqual({ '1': `${EXTENSION_ID};${STORE}` });
    const edge = readReg(bytes(installFiles, ARTEFACT_PATHS.regEdgeInstall));
    expect(edge.keys['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist']).toEqual({ '1': `${EDGE_ID};${EDGE_STORE}` });
  });

  it('refuses a line break, which a .reg file cannot hold, with a clear message', () => {
    expect(regString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(() => regString('line one\nline two')).toThrow(/line break cannot be written/);
  });
});

describe('macOS profiles', () => {
  const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
  type Payload = Record<string, unknown> & { PayloadContent: Record<string, { Forced: { mcx_preference_settings: unknown }[] }> };

  it('Chrome: a well-formed plist whose com.google.Chrome.extensions.<id> domain holds the policy', () => {
    const parsed = plist.parse(file(plainFiles, ARTEFACT_PATHS.macChrome)) as Record<string, unknown>;
    expect(parsed.PayloadType).toBe('Configuration');
    expect(parsed.PayloadVersion).toBe(1);
    expect(parsed.PayloadScope).toBe('System');
    expect(parsed.PayloadUUID).toMatch(UUID);
    expect(parsed.PayloadIdentifier).toBe('school.secondlook.oakfield-primary-school.chrome');
    const [payload] = parsed.PayloadContent as Payload[];
    expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
    expect(payload.PayloadUUID).toMatch(UUID);
    expect(payload.PayloadUUID).not.toBe(parsed.PayloadUUID);
    expect(Object.keys(payload.PayloadContent)).toEqual([`com.google.Chrome.extensions.${EXTENSION_ID}`]);
    expect(payload.PayloadContent[`com.google.Chrome.extensions.${EXTENSION_ID}`].Forced[0].mcx_preference_settings).toEqual(stamped('macos-profile'));
  });

  it('Edge: com.microsoft.Edge.extensions.<id>, plus a force-install payload for com.microsoft.Edge when asked', () => {
    const parsed = plist.parse(file(installFiles, ARTEFACT_PATHS.macEdge)) as Record<string, unknown>;
    const [settings, install] = parsed.PayloadContent as Payload[];
    expect(settings.PayloadContent[`com.microsoft.Edge.extensions.${EDGE_ID}`].Forced[0].mcx_preference_settings).toEqual(stamped('macos-profile'));
    expect(install.PayloadContent['com.microsoft.Edge'].Forced[0].mcx_preference_settings).toEqual({
      ExtensionSettings: { [EDGE_ID]: { installation_mode: 'force_installed', update_url: EDGE_STORE } },
    });
  });

  it('UUIDs are the same on every build for the same school, and differ between schools and browsers', () => {
    const a = macosProfile(policy, 'chrome', EXTENSION_ID, 'Oakfield Primary School');
    const b = macosProfile({ ...policy, mode: 'warn' }, 'chrome', EXTENSION_ID, 'Oakfield Primary School');
    const uuids = (xml: string) => (plist.parse(xml) as { PayloadUUID: string }).PayloadUUID;
    expect(uuids(b)).toBe(uuids(a));
    expect(uuids(macosProfile(policy, 'chrome', EXTENSION_ID, 'Elm Tree Academy'))).not.toBe(uuids(a));
    expect(uuids(macosProfile(policy, 'edge', EXTENSION_ID, 'Oakfield Primary School'))).not.toBe(uuids(a));
  });

  it('escapes text that XML would misread', () => {
    const tricky = { ...policy, schoolName: 'Smith & Jones <Federation>', contact: 'a]]>b' };
    const parsed = plist.parse(macosProfile(tricky, 'chrome', EXTENSION_ID, tricky.schoolName)) as { PayloadOrganization: string; PayloadContent: Payload[] };
    expect(parsed.PayloadOrganization).toBe('Smith & Jones <Federation>');
    expect(parsed.PayloadContent[0].PayloadContent[`com.google.Chrome.extensions.${EXTENSION_ID}`].Forced[0].mcx_preference_settings).toEqual(tricky);
  });

  it('carries a hashed policy just as well', () => {
    const hashed = hashPolicy(policy, 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ');
    const parsed = plist.parse(macosProfile(hashed, 'chrome', EXTENSION_ID, 'Oakfield Primary School')) as { PayloadContent: Payload[] };
    expect(parsed.PayloadContent[0].PayloadContent[`com.google.Chrome.extensions.${EXTENSION_ID}`].Forced[0].mcx_preference_settings).toEqual(hashed);
  });
});

describe('ADMX and ADML', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, jpath) => ['policy', 'presentation', 'item'].includes(name) || String(jpath).endsWith('stringTable.string') });
  type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  for (const browser of ['chrome', 'edge'] as const) {
    describe(browser, () => {
      const id = browser === 'chrome' ? EXTENSION_ID : EDGE_ID;
      const admx = admxFile(browser, id);
      const adml = admlFile(browser);

      it('both are well-formed XML', () => {
        expect(XMLValidator.validate(admx)).toBe(true);
        expect(XMLValidator.validate(adml)).toBe(true);
      });

      const defs = (parser.parse(admx) as Xml).policyDefinitions;
      const res = (parser.parse(adml) as Xml).policyDefinitionResources.resources;
      const policies = defs.policies.policy as Xml[];

      it('has one policy per top-level key of the schema, named exactly as the key', () => {
        expect(policies.map((p) => p.name)).toEqual(Object.keys(policySchemas().Policy.shape));
      });

      it('writes each under the extension\'s 3rdparty key, as the .reg file does', () => {
        const root = browser === 'chrome' ? 'Software\\Policies\\Google\\Chrome' : 'Software\\Policies\\Microsoft\\Edge';
        for (const p of policies) {
          expect(p.key).toBe(`${root}\\3rdparty\\extensions\\${id}\\policy`);
          expect(p.class).toBe('Machine');
          const el = p.elements.text ?? p.elements.enum;
          expect(el.valueName, p.name).toBe(p.name);
        }
      });

      it('"mode" is a drop-down of the schema\'s choices; lists and rosters take JSON', () => {
        const mode = policies.find((p) => p.name === 'mode')!;
        expect(mode.elements.enum.item.map((i: Xml) => i.value.string)).toEqual(['warn', 'confirm']);
        const pupils = policies.find((p) => p.name === 'pupils')!;
        expect(Number(pupils.elements.text.maxLength)).toBeGreaterThan(100_000);
        expect(policyKeys().find((k) => k.name === 'pupils')!.kind).toBe('json');
      });

      it('every string and presentation the ADMX names is in the ADML, and nothing else', () => {
        const strings = new Set((res.stringTable.string as Xml[]).map((s) => s.id));
        const presentations = new Map((res.presentationTable.presentation as Xml[]).map((p) => [p.id, p]));
        const wanted = new Set([...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
        expect([...wanted].sort()).toEqual([...strings].sort());
        for (const p of policies) {
          const ref = /^\$\(presentation\.(.+)\)$/.exec(p.presentation)![1];
          const pres = presentations.get(ref);
          expect(pres, `presentation for ${p.name}`).toBeDefined();
          const control = pres!.textBox ?? pres!.dropdownList;
          expect(control.refId).toBe((p.elements.text ?? p.elements.enum).id);
        }
        expect(presentations.size).toBe(policies.length);
      });

      it('its namespace is its own, so the Chrome and Edge templates can sit side by side', () => {
        expect(defs.policyNamespaces.target.namespace).toBe(browser === 'chrome' ? 'SecondLook.Policies.Chrome' : 'SecondLook.Policies.Edge');
        expect(defs.supportedOn.definitions.definition.name).toBe('SUPPORTED_SecondLook');
      });
    });
  }
});

describe('README.txt', () => {
  it('names every file written, and says whether names are hashed', () => {
    const readme = file(installFiles, ARTEFACT_PATHS.readme);
    for (const a of installFiles) if (a.path !== ARTEFACT_PATHS.readme && !a.path.includes('/en-US/')) expect(readme).toContain(a.path.split('/').pop()!);
    expect(readme).toContain('plain names');
    expect(file(buildArtefacts(policy, target(), { hashed: true }).files, ARTEFACT_PATHS.readme)).toContain('keyed-hash form');
  });
});

describe('a hashed policy with some rosters absent', () => {
  it('writes only the keys that are set, in every form', () => {
    const hashed = hashPolicy({ schoolName: 'Oakfield', pupils: [{ name: 'Isla Thornton' }] }, 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ');
    expect(Object.keys(hashed.rosterHash!).sort()).toEqual(['key', 'pupils', 'scheme', 'words']);
    const files = buildArtefacts(hashed, target(), { hashed: true }).files;
    const expected = ['schoolName', 'rosterHash', 'delivery'];
    expect(Object.keys(JSON.parse(file(files, ARTEFACT_PATHS.googleAdmin))).sort()).toEqual([...expected].sort());
    const reg = readReg(bytes(files, ARTEFACT_PATHS.regChrome));
    expect(Object.keys(Object.values(reg.keys)[0]).sort()).toEqual([...expected].sort());
  });
});

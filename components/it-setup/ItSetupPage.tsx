/**
 * IT set-up: what `policy build` does, on this device, for IT staff without Node. The same code
 * (lib/deploy/build-deployment.ts) reads the MIS exports, shows the rows it skipped and why, checks
 * the policy as the extension will, hashes the names if asked, and the page downloads a zip of every
 * console's files and README.txt. Nothing is sent anywhere and nothing is saved in the browser.
 */
import { useState } from 'preact/hooks';
import { buildDeployment, countWords, outputFiles, ROSTER_KINDS, type BuildMessage, type InputFile, type SchoolDeployment } from '../../lib/deploy/build-deployment';
import { defaultTarget } from '../../lib/deploy/target';
import { zipArtefacts } from '../../lib/deploy/zip-deployment';
import { decodeRosterKey } from '../../lib/engine/names/keys';
import { newRosterKey } from '../../lib/policy/hash-policy';
import { isHttpsAddress } from '../../lib/policy/validate';
import type { RosterKind } from '../../lib/roster-import/import-roster';

/** The key file an earlier build wrote (its name is the same on the command line). */
const KEY_FILE = 'roster-key.txt';

const LABELS: Record<RosterKind, string> = {
  pupils: 'Pupils (required)',
  staff: 'Staff',
  formerPupils: 'Former pupils',
  parents: 'Parents and carers',
};

/** Far larger than any school's or trust's export; anything bigger is the wrong file. */
const MAX_BYTES = 50 * 1024 * 1024;

type Outcome =
  | { ok: true; messages: BuildMessage[]; schools: SchoolDeployment[]; zipName: string; url: string; newKey: boolean }
  | { ok: false; messages: BuildMessage[] };

async function readFile(input: HTMLInputElement | null): Promise<InputFile | string | undefined> {
  const file = input?.files?.[0];
  if (!file) return undefined;
  if (file.size > MAX_BYTES) return `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, too large to be an export.`;
  return { label: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

const lines = (text: string) => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function ItSetupPage() {
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [hashed, setHashed] = useState(true);
  const [split, setSplit] = useState(false);

  async function build(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const fileInput = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
    setBusy(true);
    if (outcome?.ok) URL.revokeObjectURL(outcome.url);
    try {
      const errors: string[] = [];
      const rosters: Partial<Record<RosterKind, InputFile>> = {};
      for (const { kind } of ROSTER_KINDS) {
        const read = await readFile(fileInput(`file-${kind}`));
        if (typeof read === 'string') errors.push(read);
        else if (read) rosters[kind] = read;
      }
      // The page's few settings become the settings file `policy build --settings` takes.
      const settings: Record<string, unknown> = { mode: field('mode') || 'warn' };
      if (field('policyUrl')) settings.policyUrl = field('policyUrl');
      if (field('contact')) settings.contact = field('contact');
      if (field('organisations')) settings.organisations = lines(field('organisations'));
      let schoolAliases: InputFile | undefined;
      if (split) {
        const read = await readFile(fileInput('file-school-aliases'));
        if (typeof read === 'string') errors.push(read);
        else schoolAliases = read;
      }
      let rosterKey: string | undefined;
      let newKey = false;
      if (hashed) {
        const keyFile = await readFile(fileInput('file-key'));
        if (typeof keyFile === 'string') errors.push(keyFile);
        else if (keyFile) {
          const text = new TextDecoder().decode(keyFile.bytes).trim();
          try {
            decodeRosterKey(text);
            rosterKey = text;
          } catch {
            errors.push(`${keyFile.label}: this is not a key for the name lists (expected the one line of text that an earlier build saved as ${KEY_FILE}).`);
          }
        } else {
          rosterKey = newRosterKey();
          newKey = true;
        }
      }
      const result = buildDeployment({
        schoolName: split ? undefined : field('schoolName'),
        aliases: split ? undefined : lines(field('aliases')),
        rosters,
        settings: { label: 'The settings on this page', bytes: new TextEncoder().encode(JSON.stringify(settings)) },
        rosterKey,
        target: { ...defaultTarget(''), ...targetOverrides(field('updateUrl')) },
        splitBy: split ? field('splitBy') : undefined,
        schoolAliases,
        inputErrors: errors,
      });
      if (!result.ok) {
        setOutcome({ ok: false, messages: result.messages });
        return;
      }
      const files = outputFiles(result.schools, split);
      if (newKey) files.push({ path: 'roster-key.txt', content: rosterKey + '\n' });
      const folder = 'second-look-policy';
      const zip = await zipArtefacts(files, folder);
      const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      const zipName = `${folder}.zip`;
      setOutcome({ ok: true, messages: result.messages, schools: result.schools, zipName, url, newKey });
      download(url, zipName);
    } finally {
      setBusy(false);
    }
  }

  const errors = outcome?.messages.filter((m) => m.level === 'error') ?? [];
  const warnings = outcome?.messages.filter((m) => m.level === 'warning') ?? [];
  const notes = outcome?.messages.filter((m) => m.level === 'note' || m.level === 'info') ?? [];
  return (
    <main>
      <h1>Second Look: IT set-up</h1>
      <p>
        Turn your school’s MIS exports into the files each console needs (Google Admin, Intune, Group Policy, macOS, Linux, Firefox), the same
        as the <code>policy build</code> command. Everything happens on this device: the files are read here and the zip is made here.
      </p>

      <form noValidate onSubmit={(e) => void build(e)} aria-label="Build the school’s policy">
        <fieldset>
          <legend>The school</legend>
          <div class="check">
            <input type="checkbox" id="split" checked={split} onChange={(e) => setSplit((e.currentTarget as HTMLInputElement).checked)} />
            <label for="split">These are trust-wide exports with a column naming each row’s school</label>
          </div>
          {split ? (
            <>
              <p>
                <label for="splitBy">Column that names the school</label>
                <input id="splitBy" name="splitBy" type="text" defaultValue="School" aria-describedby="splitBy-hint" />
                <span class="hint" id="splitBy-hint">Each school gets its own policy and its own folder in the zip, with only its own people.</span>
              </p>
              <p>
                <label for="file-school-aliases">Schools’ other names (optional CSV)</label>
                <input type="file" id="file-school-aliases" name="file-school-aliases" accept=".csv,.txt,text/csv" aria-describedby="school-aliases-hint" />
                <span class="hint" id="school-aliases-hint">
                  Two columns: the school as the exports name it, and “Aliases” (short names, handles, hashtags, separated by ; ).
                </span>
              </p>
            </>
          ) : (
            <>
              <p>
                <label for="schoolName">School’s full name</label>
                <input id="schoolName" name="schoolName" type="text" autoComplete="organization" />
              </p>
              <p>
                <label for="aliases">Other names for the school</label>
                <textarea id="aliases" name="aliases" rows={3} aria-describedby="aliases-hint" />
                <span class="hint" id="aliases-hint">One a line: short names, initials, social media handles (@…), hashtags (#…), the web domain.</span>
              </p>
            </>
          )}
          <p>
            <label for="organisations">Trust, diocese or local authority</label>
            <textarea id="organisations" name="organisations" rows={2} aria-describedby="organisations-hint" />
            <span class="hint" id="organisations-hint">One a line.</span>
          </p>
        </fieldset>

        <fieldset>
          <legend>The exports (CSV)</legend>
          <p class="hint">From SIMS, Arbor, Bromcom, Scholarpack or any MIS. Only names (and staff job titles) are taken from them.</p>
          {ROSTER_KINDS.map(({ kind }) => (
            <p key={kind}>
              <label for={`file-${kind}`}>{LABELS[kind]}</label>
              <input type="file" id={`file-${kind}`} name={`file-${kind}`} accept=".csv,.txt,text/csv" />
            </p>
          ))}
        </fieldset>

        <fieldset>
          <legend>Settings</legend>
          <div class="check">
            <input type="radio" id="mode-warn" name="mode" value="warn" defaultChecked />
            <label for="mode-warn">Warn only</label>
          </div>
          <div class="check">
            <input type="radio" id="mode-confirm" name="mode" value="confirm" />
            <label for="mode-confirm">Warn, and ask before posting something serious</label>
          </div>
          <p>
            <label for="policyUrl">Link to the school’s social media policy</label>
            <input id="policyUrl" name="policyUrl" type="url" placeholder="https://" />
          </p>
          <p>
            <label for="contact">Who to ask about the policy</label>
            <input id="contact" name="contact" type="text" />
          </p>
          <p>
            <label for="updateUrl">Update address for installing the extension (optional)</label>
            <input id="updateUrl" name="updateUrl" type="url" aria-describedby="updateUrl-hint" />
            <span class="hint" id="updateUrl-hint">
              The Chrome Web Store’s, or your own update manifest’s (made by <code>npm run pack</code>). Adds force-install settings.
            </span>
          </p>
        </fieldset>

        <fieldset>
          <legend>Names in the files</legend>
          <div class="check">
            <input type="radio" id="names-hashed" name="names" checked={hashed} onChange={() => setHashed(true)} />
            <label for="names-hashed">Hashed (recommended): names do not show in chrome://policy</label>
          </div>
          <div class="check">
            <input type="radio" id="names-plain" name="names" checked={!hashed} onChange={() => setHashed(false)} />
            <label for="names-plain">Plain names: anyone who opens chrome://policy can read them</label>
          </div>
          {hashed && (
            <p>
              <label for="file-key">Last term’s key for the name lists ({KEY_FILE}), if you have one</label>
              <input type="file" id="file-key" name="file-key" accept=".txt,text/plain" aria-describedby="file-key-hint" />
              <span class="hint" id="file-key-hint">Without one a new key is made and put in the zip: keep it for next term.</span>
            </p>
          )}
        </fieldset>

        <p>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Building…' : 'Build and download the zip'}
          </button>
        </p>
      </form>

      <div id="build-result" role={errors.length ? 'alert' : 'status'} aria-live="polite">
        {outcome && !outcome.ok && (
          <section class="issues" aria-labelledby="result-heading">
            <h2 id="result-heading">Nothing was built</h2>
            <ul>
              {errors.map((m) => (
                <li key={m.text}>{m.text}</li>
              ))}
            </ul>
          </section>
        )}
        {outcome?.ok && (
          <section aria-labelledby="result-heading">
            <h2 id="result-heading">Built</h2>
            <p class="ok-text">
              {outcome.schools.map((s) => `${s.schoolName}: ${summary(s)}`).join('. ')}. The download has started:{' '}
              <a href={outcome.url} download={outcome.zipName}>
                {outcome.zipName}
              </a>
              .{outcome.newKey ? ` It holds ${KEY_FILE}, a new key for the name lists: keep it for next term’s build.` : ''}
            </p>
            <p>README.txt in the zip says which file goes to which console.</p>
          </section>
        )}
        {warnings.length > 0 && (
          <section class="issues warning" aria-labelledby="warnings-heading">
            <h2 id="warnings-heading">Skipped, and why</h2>
            <ul>
              {warnings.map((m) => (
                <li key={m.text}>{m.text}</li>
              ))}
            </ul>
          </section>
        )}
        {notes.length > 0 && (
          <details>
            <summary>What was read</summary>
            <ul>
              {notes.map((m) => (
                <li key={m.text}>{m.text}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </main>
  );
}

function summary(s: SchoolDeployment): string {
  return (['pupils', 'staff', 'formerPupils', 'parents'] as const)
    .filter((kind) => s.counts[kind] !== undefined)
    .map((kind) => countWords(s.counts[kind]!, kind))
    .join(', ');
}

function targetOverrides(updateUrl: string): Partial<ReturnType<typeof defaultTarget>> {
  if (!updateUrl || !isHttpsAddress(updateUrl)) return {};
  const base = defaultTarget('');
  return { chrome: { ...base.chrome, updateUrl }, edge: { ...base.edge, updateUrl } };
}

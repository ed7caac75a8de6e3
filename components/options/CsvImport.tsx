/**
 * Adding people to a roster from a CSV exported by the school's information system. The file is read
 * here, on the device, and never sent anywhere. A file that cannot be read changes nothing; a good one
 * adds to the list in the text box, which is saved when the person saves this step.
 */
import { useState } from 'preact/hooks';
import type { StaffMember } from '../../lib/policy/schema';
import { decodeCsvBytes } from '../../lib/roster-import/decode';
import { importRoster, type RowProblem } from '../../lib/roster-import/import-roster';
import type { RosterKindName } from '../../lib/settings/roster-lines';
import { countOf, ROSTER_WORDS } from './RosterEditor';

/** Far larger than any school's roster export; anything bigger is the wrong file. */
const MAX_BYTES = 5 * 1024 * 1024;

type Outcome =
  | { ok: true; summary: string; skipped: RowProblem[]; notes: string[] }
  | { ok: false; error: string };

interface Props {
  kind: RosterKindName;
  /** Adds the people to the list; returns how many were new and how many were there already. */
  onPeople: (people: StaffMember[]) => { added: number; alreadyThere: number };
}

export function CsvImport({ kind, onPeople }: Props) {
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const id = `csv-${kind}`;

  async function onFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // so choosing the same file again (after fixing it) is read again
    if (file.size > MAX_BYTES) {
      setOutcome({ ok: false, error: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, too large to be a list of names. Nothing was changed.` });
      return;
    }
    // Excel saves "CSV" as Windows-1252 or UTF-16 as often as UTF-8: decode by the bytes, not by hope.
    const { text } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    const result = importRoster(text, kind, file.name);
    if (!result.ok) {
      setOutcome({ ok: false, error: `${result.error} Nothing was changed.` });
      return;
    }
    const { added, alreadyThere } = onPeople(result.people);
    const there = alreadyThere ? ` (${alreadyThere} already on the list)` : '';
    setOutcome({
      ok: true,
      summary: `Added ${countOf(added, kind)} from ${file.name}${there}. Not saved yet: check the list, then press Save at the bottom of the window.`,
      skipped: result.skipped,
      notes: result.notes,
    });
  }

  return (
    <div class="csv">
      <label for={id}>Add {ROSTER_WORDS[kind].many} from a CSV file</label>
      <p class="hint" id={`${id}-hint`}>
        An export from your school’s information system (SIMS, Arbor, Bromcom, Scholarpack…). Only names{kind === 'staff' ? ' and job titles' : ''} are
        taken; the file stays on this device.
      </p>
      <input type="file" id={id} accept=".csv,.txt,text/csv" aria-describedby={`${id}-hint ${id}-result`} onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      <div id={`${id}-result`} class="csv-result" aria-live="polite">
        {outcome && !outcome.ok && <p class="error-text">{outcome.error}</p>}
        {outcome?.ok && (
          <>
            <p class="ok-text">{outcome.summary}</p>
            {outcome.skipped.length > 0 && (
              <>
                <p>
                  {outcome.skipped.length === 1 ? '1 row was' : `${outcome.skipped.length} rows were`} skipped:
                </p>
                <ul>
                  {outcome.skipped.map((s) => (
                    <li key={s.row}>
                      Row {s.row} {s.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {outcome.notes.length > 0 && (
              <ul class="notes">
                {outcome.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

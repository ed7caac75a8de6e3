/**
 * "Photos and the school day" on the options page: where the school is (for photos' location data),
 * when the school day is (for photos' capture time and the working-hours reminder), which photo checks
 * run. Its own section with its own Save: it writes only these settings (lib/settings/photo-form.ts),
 * so it sits beside the rest of the page without touching its form. Settings the school locks are
 * shown, marked, and not editable.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { DAYS, type Day } from '../../lib/policy/photo-defaults';
import { STORAGE_KEYS, type PolicyState } from '../../lib/policy/storage-keys';
import { photoFormOf, savePhotoForm, type PhotoField, type PhotoForm, type PhotoProblem } from '../../lib/settings/photo-form';
import { LockedMark } from './field-bits';

const DAY_WORDS: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const CHECK_WORDS: Record<keyof PhotoForm['checks'], { label: string; hint: string }> = {
  place: { label: 'Where it was taken', hint: 'Its location data, compared with the school’s sites.' },
  time: { label: 'When it was taken', hint: 'Its camera’s clock, compared with the school day. Only ever a supporting sign.' },
  faces: { label: 'How many faces it shows', hint: 'A count, never who. Only ever a supporting sign.' },
  text: { label: 'Text in it', hint: 'Signs, banners and uniforms, checked like a post for the school’s name and people’s names.' },
};

function Problems({ field, problems }: { field: PhotoField; problems: PhotoProblem[] }) {
  const mine = problems.filter((p) => p.field === field);
  if (!mine.length) return null;
  return (
    <ul class="field-errors" id={`photo-${field}-errors`}>
      {mine.map((p) => (
        <li key={p.message}>{p.message}</li>
      ))}
    </ul>
  );
}

const described = (field: PhotoField, problems: PhotoProblem[], hint?: string) =>
  [hint, problems.some((p) => p.field === field) ? `photo-${field}-errors` : undefined].filter(Boolean).join(' ') || undefined;

export function PhotoSettings({ state, lockedKeys }: { state: PolicyState | undefined; lockedKeys: readonly string[] }) {
  const [form, setForm] = useState<PhotoForm | undefined>();
  const [problems, setProblems] = useState<PhotoProblem[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const inForce = state?.policy;
  useEffect(() => {
    if (!form && inForce) setForm(photoFormOf(inForce));
  }, [inForce !== undefined]);
  if (!form) return null;
  const locked = (key: string) => lockedKeys.includes(key);
  const set = <K extends keyof PhotoForm>(key: K, value: PhotoForm[K]) => {
    setForm({ ...form, [key]: value });
    setStatus(undefined);
  };

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    const current = await browser.storage.local.get(STORAGE_KEYS.personal);
    const result = savePhotoForm(form!, current[STORAGE_KEYS.personal], lockedKeys);
    setProblems(result.problems);
    if (!result.policy) {
      setStatus({ ok: false, text: `Not saved: ${result.problems.length === 1 ? 'one thing needs' : `${result.problems.length} things need`} fixing first, shown next to each field.` });
      return;
    }
    await browser.storage.local.set({ [STORAGE_KEYS.personal]: result.policy });
    setStatus({ ok: true, text: 'Saved. Photos and the school day are checked with these settings from now on.' });
  }

  return (
    <form noValidate aria-labelledby="photo-heading" onSubmit={(e) => void save(e)} class="photo-settings">
      <h2 id="photo-heading">Photos and the school day</h2>
      <p>
        Photos and videos you attach to a post are checked on this computer, never stored or sent: where they were taken, when, how many faces
        they show and any text in them.
      </p>

      <fieldset disabled={locked('rules')}>
        <legend>
          Checks <LockedMark locked={locked('rules')} />
        </legend>
        <div class="check">
          <input type="checkbox" id="photo-on" checked={form.photosOn} aria-describedby="photo-on-hint" onChange={(e) => set('photosOn', (e.currentTarget as HTMLInputElement).checked)} />
          <label for="photo-on">Check photos and videos I attach</label>
        </div>
        <p class="hint" id="photo-on-hint">
          Warns when a photo was taken at school, shows the school’s name or a pupil’s or colleague’s name, or shows faces with another sign of school.
        </p>
        <div class="check">
          <input type="checkbox" id="working-hours-on" checked={form.workingHoursOn} aria-describedby="working-hours-hint" onChange={(e) => set('workingHoursOn', (e.currentTarget as HTMLInputElement).checked)} />
          <label for="working-hours-on">Remind me when I post during the school day</label>
        </div>
        <p class="hint" id="working-hours-hint">
          A quiet reminder, once a post, outside the breaks below. It never stops a post.
        </p>
      </fieldset>

      <fieldset disabled={locked('photoChecks') || !form.photosOn}>
        <legend>
          What to look at in a photo <LockedMark locked={locked('photoChecks')} />
        </legend>
        {(Object.keys(CHECK_WORDS) as (keyof PhotoForm['checks'])[]).map((k) => (
          <div class="check" key={k}>
            <input
              type="checkbox"
              id={`photo-check-${k}`}
              checked={form.checks[k]}
              aria-describedby={`photo-check-${k}-hint`}
              onChange={(e) => set('checks', { ...form.checks, [k]: (e.currentTarget as HTMLInputElement).checked })}
            />
            <label for={`photo-check-${k}`}>{CHECK_WORDS[k].label}</label>
            <p class="hint" id={`photo-check-${k}-hint`}>
              {CHECK_WORDS[k].hint}
            </p>
          </div>
        ))}
        <Problems field="checks" problems={problems} />
      </fieldset>

      <fieldset disabled={locked('schoolSites')}>
        <legend>
          Where the school is <LockedMark locked={locked('schoolSites')} />
        </legend>
        <label for="photo-sites">School sites, one a line</label>
        <p class="hint" id="photo-sites-hint">
          A name if you like, then the latitude and longitude, and a radius in metres if the grounds are bigger than 200 m across, for example
          “St Example’s: 51.50238, -0.13462” or “Playing field: 51.5031, -0.1322, 300”. On most maps, right-click the school to copy its numbers.
        </p>
        <textarea id="photo-sites" rows={3} value={form.sites} aria-describedby={described('sites', problems, 'photo-sites-hint')} onInput={(e) => set('sites', (e.currentTarget as HTMLTextAreaElement).value)} />
        <Problems field="sites" problems={problems} />
      </fieldset>

      <fieldset disabled={locked('schoolDay')}>
        <legend>
          The school day <LockedMark locked={locked('schoolDay')} />
        </legend>
        <div class="days" role="group" aria-label="School days" aria-describedby={described('days', problems)}>
          {DAYS.map((d) => (
            <span class="check" key={d}>
              <input
                type="checkbox"
                id={`photo-day-${d}`}
                checked={form.days.includes(d)}
                onChange={(e) => set('days', (e.currentTarget as HTMLInputElement).checked ? [...form.days, d] : form.days.filter((x) => x !== d))}
              />
              <label for={`photo-day-${d}`}>{DAY_WORDS[d]}</label>
            </span>
          ))}
        </div>
        <Problems field="days" problems={problems} />
        <label for="photo-start">Starts</label> <input type="time" id="photo-start" value={form.start} aria-describedby={described('hours', problems)} onInput={(e) => set('start', (e.currentTarget as HTMLInputElement).value)} />{' '}
        <label for="photo-end">Ends</label> <input type="time" id="photo-end" value={form.end} aria-describedby={described('hours', problems)} onInput={(e) => set('end', (e.currentTarget as HTMLInputElement).value)} />
        <Problems field="hours" problems={problems} />
        <label for="photo-zone">Time zone</label>
        <input type="text" id="photo-zone" value={form.timeZone} aria-describedby={described('timeZone', problems)} onInput={(e) => set('timeZone', (e.currentTarget as HTMLInputElement).value)} />
        <Problems field="timeZone" problems={problems} />
        <label for="photo-breaks">Breaks, one a line (for example 12:00-13:00)</label>
        <textarea id="photo-breaks" rows={2} value={form.breaks} aria-describedby={described('breaks', problems)} onInput={(e) => set('breaks', (e.currentTarget as HTMLTextAreaElement).value)} />
        <Problems field="breaks" problems={problems} />
        <label for="photo-terms">Term dates, one a line (for example 2025-09-03..2025-10-24); leave empty to count every week</label>
        <textarea id="photo-terms" rows={3} value={form.terms} aria-describedby={described('terms', problems)} onInput={(e) => set('terms', (e.currentTarget as HTMLTextAreaElement).value)} />
        <Problems field="terms" problems={problems} />
      </fieldset>

      <div class="save-bar">
        <button type="submit" class="primary">
          Save photo settings
        </button>
        <div id="photo-save-status" role={status && !status.ok ? 'alert' : 'status'} aria-live="polite">
          {status && <p class={status.ok ? 'ok-text' : 'error-text'}>{status.text}</p>}
          <Problems field="other" problems={problems} />
        </div>
      </div>
    </form>
  );
}

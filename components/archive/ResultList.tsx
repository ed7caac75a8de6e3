/**
 * The flagged posts of the archives checked so far: filter by site, rule or words, sort, and export
 * the list as shown to a CSV file on this device. Long lists are shown 100 at a time.
 */
import { useMemo, useState } from 'preact/hooks';
import type { CheckedItem } from '../../lib/archive/check-archive';
import { DEFAULT_VIEW, kindWords, ruleTitle, rulesOf, toCsv, viewRows, type ListView } from '../../lib/archive/result-list';
import { SITE_NAMES } from '../../lib/archive/types';
import type { Site } from '../../lib/policy/rule-ids';
import { HighlightedText } from './HighlightedText';

const PAGE = 100;

const SORTS: { value: string; label: string; view: Pick<ListView, 'sort' | 'descending'> }[] = [
  { value: 'newest', label: 'Newest first', view: { sort: 'date', descending: true } },
  { value: 'oldest', label: 'Oldest first', view: { sort: 'date', descending: false } },
  { value: 'site', label: 'Site', view: { sort: 'site', descending: false } },
  { value: 'rule', label: 'Rule, most serious first', view: { sort: 'rule', descending: false } },
];

const LINK_WORDS: Record<NonNullable<CheckedItem['linkTo']>, string> = {
  item: 'Open it on',
  profile: 'Open your profile on',
  activity: 'Find it in your activity on',
};

function formatDate(iso?: string): string {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : 'No date';
}

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `second-look-old-posts-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ResultList({ items }: { items: readonly CheckedItem[] }) {
  const [view, setView] = useState<ListView>(DEFAULT_VIEW);
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => viewRows(items, view), [items, view]);
  const sites = [...new Set(items.map((i) => i.site))] as Site[];
  const rules = [...new Set(items.flatMap((i) => i.findings.map((f) => f.rule)))];
  const sortValue = SORTS.find((s) => s.view.sort === view.sort && s.view.descending === view.descending)?.value ?? 'newest';
  const change = (next: Partial<ListView>) => {
    setView({ ...view, ...next });
    setShown(PAGE);
  };

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">What may break your school’s policy</h2>
      <div class="filters">
        <div class="field">
          <label for="filter-site">Site</label>
          <select id="filter-site" value={view.site} onChange={(e) => change({ site: e.currentTarget.value })}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {SITE_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-rule">Rule</label>
          <select id="filter-rule" value={view.rule} onChange={(e) => change({ rule: e.currentTarget.value })}>
            <option value="">All rules</option>
            {rules.map((r) => (
              <option key={r} value={r}>
                {ruleTitle(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-search">Words in the post</label>
          <input id="filter-search" type="search" value={view.search} onInput={(e) => change({ search: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="sort">Sort by</label>
          <select id="sort" value={sortValue} onChange={(e) => change(SORTS.find((s) => s.value === e.currentTarget.value)!.view)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="list-bar">
        <p id="list-count" role="status">
          {rows.length === items.length ? `${rows.length} shown` : `${rows.length} of ${items.length} shown`}
        </p>
        <button type="button" onClick={() => download(toCsv(rows))} disabled={!rows.length} aria-describedby="export-hint">
          Export this list
        </button>
        <p id="export-hint" class="hint">
          Saves the list as shown to a CSV file on this device. It is not sent anywhere.
        </p>
      </div>
      <ol class="results" aria-labelledby="results-heading">
        {rows.slice(0, shown).map((item) => (
          <li key={`${item.site}:${item.id}`} class="result">
            <p class="result-head">
              <time dateTime={item.date}>{formatDate(item.date)}</time> · <span>{SITE_NAMES[item.site]}</span> · <span>{kindWords(item)}</span>
              {item.audience === 'public' && <span class="badge public"> Public</span>}
            </p>
            <ul class="rules">
              {rulesOf(item).map((f) => (
                <li key={f.rule} class={`rule-tag ${f.severity}`}>
                  {ruleTitle(f.rule)} <span class="visually-hidden">({f.severity})</span>
                </li>
              ))}
            </ul>
            <HighlightedText text={item.text} findings={item.findings} />
            <ul class="messages">
              {item.findings.map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
            {item.link && (
              <p>
                <a href={item.link} target="_blank" rel="noopener noreferrer">
                  {LINK_WORDS[item.linkTo ?? 'item']} {SITE_NAMES[item.site]}
                </a>
              </p>
            )}
          </li>
        ))}
      </ol>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more
        </button>
      )}
    </section>
  );
}

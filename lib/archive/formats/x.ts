/**
 * X (Twitter) archive: `data/tweets.js` (older archives `data/tweet.js`; large ones add
 * `tweets-part1.js`, …), `data/account.js` and `data/profile.js`. Each is JavaScript, not JSON:
 * `window.YTD.tweets.part0 = [ { "tweet": { … } }, … ]` (archives before 2019 have no "tweet" wrapper).
 * A tweet has `id_str`, `full_text` (with &amp; &lt; &gt; escaped), `created_at`
 * ("Wed Oct 10 20:19:24 +0000 2018") and `in_reply_to_status_id_str` for replies. Everything in it was
 * public unless the account was protected, which the archive does not say, so no audience is set.
 * Long posts also have a `note-tweet.js`; their first 280 characters are in tweets.js and are checked.
 */
import type { ArchiveItem } from '../types';
import { obj, str, type ExportFormat } from './format';

interface XState {
  username?: string;
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

export function parseXDate(value: string): string | undefined {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d) (\d{4})$/.exec(value.trim());
  if (m && MONTHS[m[1]]) {
    const iso = `${m[9]}-${MONTHS[m[1]]}-${m[2].padStart(2, '0')}T${m[3]}:${m[4]}:${m[5]}${m[6]}${m[7]}:${m[8]}`;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** X escapes these in full_text, as the site shows them unescaped. */
export function unescapeXText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
}

const SETTINGS = 'https://x.com/settings/profile';

export const xArchive: ExportFormat<XState> = {
  site: 'x',
  recognises: (names) => names.some((n) => /(^|\/)data\/(tweets?|account|profile)(-part\d+)?\.js$/.test(n)),
  newState: () => ({}),
  files: [
    {
      match: /(^|\/)data\/account\.js$/,
      paths: ['$.*'],
      assignmentPrefix: true,
      toItems(value, at, state) {
        const account = obj(obj(value).account);
        state.username = str(account.username) || state.username;
        const name = str(account.accountDisplayName);
        return name ? [{ id: `x-profile-name`, site: 'x', kind: 'profile', surface: 'profile-name', field: 'Name', text: name, link: SETTINGS, linkTo: 'profile' }] : [];
      },
    },
    {
      match: /(^|\/)data\/profile\.js$/,
      paths: ['$.*'],
      assignmentPrefix: true,
      toItems(value) {
        const description = obj(obj(obj(value).profile).description);
        const items: ArchiveItem[] = [];
        const bio = str(description.bio);
        const location = str(description.location);
        if (bio) items.push({ id: 'x-profile-bio', site: 'x', kind: 'profile', surface: 'profile-bio', field: 'Bio', text: bio, link: SETTINGS, linkTo: 'profile' });
        if (location) items.push({ id: 'x-profile-location', site: 'x', kind: 'profile', surface: 'profile-bio', field: 'Location', text: location, link: SETTINGS, linkTo: 'profile' });
        return items;
      },
    },
    {
      match: /(^|\/)data\/tweets?(-part\d+)?\.js$/,
      paths: ['$.*'],
      assignmentPrefix: true,
      toItems(value, at, state) {
        const outer = obj(value);
        const tweet = 'tweet' in outer ? obj(outer.tweet) : outer;
        const text = unescapeXText(str(tweet.full_text) || str(tweet.text));
        const id = str(tweet.id_str) || str(tweet.id);
        if (!text.trim()) return [];
        const reply = Boolean(str(tweet.in_reply_to_status_id_str) || str(tweet.in_reply_to_status_id));
        const link = id ? (state.username ? `https://x.com/${state.username}/status/${id}` : `https://x.com/i/web/status/${id}`) : undefined;
        return [
          {
            id: id ? `x-${id}` : `x-${at.file}#${at.index}`,
            site: 'x',
            kind: reply ? 'reply' : 'post',
            surface: reply ? 'reply' : 'post',
            date: parseXDate(str(tweet.created_at)),
            text,
            link,
            linkTo: link ? 'item' : undefined,
          },
        ];
      },
    },
  ],
};

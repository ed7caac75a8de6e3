/**
 * The `second-look` command line for admins:
 * `npm run --silent cli -- check --policy <file> [--input <file>]` and `npm run --silent cli -- policy build ...`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs, parseOptions } from './options';

// Each command loads only what it uses (the engine's term lists and phone-number data are not needed
// to build a policy), which keeps a trust's build quick to start.
const POLICY_BUILD_OPTIONS = {
  values: ['school', 'pupils', 'staff', 'former-pupils', 'parents', 'settings', 'out', 'key-file', 'update-url', 'edge-update-url', 'extension-id', 'edge-extension-id', 'firefox-id', 'firefox-install-url', 'split-by', 'school-aliases', 'school-day', 'time-zone'],
  lists: ['aliases', 'photo-checks'],
  switches: ['hash', 'working-hours'],
  // Photos and the school day (lib/deploy/photo-settings.ts): repeatable, commas kept.
  repeats: ['school-site', 'break', 'term'],
} as const;
const PACK_OPTIONS = { values: ['key', 'base-url', 'extension-dir', 'out'], switches: [] } as const;

export { parseOptions };

const USAGE = `Usage:
  npm run --silent cli -- check --policy <policy.json> [--input <posts.jsonl>]
  npm run --silent cli -- check --policy <policy.json> --image <photo or video> [--caption "<text>"]
  npm run --silent cli -- check --policy <policy.json> --archive <export.zip>
  npm run --silent cli -- policy build --school "<name>" --pupils <pupils.csv> --out <folder>
      [--aliases <alias>[,<alias>...]] [--staff <staff.csv>] [--former-pupils <csv>] [--parents <csv>]
      [--settings <settings.json>] [--hash [--key-file <roster-key.txt>]]
      [--update-url <url>] [--extension-id <id>] [--edge-update-url <url>] [--edge-extension-id <id>]
      [--firefox-install-url <url>] [--firefox-id <id>]
      [--school-site "[<name>:] <lat>,<lon>[,<radius m>]"]... [--school-day "Mon-Fri 08:30-15:30"]
      [--time-zone Europe/London] [--break "12:00-13:00"]... [--term "2025-09-03..2025-10-24"]...
      [--photo-checks place,time,faces,text] [--working-hours]
  npm run --silent cli -- policy build --split-by <column> --pupils <trust-pupils.csv> --out <folder>
      [--school-aliases <schools.csv>] [...]
  npm run pack -- --key <second-look.pem> --base-url <https://your.school/second-look/> [--out <folder>]
  npm run --silent cli -- --help

check   Reads one JSON object a line ({"id": "...", "text": "...", "surface": "post"}) from the
        input file or standard input, and writes one line of findings for each.
        Surfaces: post, comment, reply, message, profile-job, profile-bio, profile-name.
        --policy takes policy.json or a deployment file (the Linux file, the Google Admin file or
        Firefox's policies.json): the policy inside is checked.
        With --image: the school-photo findings for one photo or video (its place and time from its
        metadata, the text in it; faces are counted in the browser only), as one JSON line.
        --archive reads a site's data export instead (X archive, Facebook or Instagram JSON,
        TikTok JSON) and writes one line per post, comment or profile field, with its date and link.

policy build
        Turns CSV exports from the school's MIS (SIMS, Arbor, Bromcom, Scholarpack...) into a checked
        policy and the files for each console: Google Admin, Group Policy/Intune (ADMX, .reg), macOS
        profiles, Firefox policies.json and Linux. --aliases may be repeated. --settings is a partial
        policy (mode, rules, sites, contact...). --hash writes rosters as keyed hashes (recommended),
        keeping the school's key in --key-file (default <out>/roster-key.txt; made if missing, never
        printed). --update-url adds force-install for Chrome and Edge (e.g. the Chrome Web Store's
        https://clients2.google.com/service/update2/crx, or your own update manifest from
        "npm run pack"). --school-site (repeatable) says where the school is, for
        photos' location data (default radius 200 m); --school-day, --time-zone, --break and --term
        say when the school day is (default Mon-Fri 08:30-15:30, Europe/London); --photo-checks lists
        the photo checks to run (default all); --working-hours turns that rule on. Routes a policy is too large for get no files, with what to use instead.
        --split-by <column> turns a trust-wide export into one folder per school, named by that
        column (for example "School"), with a summary table; --school-aliases gives each school's
        other names (a CSV with that column and an "Aliases" column). See docs/deploy.md.

pack    Builds the extension and signs it as a CRX3 package for a self-hosted install, with the
        update manifest (updates.xml) and force-install settings for Chrome and Edge pointing at
        --base-url. --key is the signing key (made there if missing; keep it for every later version).
`;

const HELP = new Set(['--help', '-h']);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    process.stderr.write(USAGE);
    return 2;
  }
  // Asking for help is never an error, wherever it is asked.
  if (command === 'help' || argv.some((a) => HELP.has(a))) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'check') {
    const opts = parseOptions(rest, ['policy', 'input', 'image', 'caption', 'archive']);
    if (typeof opts === 'string' || !opts.policy) {
      process.stderr.write(`${typeof opts === 'string' ? opts : 'check needs --policy <file>.'}\n\n${USAGE}`);
      return 2;
    }
    if ([opts.input, opts.archive, opts.image].filter(Boolean).length > 1) {
      process.stderr.write(`check reads one of --input, --archive or --image.\n\n${USAGE}`);
      return 2;
    }
    if (opts.image) {
      const { runImageCheck } = await import('./image-command');
      return runImageCheck({ policy: opts.policy, image: opts.image, caption: opts.caption }, process);
    }
    const { runCheck } = await import('./check-command');
    return runCheck({ policy: opts.policy, input: opts.input, archive: opts.archive }, process);
  }
  if (command === 'policy') {
    const [sub, ...args] = rest;
    if (sub !== 'build') {
      process.stderr.write(`Unknown command "policy ${sub ?? ''}": the policy command has one step, "policy build".\n\n${USAGE}`);
      return 2;
    }
    const opts = parseArgs(args, POLICY_BUILD_OPTIONS);
    if (typeof opts === 'string') {
      process.stderr.write(`${opts}\n\n${USAGE}`);
      return 2;
    }
    const { runPolicyBuild } = await import('./policy-build-command');
    return runPolicyBuild(opts, process);
  }
  if (command === 'pack') {
    const opts = parseArgs(rest, PACK_OPTIONS);
    if (typeof opts === 'string') {
      process.stderr.write(`${opts}\n\n${USAGE}`);
      return 2;
    }
    const { runPack } = await import('./pack-command');
    return runPack(opts, process, fileURLToPath(new URL('../../', import.meta.url)));
  }
  process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`second-look: unexpected error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 70;
  },
);

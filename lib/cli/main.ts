/**
 * The `second-look` command line for admins:
 * `npm run --silent cli -- check --policy <file> [--input <file>]` and `npm run --silent cli -- policy build ...`.
 */
import { runCheck } from './check-command';
import { runImageCheck } from './image-command';
import { parseArgs, parseOptions } from './options';
import { POLICY_BUILD_OPTIONS, runPolicyBuild } from './policy-build-command';

export { parseOptions };

const USAGE = `Usage:
  npm run --silent cli -- check --policy <policy.json> [--input <posts.jsonl>]
  npm run --silent cli -- check --policy <policy.json> --image <photo or video> [--caption "<text>"]
  npm run --silent cli -- policy build --school "<name>" --pupils <pupils.csv> --out <folder>
      [--aliases <alias>[,<alias>...]] [--staff <staff.csv>] [--former-pupils <csv>] [--parents <csv>]
      [--settings <settings.json>] [--hash [--key-file <roster-key.txt>]]
      [--update-url <url>] [--extension-id <id>] [--edge-update-url <url>] [--edge-extension-id <id>]
      [--firefox-install-url <url>] [--firefox-id <id>]
      [--school-site "[<name>:] <lat>,<lon>[,<radius m>]"]... [--school-day "Mon-Fri 08:30-15:30"]
      [--time-zone Europe/London] [--break "12:00-13:00"]... [--term "2025-09-03..2025-10-24"]...
      [--photo-checks place,time,faces,text] [--working-hours]

check   Reads one JSON object a line ({"id": "...", "text": "...", "surface": "post"}) from the
        input file or standard input, and writes one line of findings for each.
        Surfaces: post, comment, reply, message, profile-job, profile-bio, profile-name.
        With --image: the school-photo findings for one photo or video (its place and time from its
        metadata, the text in it; faces are counted in the browser only), as one JSON line.

policy build
        Turns CSV exports from the school's MIS (SIMS, Arbor, Bromcom, Scholarpack...) into a checked
        policy and the files for each console: Google Admin, Group Policy/Intune (ADMX, .reg), macOS
        profiles, Firefox policies.json and Linux. --aliases may be repeated. --settings is a partial
        policy (mode, rules, sites, contact...). --hash writes rosters as keyed hashes (recommended),
        keeping the school's key in --key-file (default <out>/roster-key.txt; made if missing, never
        printed). --update-url adds force-install for Chrome and Edge (e.g. the Chrome Web Store's
        https://clients2.google.com/service/update2/crx). --school-site (repeatable) says where the
        school is, for photos' location data (default radius 200 m); --school-day, --time-zone,
        --break and --term say when the school day is (default Mon-Fri 08:30-15:30, Europe/London);
        --photo-checks lists the photo checks to run (default all); --working-hours turns that rule
        on. See docs/deploy.md.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'check') {
    const opts = parseOptions(rest, ['policy', 'input', 'image', 'caption']);
    if (typeof opts === 'string' || !opts.policy) {
      process.stderr.write(`${typeof opts === 'string' ? opts : 'check needs --policy <file>.'}\n\n${USAGE}`);
      return 2;
    }
    if (opts.image) return runImageCheck({ policy: opts.policy, image: opts.image, caption: opts.caption }, process);
    return runCheck({ policy: opts.policy, input: opts.input }, process);
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
    return runPolicyBuild(opts, process);
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

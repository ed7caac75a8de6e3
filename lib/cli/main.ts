/**
 * The `second-look` command line for admins:
 * `npm run --silent cli -- check --policy <file> [--input <file>]` and `npm run --silent cli -- policy build ...`.
 */
import { runCheck } from './check-command';
import { parseArgs, parseOptions } from './options';
import { POLICY_BUILD_OPTIONS, runPolicyBuild } from './policy-build-command';

export { parseOptions };

const USAGE = `Usage:
  npm run --silent cli -- check --policy <policy.json> [--input <posts.jsonl>]
  npm run --silent cli -- check --policy <policy.json> --archive <export.zip>
  npm run --silent cli -- policy build --school "<name>" --pupils <pupils.csv> --out <folder>
      [--aliases <alias>[,<alias>...]] [--staff <staff.csv>] [--former-pupils <csv>] [--parents <csv>]
      [--settings <settings.json>] [--hash [--key-file <roster-key.txt>]]
      [--update-url <url>] [--extension-id <id>] [--edge-update-url <url>] [--edge-extension-id <id>]
      [--firefox-install-url <url>] [--firefox-id <id>]

check   Reads one JSON object a line ({"id": "...", "text": "...", "surface": "post"}) from the
        input file or standard input, and writes one line of findings for each.
        Surfaces: post, comment, reply, message, profile-job, profile-bio, profile-name.
        --archive reads a site's data export instead (X archive, Facebook or Instagram JSON,
        TikTok JSON) and writes one line per post, comment or profile field, with its date and link.

policy build
        Turns CSV exports from the school's MIS (SIMS, Arbor, Bromcom, Scholarpack...) into a checked
        policy and the files for each console: Google Admin, Group Policy/Intune (ADMX, .reg), macOS
        profiles, Firefox policies.json and Linux. --aliases may be repeated. --settings is a partial
        policy (mode, rules, sites, contact...). --hash writes rosters as keyed hashes (recommended),
        keeping the school's key in --key-file (default <out>/roster-key.txt; made if missing, never
        printed). --update-url adds force-install for Chrome and Edge (e.g. the Chrome Web Store's
        https://clients2.google.com/service/update2/crx). See docs/deploy.md.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'check') {
    const opts = parseOptions(rest, ['policy', 'input', 'archive']);
    if (typeof opts === 'string' || !opts.policy) {
      process.stderr.write(`${typeof opts === 'string' ? opts : 'check needs --policy <file>.'}\n\n${USAGE}`);
      return 2;
    }
    if (opts.input && opts.archive) {
      process.stderr.write(`check reads --input or --archive, not both.\n\n${USAGE}`);
      return 2;
    }
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

/**
 * The `second-look` command line for admins: `npm run --silent cli -- check --policy <file> [--input <file>]`.
 */
import { runCheck } from './check-command';

const USAGE = `Usage:
  npm run --silent cli -- check --policy <policy.json> [--input <posts.jsonl>]

check   Reads one JSON object a line ({"id": "...", "text": "...", "surface": "post"}) from the
        input file or standard input, and writes one line of findings for each.
        Surfaces: post, comment, reply, message, profile-job, profile-bio, profile-name.
`;

export function parseOptions(argv: string[], allowed: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !allowed.includes(name)) return `Unknown option "${arg}".`;
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return `Option --${name} needs a value.`;
    out[name] = value;
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'check') {
    const opts = parseOptions(rest, ['policy', 'input']);
    if (typeof opts === 'string' || !opts.policy) {
      process.stderr.write(`${typeof opts === 'string' ? opts : 'check needs --policy <file>.'}\n\n${USAGE}`);
      return 2;
    }
    return runCheck({ policy: opts.policy, input: opts.input }, process);
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

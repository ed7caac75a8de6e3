/**
 * Command-line options: `--name value`, `--name=value`, switches with no value (`--hash`), and list
 * options that may be repeated or comma-separated (`--aliases SEPS --aliases "St Example's"`).
 */
export interface OptionSpec {
  /** Options that take one value; given twice, the last wins. */
  values: readonly string[];
  /** Options that take a list: repeated, or comma-separated. */
  lists?: readonly string[];
  /** Options that take no value. */
  switches?: readonly string[];
  /** Options that may be repeated, each value whole (commas kept): `--school-site "51.5,-0.1"`. */
  repeats?: readonly string[];
}

export interface ParsedOptions {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  switches: Set<string>;
}

export function parseArgs(argv: string[], spec: OptionSpec): ParsedOptions | string {
  const out: ParsedOptions = { values: {}, lists: {}, switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--')) return `Unknown option "${arg}".`;
    if (spec.switches?.includes(name)) {
      if (inline !== undefined) return `Option --${name} takes no value.`;
      out.switches.add(name);
      continue;
    }
    const isList = spec.lists?.includes(name) ?? false;
    const repeats = spec.repeats?.includes(name) ?? false;
    if (!isList && !repeats && !spec.values.includes(name)) return `Unknown option "${arg}".`;
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return `Option --${name} needs a value.`;
    if (repeats) {
      (out.lists[name] ??= []).push(value.trim());
    } else if (isList) {
      (out.lists[name] ??= []).push(...value.split(',').map((v) => v.trim()).filter(Boolean));
    } else {
      out.values[name] = value;
    }
  }
  return out;
}

/** Single-value options only (the `check` command). */
export function parseOptions(argv: string[], allowed: string[]): Record<string, string> | string {
  const parsed = parseArgs(argv, { values: allowed });
  return typeof parsed === 'string' ? parsed : parsed.values;
}

/**
 * `check`: JSON lines in, JSON lines out. Each input line is {"id", "text", "surface"}; each output
 * line is {"id", "findings": [{rule, severity, start, end, message}]} with UTF-16 offsets. Bad lines
 * are reported on standard error by line number; the good lines are still checked, and the exit code
 * is non-zero at the end.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runArchiveCheck } from '../archive/cli-archive';
import { createEngine } from '../engine/check';
import { SURFACES, type Surface } from '../policy/rule-ids';
import { loadPolicyFile } from './policy-file';

export interface CheckArgs {
  policy: string;
  input?: string;
  /** A site's data export (zip): its posts are checked instead of JSON lines. */
  archive?: string;
}

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

function parseLine(line: string): { id: unknown; text: string; surface: Surface } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object like {"id": "1", "text": "…", "surface": "post"}';
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string') return `"text" must be a string${v.text === undefined ? ' and is missing' : ''}`;
  const surface = v.surface ?? 'post';
  if (typeof surface !== 'string' || !(SURFACES as readonly string[]).includes(surface)) {
    return `"surface" must be one of ${SURFACES.join(', ')}; found ${JSON.stringify(surface)}`;
  }
  return { id: v.id ?? null, text: v.text, surface: surface as Surface };
}

export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const loaded = loadPolicyFile(args.policy);
  for (const w of loaded.messages) io.stderr.write(w + '\n');
  if (!loaded.policy) return 2;
  const engine = createEngine(loaded.policy);
  for (const w of engine.compiled.warnings) io.stderr.write(`${args.policy}: warning: ${w}\n`);
  if (args.archive) return runArchiveCheck(engine, args.archive, io);

  const source = args.input ? createReadStream(args.input, 'utf8') : io.stdin;
  const name = args.input ?? 'standard input';
  let bad = 0;
  let lineNo = 0;
  try {
    for await (const raw of createInterface({ input: source, crlfDelay: Infinity })) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (typeof parsed === 'string') {
        io.stderr.write(`${name}: line ${lineNo}: ${parsed}\n`);
        bad++;
        continue;
      }
      const findings = engine.check(parsed.text, { surface: parsed.surface }).map(({ rule, severity, start, end, message }) => ({ rule, severity, start, end, message }));
      io.stdout.write(JSON.stringify({ id: parsed.id, findings }) + '\n');
    }
  } catch (e) {
    io.stderr.write(`${name}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  if (bad) io.stderr.write(`${bad} line${bad === 1 ? '' : 's'} could not be checked.\n`);
  return bad ? 1 : 0;
}

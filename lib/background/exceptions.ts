/**
 * The person's "not a pupil / not our school" exceptions, kept as salted hashes of the words so that
 * nothing typed is stored as text. Lives in the background worker with the engine.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Storage } from 'webextension-polyfill';
import { foldText } from '../engine/tokenise';

export const EXCEPTIONS_KEY = 'exceptions';
const SALT_KEY = 'exceptionSalt';

export interface FalseMatch {
  rule: string;
  /** Salted SHA-256 of the folded words, never the words. */
  hash: string;
  /** Enough for the person to recognise it in the options page: first letters and length. */
  hint: string;
  added: string;
}

type Area = Pick<Storage.StorageArea, 'get' | 'set'>;

export class Exceptions {
  private salt?: string;
  private exceptions = new Set<string>();
  /** Writes are chained so two quick increments never overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: Area) {}

  async load(): Promise<void> {
    const got = (await this.area.get([SALT_KEY, EXCEPTIONS_KEY])) as Record<string, unknown>;
    this.salt = typeof got[SALT_KEY] === 'string' ? (got[SALT_KEY] as string) : undefined;
    this.setExceptions(got[EXCEPTIONS_KEY]);
  }

  setExceptions(raw: unknown): void {
    this.exceptions = new Set(Array.isArray(raw) ? (raw as FalseMatch[]).map((e) => `${e.rule}|${e.hash}`) : []);
  }

  private hash(words: string): string | undefined {
    return this.salt ? bytesToHex(sha256(utf8ToBytes(`${this.salt}|${foldText(words)}`))).slice(0, 32) : undefined;
  }

  isException(rule: string, words: string): boolean {
    if (!this.exceptions.size) return false;
    const h = this.hash(words);
    return h !== undefined && this.exceptions.has(`${rule}|${h}`);
  }

  addException(rule: string, words: string, now = new Date()): Promise<void> {
    return this.enqueue(async () => {
      if (!this.salt) {
        this.salt = bytesToHex(randomBytes(16));
        await this.area.set({ [SALT_KEY]: this.salt });
      }
      const hash = this.hash(words)!;
      const hint = foldText(words)
        .split(' ')
        .map((w) => `${w[0]?.toUpperCase() ?? ''}…`)
        .join(' ') + ` (${words.length} characters)`;
      const got = (await this.area.get(EXCEPTIONS_KEY)) as Record<string, unknown>;
      const list = Array.isArray(got[EXCEPTIONS_KEY]) ? (got[EXCEPTIONS_KEY] as FalseMatch[]) : [];
      if (!list.some((e) => e.rule === rule && e.hash === hash)) list.push({ rule, hash, hint, added: now.toISOString().slice(0, 10) });
      await this.area.set({ [EXCEPTIONS_KEY]: list });
      this.setExceptions(list);
    });
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

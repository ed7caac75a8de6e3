/**
 * The person's "not a pupil / not a colleague / not our school" answers, kept as salted hashes of the
 * words so that nothing typed is stored as text. Lives in the background worker with the engine.
 *
 * Each answer has a reach (lib/background/answer-scope.ts): this sentence, posts like this (the words
 * together with one of the words that made it a false match) or these words everywhere. An answer
 * only applies where the school's policy allows its reach, so a policy that narrows it takes effect
 * for answers already given too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Storage } from 'webextension-polyfill';
import type { Inspection } from '../engine/check';
import { foldText } from '../engine/tokenise';
import type { Policy } from '../policy/schema';
import { allowedScopes, similarMayApply, surroundings, type AnswerScope } from './answer-scope';

export const EXCEPTIONS_KEY = 'exceptions';
const SALT_KEY = 'exceptionSalt';

export interface FalseMatch {
  /** Names this answer in the options page (absent on answers saved before answers had a reach). */
  id?: string;
  rule: string;
  /** Salted SHA-256 of the folded words, never the words. */
  hash: string;
  /** How far it reaches; answers saved before there was a choice reach everywhere. */
  scope?: AnswerScope;
  /** `post`: salted hash of the folded sentence it was given in. */
  sentence?: string;
  /** `similar`: salted hashes of the words that made it a false match. */
  cues?: string[];
  /** Enough for the person to recognise it in the options page: first letters and length. */
  hint: string;
  /** `similar`: the same kind of hint for each word it rests on. */
  cueHints?: string[];
  /** `post`: how many words the sentence had. */
  sentenceWords?: number;
  added: string;
}

export interface NewAnswer {
  rule: string;
  scope: AnswerScope;
  /** The whole text and where the words are in it: the sentence and the cue words come from here. */
  text: string;
  start: number;
  end: number;
}

type Area = Pick<Storage.StorageArea, 'get' | 'set'>;

/** First letter of each word and the length: "J… S… (10 characters)". */
export function hintFor(words: string): string {
  return (
    foldText(words)
      .split(' ')
      .map((w) => `${w[0]?.toUpperCase() ?? ''}…`)
      .join(' ') + ` (${words.length} characters)`
  );
}

export class Exceptions {
  private salt?: string;
  private list: FalseMatch[] = [];
  /** Writes are chained so two quick answers never overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: Area) {}

  async load(): Promise<void> {
    const got = (await this.area.get([SALT_KEY, EXCEPTIONS_KEY])) as Record<string, unknown>;
    this.salt = typeof got[SALT_KEY] === 'string' ? (got[SALT_KEY] as string) : undefined;
    this.setExceptions(got[EXCEPTIONS_KEY]);
  }

  setExceptions(raw: unknown): void {
    this.list = Array.isArray(raw) ? (raw as FalseMatch[]).filter((e) => e && typeof e.rule === 'string' && typeof e.hash === 'string') : [];
  }

  private digest(kind: string, folded: string): string | undefined {
    if (!this.salt) return undefined;
    // The name's own hash keeps the form it always had, so earlier answers still match.
    const input = kind === 'words' ? `${this.salt}|${folded}` : `${this.salt}|${kind}|${folded}`;
    return bytesToHex(sha256(utf8ToBytes(input))).slice(0, 32);
  }

  private wordsHash(words: string): string | undefined {
    return this.digest('words', foldText(words));
  }

  /** An answer given for whoever a displayed name is (pupil-contact): the name, everywhere. */
  isException(rule: string, words: string): boolean {
    if (!this.list.length) return false;
    const h = this.wordsHash(words);
    return h !== undefined && this.list.some((e) => e.rule === rule && e.hash === h && (e.scope ?? 'name') === 'name');
  }

  /** The findings of a check that no answer of the person's covers, as far as the policy lets answers reach. */
  filter(text: string, inspection: Inspection, policy: Policy): Inspection['findings'] {
    if (!this.list.length || !this.salt) return inspection.findings;
    return inspection.findings.filter((f, i) => {
      const h = this.wordsHash(text.slice(f.start, f.end));
      const mine = this.list.filter((e) => e.rule === f.rule && e.hash === h);
      if (!mine.length) return true;
      const allowed = allowedScopes(f.rule, inspection.strongName[i] ?? false, policy);
      const around = surroundings(text, f.start, f.end, inspection.tokens);
      return !mine.some((e) => {
        const scope = e.scope ?? 'name';
        if (!allowed.includes(scope)) return false;
        if (scope === 'name') return true;
        if (scope === 'post') return e.sentence === this.digest('sentence', around.sentence);
        if (!similarMayApply(f.rule, inspection.schoolContext)) return false;
        const cues = new Set(e.cues ?? []);
        return around.contextWords.some((w) => cues.has(this.digest('cue', w)!));
      });
    });
  }

  /** Remember an answer. The caller has checked the policy allows its reach. */
  add(answer: NewAnswer, now = new Date()): Promise<void> {
    return this.enqueue(async () => {
      if (!this.salt) {
        this.salt = bytesToHex(randomBytes(16));
        await this.area.set({ [SALT_KEY]: this.salt });
      }
      const words = answer.text.slice(answer.start, answer.end);
      const around = surroundings(answer.text, answer.start, answer.end);
      const entry: FalseMatch = {
        id: bytesToHex(randomBytes(8)),
        rule: answer.rule,
        hash: this.wordsHash(words)!,
        scope: answer.scope,
        hint: hintFor(words),
        added: now.toISOString().slice(0, 10),
      };
      if (answer.scope === 'post') {
        entry.sentence = this.digest('sentence', around.sentence);
        entry.sentenceWords = around.sentence.split(' ').filter(Boolean).length;
      }
      if (answer.scope === 'similar') {
        if (!around.cues.length) return;
        entry.cues = around.cues.map((c) => this.digest('cue', c.folded)!);
        entry.cueHints = around.cues.map((c) => hintFor(c.written));
      }
      const got = (await this.area.get(EXCEPTIONS_KEY)) as Record<string, unknown>;
      const list = Array.isArray(got[EXCEPTIONS_KEY]) ? (got[EXCEPTIONS_KEY] as FalseMatch[]) : [];
      const same = (e: FalseMatch) =>
        e.rule === entry.rule && e.hash === entry.hash && (e.scope ?? 'name') === entry.scope && e.sentence === entry.sentence && (e.cues ?? []).join() === (entry.cues ?? []).join();
      if (!list.some(same)) list.push(entry);
      await this.area.set({ [EXCEPTIONS_KEY]: list });
      this.setExceptions(list);
    });
  }

  /** pupil-contact's answer: this displayed name, everywhere (a request is a person, not a post). */
  addException(rule: string, words: string, now = new Date()): Promise<void> {
    return this.add({ rule, scope: 'name', text: words, start: 0, end: words.length }, now);
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

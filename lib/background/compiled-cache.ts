/**
 * The compiled policy, kept in storage.session so that a worker Chrome stopped while idle reads its
 * roster index back on waking instead of compiling it again (a few times cheaper, and the first
 * check waits for it). storage.session lives in memory only, is emptied when the browser closes,
 * and content scripts cannot read it (its default access level). It holds the policy's index, never
 * anything typed.
 *
 * The entry is keyed by a SHA-256 of the policy it was built from: a different policy never uses it,
 * and anything damaged or from another version is compiled again, never an error.
 */
import type { Storage } from 'webextension-polyfill';
import { createEngine, Engine } from '../engine/check';
import { STORED_INDEX_VERSION } from '../engine/names/stored-index';
import { restoreCompiled, storeCompiled, type StoredCompile } from '../engine/stored-compile';
import { jsonDigest } from '../policy/digest';
import type { Policy } from '../policy/schema';

export const COMPILED_KEY = 'compiledPolicy';

export type SessionArea = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

interface Entry {
  policyKey: string;
  compiled: StoredCompile;
}

/** SHA-256 (hex) of the policy's JSON and the stored format's version. */
export function policyKey(policy: Policy): Promise<string> {
  return jsonDigest(policy, `compiled-${STORED_INDEX_VERSION}`);
}

export class CompiledCache {
  /** The stored entry being read ahead of the policy (`readAhead`), for the next restore. */
  private ahead?: Promise<Record<string, unknown>>;

  constructor(
    private readonly session?: SessionArea,
    private readonly mark?: (step: string) => void,
  ) {}

  /**
   * Start reading the stored entry now, while the policy it must match is read from storage.local:
   * a waking worker then waits for the longer of the two reads, not for both one after the other.
   */
  readAhead(): void {
    // A failed read is the same as nothing stored: the policy is compiled (and never an unhandled rejection).
    if (this.session && !this.ahead) this.ahead = this.session.get(COMPILED_KEY).catch(() => ({}));
  }

  /** The engine for `policy` (whose key is `key`): read back when stored for that policy, compiled otherwise. */
  async engine(policy: Policy, key: string): Promise<Engine> {
    const restored = await this.restore(policy, key);
    if (restored) return restored;
    const engine = createEngine(policy);
    this.mark?.('second-look:compiled-again');
    // After the waiting check has had its answer: storing is not on its path.
    setTimeout(() => void this.store(engine, key), 0);
    return engine;
  }

  private async restore(policy: Policy, key: string): Promise<Engine | undefined> {
    if (!this.session) return undefined;
    try {
      const read = this.ahead ?? this.session.get(COMPILED_KEY);
      this.ahead = undefined; // read once: a later restore reads what is stored then
      const entry = (await read)[COMPILED_KEY] as Partial<Entry> | undefined;
      this.mark?.('second-look:compiled-read');
      if (!entry || entry.policyKey !== key) return undefined;
      const compiled = restoreCompiled(policy, entry.compiled);
      return compiled && new Engine(policy, compiled);
    } catch {
      return undefined;
    }
  }

  private async store(engine: Engine, key: string): Promise<void> {
    if (!this.session) return;
    try {
      const compiled = storeCompiled(engine.compiled);
      if (compiled) await this.session.set({ [COMPILED_KEY]: { policyKey: key, compiled } satisfies Entry });
      else await this.session.remove(COMPILED_KEY);
    } catch (error) {
      // Too big for the area's quota, say: the worker compiles after each restart, as before.
      console.warn('Second Look: could not keep the compiled policy for restarts', error);
      await this.session.remove(COMPILED_KEY).catch(() => undefined);
    }
  }
}

/**
 * The engine, in the background worker: compiled once per policy for every tab, answering the
 * content scripts' check requests. The roster never enters a web page's process.
 */
import type { Storage } from 'webextension-polyfill';
import { createEngine, type Engine } from '../engine/check';
import type { CheckRequest, CheckResponse, ContactRequest, ContactResponse, Request } from '../messages';
import { DEFAULT_POLICY, STORAGE_KEYS, type PolicyState } from '../policy/storage-keys';
import { Exceptions } from './exceptions';
import { workingHoursNote } from './working-hours';

export class CheckService {
  private engine?: Engine;
  private loading?: Promise<void>;
  readonly exceptions: Exceptions;
  /** Loaded once per worker start, whichever comes first: a check or the policy refresh. */
  private readonly exceptionsLoaded: Promise<void>;

  constructor(private readonly local: Pick<Storage.StorageArea, 'get' | 'set'>) {
    this.exceptions = new Exceptions(local);
    this.exceptionsLoaded = this.exceptions.load().catch((error: unknown) => console.warn('Second Look: could not read exceptions', error));
  }

  /** Use the policy now in force (called by the background whenever it changes). */
  apply(state: PolicyState | undefined): void {
    this.engine = createEngine(state?.policy ?? DEFAULT_POLICY);
  }

  private async ready(): Promise<void> {
    await this.exceptionsLoaded;
    if (this.engine) return;
    // The worker may have been asleep: take the policy from storage, as the background left it.
    this.loading ??= this.local.get(STORAGE_KEYS.state).then((got) => {
      if (!this.engine) this.apply((got as Record<string, PolicyState | undefined>)[STORAGE_KEYS.state]);
    });
    await this.loading;
  }

  /** The engine in force and the person's exceptions, for the photo checks (photo-service.ts). */
  async context(): Promise<{ engine: Engine; isException: (rule: string, words: string) => boolean }> {
    await this.ready();
    return { engine: this.engine!, isException: (rule, words) => this.exceptions.isException(rule, words) };
  }

  handle(request: CheckRequest): Promise<CheckResponse>;
  handle(request: ContactRequest): Promise<ContactResponse>;
  handle(request: Request): Promise<CheckResponse | ContactResponse | undefined>;
  async handle(request: Request): Promise<CheckResponse | ContactResponse | undefined> {
    await this.ready();
    const engine = this.engine!;
    switch (request.type) {
      case 'second-look:check': {
        const siteEnabled = engine.compiled.policy.sites?.[request.site]?.enabled !== false;
        const findings = engine
          .check(String(request.text ?? ''), { surface: request.surface, site: request.site })
          .filter((f) => !this.exceptions.isException(f.rule, request.text.slice(f.start, f.end)));
        const workingHours = siteEnabled ? workingHoursNote(engine.compiled.policy, new Date()) : undefined;
        return { findings, mode: engine.compiled.policy.mode ?? 'warn', siteEnabled, ...(workingHours ? { workingHours } : {}) };
      }
      case 'second-look:contact': {
        const people = Array.isArray(request.people) ? request.people.slice(0, 200) : [];
        const matches = people.map((p) => {
          const match = engine.contact(String(p?.name ?? ''), String(p?.handle ?? ''), request.site);
          return match && !this.exceptions.isException('pupil-contact', match.evidence) ? match : null;
        });
        return { matches };
      }
      case 'second-look:not-a-match':
        await this.exceptions.addException(request.rule, request.words);
        return undefined;
      case 'second-look:warm':
        return undefined;
    }
  }
}

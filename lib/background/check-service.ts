/**
 * The engine, in the background worker: compiled once per policy for every tab, answering the
 * content scripts' check requests. The roster never enters a web page's process.
 */
import type { Storage } from 'webextension-polyfill';
import { createEngine, type Engine } from '../engine/check';
import type { Inspection } from '../engine/check';
import { AnalysisCache } from '../engine/incremental';
import type { AnswerOffer, CheckedFinding, CheckRequest, CheckResponse, ContactRequest, ContactResponse, NotAMatchRequest, Request } from '../messages';
import type { Policy } from '../policy/schema';
import { DEFAULT_POLICY, STORAGE_KEYS, type PolicyState } from '../policy/storage-keys';
import { allowedScopes, surroundings } from './answer-scope';
import { Exceptions } from './exceptions';
import { workingHoursNote } from './working-hours';
import { officialAccount } from './official-accounts';
import { CompiledCache, policyKey, type SessionArea } from './compiled-cache';

/** Rules where a false match is about who or what a name refers to: the card offers "This isn't …". */
export const ANSWERABLE_RULES = new Set(['pupil-mention', 'colleague-mention', 'school-mention']);

/** Rules about who or what a name is: an answer to one of them can take the post's school context with it. */
const NAME_RULES = new Set<string>(['pupil-mention', 'colleague-mention', 'school-mention']);

/** The text with the given findings' words blanked out, every offset kept. */
function masked(text: string, findings: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const f of findings) out = out.slice(0, f.start) + ' '.repeat(f.end - f.start) + out.slice(f.end);
  return out;
}

/** What the card may offer for each finding: the reaches the policy allows, and the words "posts like this" rests on. */
function offers(text: string, inspection: Inspection, policy: Policy): (AnswerOffer | undefined)[] {
  return inspection.findings.map((f, i) => {
    if (!ANSWERABLE_RULES.has(f.rule)) return undefined;
    const allowed = allowedScopes(f.rule, inspection.strongName[i] ?? false, policy);
    // Only "posts like this" names the words around: without it the card has none to show, and words
    // that change as each letter is typed would have it drawn again on every key.
    if (!allowed.includes('similar')) return { scopes: allowed, cues: [] };
    const cues = surroundings(text, f.start, f.end, inspection.tokens).cues.map((c) => c.written);
    return { scopes: allowed.filter((s) => s !== 'similar' || cues.length > 0), cues };
  });
}

export class CheckService {
  private engine?: Engine;
  /**
   * What earlier checks found in each piece of the texts being typed, so that a keystroke in a long
   * post reads only the piece it changed (engine/incremental.ts). Bounded, and in this worker's
   * memory only: typed text is never stored.
   */
  private cache = new AnalysisCache();
  /** Key of the policy `engine` was built from (compiled-cache.ts). */
  private engineKey?: string;
  /** The newest policy's engine being built; builds run one after another. */
  private building?: Promise<void>;
  private generation = 0;
  private loading?: Promise<void>;
  private readonly compiledCache: CompiledCache;
  readonly exceptions: Exceptions;
  /** Loaded once per worker start, whichever comes first: a check or the policy refresh. */
  private readonly exceptionsLoaded: Promise<void>;

  /**
   * `session`: where the compiled policy survives the worker's restarts (storage.session), if there is one.
   * `mark`: told each step of a waking worker's way to its first answer (bench builds' performance marks).
   */
  constructor(
    private readonly local: Pick<Storage.StorageArea, 'get' | 'set'>,
    session?: SessionArea,
    private readonly mark?: (step: string) => void,
  ) {
    this.compiledCache = new CompiledCache(session, mark);
    this.exceptions = new Exceptions(local);
    this.exceptionsLoaded = this.exceptions.load().catch((error: unknown) => console.warn('Second Look: could not read exceptions', error));
  }

  /** Use the policy now in force (called by the background whenever it changes, and on every wake-up). */
  apply(state: PolicyState | undefined): void {
    const policy = state?.policy ?? DEFAULT_POLICY;
    const generation = ++this.generation;
    this.building = (this.building ?? Promise.resolve())
      .then(() => this.build(policy, generation))
      .catch((error: unknown) => console.warn('Second Look: could not build the engine', error));
  }

  private async build(policy: Policy, generation: number): Promise<void> {
    if (generation !== this.generation) return; // a newer policy came in meanwhile
    let key: string | undefined;
    try {
      this.mark?.('second-look:policy-read');
      key = await policyKey(policy);
      this.mark?.('second-look:policy-digest');
    } catch {
      key = undefined; // no digest here: compile, and keep nothing
    }
    if (key !== undefined && key === this.engineKey) return; // the same policy read again, as on each wake-up
    const engine = key === undefined ? createEngine(policy) : await this.compiledCache.engine(policy, key);
    this.mark?.('second-look:engine-built');
    // Kept even when a newer policy came in meanwhile: the newer build runs next (checks wait for it)
    // and, when it is the same policy read again (the wake-up's refresh racing the first check's
    // read of the stored state), returns at once instead of restoring or compiling a second time.
    this.engine = engine;
    this.engineKey = key;
    // The cache holds pieces analysed under the old policy's roster and terms.
    this.cache = new AnalysisCache();
  }

  private async ready(): Promise<void> {
    const waking = !this.engine && !this.building;
    if (waking && !this.loading) {
      // The worker may have been asleep: take the policy from storage, as the background left it,
      // with its compiled index from the session read at the same time (and the exceptions, being read).
      this.compiledCache.readAhead();
      this.loading = this.local.get(STORAGE_KEYS.state).then((got) => {
        if (!this.engine && !this.building) this.apply((got as Record<string, PolicyState | undefined>)[STORAGE_KEYS.state]);
      });
    }
    await this.exceptionsLoaded;
    this.mark?.('second-look:exceptions-read');
    if (waking) await this.loading;
    // Until the newest policy's engine is in place (apply may be called again while waiting).
    for (let b = this.building; b; b = this.building === b ? undefined : this.building) await b;
    this.mark?.('second-look:engine-ready');
  }

  /**
   * Remember a false-match answer. For posts the reach is checked here again against the finding as
   * the engine sees it and the policy, never taken on the page's word.
   */
  private async answer(request: NotAMatchRequest): Promise<void> {
    const words = String(request.words ?? '');
    if (!request.scope) {
      // Whoever a displayed name is (pupil-contact), or a place that is not the school (school-photo).
      if (request.rule === 'pupil-contact' || request.rule === 'school-photo') await this.exceptions.addException(request.rule, words);
      return;
    }
    const engine = this.engine!;
    const policy = engine.compiled.policy;
    if (!request.surface || !request.site) return;
    const official = officialAccount(policy, request.site, request.account) !== undefined;
    const inspection = engine.inspect(words, { surface: request.surface, site: request.site, officialAccount: official });
    const i = inspection.findings.findIndex((f) => f.rule === request.rule && f.start === request.start && f.end === request.end);
    if (i < 0 || !ANSWERABLE_RULES.has(request.rule)) return;
    const offer = offers(words, inspection, policy)[i];
    if (!offer?.scopes.includes(request.scope)) return;
    const f = inspection.findings[i];
    await this.exceptions.add({ rule: f.rule, scope: request.scope, text: words, start: f.start, end: f.end });
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
        const policy = engine.compiled.policy;
        const siteEnabled = policy.sites?.[request.site]?.enabled !== false;
        const text = String(request.text ?? '');
        const official = officialAccount(policy, request.site, request.account);
        const options = { surface: request.surface, site: request.site, recipient: recipientOf(request), officialAccount: official !== undefined };
        const inspection = engine.inspect(text, options, this.cache);
        // Before any second check below: the tokens are the cache's, placed for this text.
        const answers = offers(text, inspection, policy);
        const kept = new Set(this.exceptions.filter(text, inspection, policy));
        const silenced = inspection.findings.filter((f) => !kept.has(f) && NAME_RULES.has(f.rule));
        if (silenced.length) {
          // A name the person says is not the pupil (or colleague, or school) gave the rest of the
          // post its school context too ("a fight" near a pupil's name): check again without it and
          // keep only what still stands.
          const still = new Set(engine.inspect(masked(text, silenced), options, this.cache).findings.map((f) => `${f.rule}|${f.start}|${f.end}`));
          for (const f of kept) if (!still.has(`${f.rule}|${f.start}|${f.end}`)) kept.delete(f);
        }
        const findings: CheckedFinding[] = [];
        inspection.findings.forEach((f, i) => {
          if (kept.has(f)) findings.push(answers[i] ? { ...f, answers: answers[i] } : f);
        });
        const workingHours = siteEnabled ? workingHoursNote(policy, new Date()) : undefined;
        return { findings, mode: policy.mode ?? 'warn', siteEnabled, ...(official ? { officialAccount: official } : {}), ...(workingHours ? { workingHours } : {}) };
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
        await this.answer(request);
        return undefined;
      case 'second-look:warm':
        return undefined;
    }
  }
}

/** The recipient a content script sent, as plain short strings (pages can be odd; the worker trusts nothing). */
function recipientOf(request: CheckRequest): { name: string; handle?: string } | undefined {
  const r = request.recipient;
  if (!r || typeof r !== 'object' || typeof r.name !== 'string') return undefined;
  const name = r.name.slice(0, 200);
  const handle = typeof r.handle === 'string' && r.handle ? r.handle.slice(0, 100) : undefined;
  return handle ? { name, handle } : { name };
}

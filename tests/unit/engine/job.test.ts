/** The post-level job signal (Analysis.job) and the shipped job model behind it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import model from '../../../assets/model/job-model.json';
import { analyse } from '../../../lib/engine/analysis';
import { CUES } from '../../../lib/engine/classifier/features';
import { loadJobModel, type JobModelFile } from '../../../lib/engine/classifier/job-model';
import { compilePolicy } from '../../../lib/engine/compile';
import { loadFixturePolicy } from '../helpers';

const compiled = compilePolicy(loadFixturePolicy());
const job = (text: string) => analyse(compiled, text, 'post').job;

describe('job signal', () => {
  it.each([
    ['a post about the class', 'My Year 5s were brilliant in assembly this morning'],
    ['a colleague by role and school work', 'Our SENCO covered my PPA so I could finish the data drop'],
    ['a pupil named in full', 'Thomas Wright finally learned his times tables'],
  ])('is tied for %s', (_what, text) => {
    expect(job(text).tied).toBe(true);
  });

  it.each([
    ['a walk', 'Lovely walk along the canal with the dog this morning'],
    ['football', 'What a goal, three points and top of the league'],
    ['the news', 'Interest rates held again, mortgages still painful'],
  ])('is not tied for %s', (_what, text) => {
    expect(job(text).tied).toBe(false);
  });

  it('knows the author writing as a parent', () => {
    expect(job("Sports day for my two, and the little one came last").asParent).toBe(true);
    expect(job('Sports day for my class, everyone came last').asParent).toBe(false);
  });

  it('points at the words that weighed most, strongest first', () => {
    const text = 'Long day, my Year 5s were lovely and parents evening went fine';
    const { evidence } = job(text);
    expect(evidence.length).toBeGreaterThan(0);
    const words = evidence.map((e) => text.slice(e.start, e.end));
    expect(words.some((w) => /Year 5s|parents evening/.test(w))).toBe(true);
    for (let i = 1; i < evidence.length; i++) expect(evidence[i - 1].weight).toBeGreaterThanOrEqual(evidence[i].weight);
  });

  it('does not let a weak word vouch for itself', () => {
    const text = 'Marking the spot where we parked';
    const marking = { start: 0, end: 7 };
    expect(job(text).tiedApartFrom([marking])).toBe(false);
    const withClass = 'Marking all evening, my Year 5s wrote pages';
    expect(job(withClass).tiedApartFrom([marking])).toBe(true);
  });
});

describe('the shipped job model', () => {
  const path = new URL('../../../assets/model/job-model.json', import.meta.url);

  it('is small and loads to a full weight table with a weight for every cue', () => {
    expect(statSync(path).size).toBeLessThan(1024 * 1024);
    const m = loadJobModel(model as JobModelFile);
    expect(m.words.length).toBe(2 ** m.bits);
    expect(m.cues.length).toBe(CUES.length);
    for (const c of CUES) expect(typeof (model as JobModelFile).cues[c], c).toBe('number');
    // Trained, not hand-set: the cue for an unnamed class outweighs a general school word.
    expect(m.cues[CUES.indexOf('school-life')]).toBeGreaterThan(m.cues[CUES.indexOf('school-context')]);
  });

  it('carries no text from the corpora it was trained on, only numbers', () => {
    const raw = readFileSync(path, 'utf8');
    const file = JSON.parse(raw) as JobModelFile;
    expect(Object.keys(file).sort()).toEqual(['about', 'bias', 'bits', 'cues', 'support', 'threshold', 'trainedOn', 'wordScale', 'words']);
    expect(file.words).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  const shared = process.env.SHARED_DATA_DIR ?? new URL('../../../../shared/data', import.meta.url).pathname;
  it.skipIf(!existsSync(`${shared}/staff-posts-dev`))(
    'is what scripts/train/train-job-model.ts writes, byte for byte (needs the shared data folder)',
    () => {
      const out = execFileSync('npx', ['tsx', 'scripts/train/train-job-model.ts', '--check'], { encoding: 'utf8', env: { ...process.env, SHARED_DATA_DIR: shared } });
      expect(out).toContain('the shipped model is what this script writes');
    },
    180_000,
  );
});

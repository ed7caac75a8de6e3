/** The policy refresh runs one at a time: a change read by a later run is never undone by an earlier one. */
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../lib/background/one-at-a-time';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneAtATime', () => {
  it('never overlaps runs, and runs once more after calls that came while it ran', async () => {
    let stored = 'old';
    let applied = '';
    let active = 0;
    let most = 0;
    const finish: (() => void)[] = [];
    const refresh = oneAtATime(async () => {
      active++;
      most = Math.max(most, active);
      const read = stored; // what storage held when this run read it
      await new Promise<void>((resolve) => finish.push(resolve));
      applied = read;
      active--;
    });
    refresh(); // reads 'old', then waits
    stored = 'new';
    refresh();
    refresh();
    expect(finish).toHaveLength(1);
    finish[0]();
    await tick();
    expect(applied).toBe('old');
    expect(finish).toHaveLength(2); // one more run, not two
    finish[1]();
    await tick();
    expect(applied).toBe('new');
    expect(most).toBe(1);
    await tick();
    expect(finish).toHaveLength(2);
  });

  it('goes on after a run that failed', async () => {
    let runs = 0;
    const refresh = oneAtATime(async () => {
      runs++;
      if (runs === 1) throw new Error('storage unreadable');
    });
    refresh();
    await tick();
    refresh();
    await tick();
    expect(runs).toBe(2);
  });
});

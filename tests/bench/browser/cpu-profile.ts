/**
 * CPU time from V8's sampling profiler: the page's main thread (content scripts share the page's
 * isolate, so a sample is ours when any frame on its stack is from the extension) and the worker
 * (every sample that is not idle).
 */
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface Send {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** Sampling every 100 µs: a keystroke's work is a few hundred µs to a few ms. */
export async function startProfile(s: Send): Promise<void> {
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: 100 });
  await s.send('Profiler.start');
}

export async function stopProfile(s: Send): Promise<CpuProfile> {
  const { profile } = (await s.send('Profiler.stop')) as { profile: CpuProfile };
  await s.send('Profiler.disable');
  return profile;
}

/** Each sample's duration in ms (the delta to the next sample), with a predicate on its node. */
function sampleMs(profile: CpuProfile, counts: (node: number) => boolean): { total: number; longestRun: number } {
  let total = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (counts(profile.samples[i])) {
      total += dt;
      run += dt;
      longestRun = Math.max(longestRun, run);
    } else run = 0;
  }
  return { total, longestRun };
}

/** Main-thread ms spent with the extension's code on the stack, and its longest unbroken stretch. */
export function extensionMs(profile: CpuProfile): { total: number; longestRun: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const v = n.callFrame.url.startsWith('chrome-extension://') || (n.parent !== undefined && isOurs(n.parent));
    ours.set(id, v);
    return v;
  };
  return sampleMs(profile, isOurs);
}

/** Worker ms that were not idle. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  return sampleMs(profile, (id) => !idle.has(id)).total;
}

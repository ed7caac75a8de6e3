// Preloaded by tests/bench/policy.bench.ts into the command it measures: on exit, writes the process's
// peak memory (kB) and CPU time (µs, user + system) to SECOND_LOOK_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.SECOND_LOOK_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSSkB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}

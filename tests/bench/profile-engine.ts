/**
 * A fixed piece of engine work for profilers (a tool for speed work, not a benchmark): wall-clock
 * figures are unreliable on a loaded machine, so compare runs with an instruction count or a CPU
 * profile instead.
 *
 *   npx tsx tests/bench/profile-engine.ts check [runs]     checks of distinct 2,000-character posts, 2,150 names
 *   npx tsx tests/bench/profile-engine.ts typing [runs]    one post, a character appended per check
 *   npx tsx tests/bench/profile-engine.ts compile [runs]   compiles of the 10,000-name policy
 *
 *   node --cpu-prof --import tsx tests/bench/profile-engine.ts check 3000
 *
 * Instruction counts, repeatable to about 0.01 % whatever the load: bundle it (so no loader runs
 * beside it), make V8 single-threaded and deterministic, and count only inside the measured part:
 *
 *   npx esbuild tests/bench/profile-engine.ts --bundle --platform=node --format=esm --outfile=tests/bench/.profile.mjs
 *   valgrind --tool=callgrind --toggle-collect=Builtins_ReflectApply --callgrind-out-file=/dev/null \
 *     node --single-threaded --predictable tests/bench/.profile.mjs check 300
 *
 * The engine is built and warmed on every post before the measured part.
 */
import { createEngine } from '../../lib/engine/check';
import { makePost, rosterPolicy } from './engine-fixtures';

const [mode = 'check', runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 1000);
let sink = 0;

/** The measured part runs inside Reflect.apply, so callgrind can count it alone (see above). */
const measured = (work: () => void) => Reflect.apply(work, undefined, []);

if (mode === 'compile') {
  const policy = rosterPolicy(10000);
  sink += createEngine(policy).compiled.names.size; // the first, cold compile is not measured
  measured(() => {
    for (let i = 0; i < runs; i++) sink += createEngine(policy).compiled.names.size;
  });
} else {
  const engine = createEngine(rosterPolicy(2150));
  const posts = Array.from({ length: 300 }, (_, i) => makePost(7919 * (i + 1)));
  for (let i = 0; i < 300; i++) sink += engine.check(posts[i], { surface: 'post' }).length;
  const post = posts[7];
  measured(() => {
    if (mode === 'typing') for (let i = 0; i < runs; i++) sink += engine.check(post.slice(0, post.length - 200 + (i % 200)), { surface: 'post' }).length;
    else for (let i = 0; i < runs; i++) sink += engine.check(posts[(i * 7 + 3) % posts.length], { surface: 'post' }).length;
  });
}
if (sink === -1) console.log(sink);

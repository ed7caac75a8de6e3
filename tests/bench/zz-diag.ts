import { startProfile, stopProfile, type CpuProfile } from './browser/cpu-profile';
import { launch, openEditor, setRoster, sleep } from './browser/launch';
import { post } from './browser/typing';
const name = process.argv[2] ?? 'instagram comment';
const size = Number(process.argv[3] ?? 500);
const b = await launch(true);
await setRoster(b, 2150);
const page = await b.context.newPage();
await openEditor(page, name);
await page.keyboard.insertText(post(size));
await sleep(1500);
const cdp = await b.context.newCDPSession(page);
await startProfile(cdp);
for (let i = 0; i < 40; i++) { await page.keyboard.type('abc '[i % 4]); await sleep(60); }
await sleep(300);
const p: CpuProfile = await stopProfile(cdp);
console.log('checks sent per key', await page.evaluate(() => performance.getEntriesByName('second-look:check-sent').length / 40), 'cards painted per key', await page.evaluate(() => performance.getEntriesByName('second-look:card-painted').length / 40));
const byId = new Map(p.nodes.map((n) => [n.id, n] as const));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of (n as any).children ?? []) parent.set(c, n.id);
const self = new Map<string, number>(); const incl = new Map<string, number>();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  const stack: any[] = [];
  for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id));
  if (!stack.some((f) => f.callFrame.url.startsWith('chrome-extension://'))) continue;
  total += dt;
  const label = (f: any) => `${f.callFrame.functionName || '(anon)'} ${f.callFrame.url.split('/').pop()}:${f.callFrame.lineNumber}:${f.callFrame.columnNumber}`;
  self.set(label(stack[0]), (self.get(label(stack[0])) ?? 0) + dt);
  for (const l of new Set(stack.map(label))) incl.set(l, (incl.get(l) ?? 0) + dt);
}
console.log('ext total ms', total.toFixed(1), 'per key', (total / 40).toFixed(2));
console.log('SELF'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k);
console.log('INCL'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(7), k);
await b.close();

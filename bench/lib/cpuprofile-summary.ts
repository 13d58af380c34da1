/**
 * Self time of V8 `.cpuprofile` files (`node --cpu-prof`, e.g. the benches' `BENCH_NODE_FLAGS='--cpu-prof
 * --cpu-prof-dir={logs}/prof-{name}'`) by module and by function, and the total (inclusive) time under the
 * functions whose name matches a pattern. Diagnostics only: prints shares, never part of a test.
 *
 *   npx tsx bench/lib/cpuprofile-summary.ts [--top N] [--inclusive REGEX] [--after-quiet S] <file.cpuprofile | folder> ...
 *
 * A folder stands for every `.cpuprofile` in it (their samples added up: one process's profiles, e.g. after a
 * restart). Shares are of the samples that were not idle (`(idle)` and `(program)` are printed apart).
 * `--after-quiet S`: only the samples after the last S seconds in a row during which the process was less than 10 %
 * busy — a bench's measured phases after its seed and its wait for quiet queues, without start-up and seeding.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** The index of the first sample after the last `seconds` in a row with the process under 10 % busy (0: none). */
function afterQuiet(profile: Profile, seconds: number): number {
  const idleIds = new Set(profile.nodes.filter((n) => IDLE.has(n.callFrame.functionName)).map((n) => n.id));
  const bucketUs = 1e6;
  const busy: number[] = [];
  const firstIndex: number[] = [];
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const b = Math.floor(t / bucketUs);
    while (busy.length <= b) {
      busy.push(0);
      firstIndex.push(i);
    }
    if (!idleIds.has(id)) busy[b] += profile.timeDeltas[i + 1] ?? 0;
  });
  let run = 0;
  let start = 0;
  busy.forEach((us, b) => {
    run = us < bucketUs / 10 ? run + 1 : 0;
    if (run >= seconds && b + 1 < busy.length) start = firstIndex[b + 1];
  });
  return start;
}

/** The module a frame belongs to: node_modules/<package>, the repository's folder (services/x, gateway, libs/x), node:<lib>. */
export function moduleOf(frame: Frame): string {
  const url = frame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(services\/[^/]+|gateway|libs\/[^/]+|bench)\//.exec(url)?.[1];
  if (own) return own;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url || `(${frame.functionName || 'native'})`;
}

function label(frame: Frame): string {
  const where = frame.url ? `${frame.url.replace(/^.*?\/(node_modules|services|gateway|libs)\//, '$1/').replace(/^file:\/\//, '')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

function filesOf(arg: string): string[] {
  if (!fs.statSync(arg).isDirectory()) return [arg];
  return fs
    .readdirSync(arg)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(arg, f));
}

/** Adds the profile's self time (µs) from sample `from` on by function and module, and the inclusive time of `pattern`'s functions. */
function tally(
  profile: Profile,
  from: number,
  self: Map<string, number>,
  byModule: Map<string, number>,
  inclusive: Map<string, number>,
  pattern?: RegExp,
): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (i < from) return;
    // A sample's time is the delta to the next sample.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id)!.callFrame;
    total += us;
    add(self, label(frame), us);
    add(byModule, frame.functionName === '(garbage collector)' || IDLE.has(frame.functionName) ? frame.functionName : moduleOf(frame), us);
    if (pattern) {
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)!.callFrame;
        const key = label(f);
        if (!seen.has(key) && pattern.test(f.functionName)) {
          seen.add(key);
          add(inclusive, key, us);
        }
      }
    }
  });
  return total;
}

function main(): void {
  const args = process.argv.slice(2);
  let top = 30;
  let pattern: RegExp | undefined;
  let quietS = 0;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--top') top = Number(args[++i]);
    else if (args[i] === '--inclusive') pattern = new RegExp(args[++i]);
    else if (args[i] === '--after-quiet') quietS = Number(args[++i]);
    else inputs.push(args[i]);
  }
  if (!inputs.length) throw new Error('usage: cpuprofile-summary.ts [--top N] [--inclusive REGEX] [--after-quiet S] <file.cpuprofile | folder> ...');
  for (const input of inputs) {
    const self = new Map<string, number>();
    const byModule = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    for (const file of filesOf(input)) {
      const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
      total += tally(profile, quietS ? afterQuiet(profile, quietS) : 0, self, byModule, inclusive, pattern);
    }
    const idle = (byModule.get('(idle)') ?? 0) + (byModule.get('(program)') ?? 0);
    const busy = Math.max(1, total - (byModule.get('(idle)') ?? 0));
    const rows = (m: Map<string, number>, n: number) =>
      [...m]
        .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
    process.stdout.write(
      [
        `== ${input}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle (idle + program ${(idle / 1e6).toFixed(1)} s); shares of the non-idle time`,
        '-- self time by module',
        ...rows(byModule, top),
        '-- self time by function',
        ...rows(self, top),
        ...(pattern ? [`-- total time under functions matching ${pattern}`, ...rows(inclusive, top)] : []),
        '',
      ].join('\n'),
    );
  }
}

main();

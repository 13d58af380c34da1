/**
 * hop-floor — what one round trip of each kind costs on this machine, one at a time, with nothing of the fleet in it:
 * the floor under the one-at-a-time quiz goal (issue 16: start + submit p99 ≤ 50 ms), whose path is a chain of such
 * round trips. Bare servers in a child process of their own (as the fleet's processes are), a client here, 127.0.0.1
 * only, keep-alive connections, one request at a time after a warm-up:
 *
 *  - HTTP/1.1 (node:http): a POST of 4 KB answered with a 15 KB JSON body (the size of a 50-question paper or result);
 *  - gRPC unary (@grpc/grpc-js, raw bytes, no protobuf): 200 B in, 15 KB out;
 *  - PostgreSQL (pg): one prepared statement; a transaction of BEGIN, a prepared INSERT, COMMIT (3 round trips);
 *  - Redis (ioredis): one EVALSHA of a trivial script (the gateway's rate limit is one).
 *
 * Then the chain of a quiz start and of a submit as the fleet makes them — counted in bench/README.md, "Where the
 * time goes" — drawn from these samples: what a start + submit cannot go under on this machine however little CPU
 * the fleet's own code takes, at the median and in the tail. Prints numbers only; no goal passes or fails here.
 *
 * Then the start skeleton (lib/start-skeleton.ts): a quiz start's hops and writes in those bare libraries, as three
 * processes, one at a time and with the 2,000-start goal's 64 clients, with the CPU per start of every process and
 * server — the floor under the two start goals in CPU, not only in latency — without, then with, the token verified in
 * each process.
 *
 *   eval "$(bash scripts/infra.sh env)" && npx tsx bench/hop-floor.ts
 *   # BENCH_HOPS (2000) round trips of each kind; BENCH_SKELETON_STARTS (2000) starts with BENCH_SKELETON_CONCURRENCY
 *   # (64) clients after BENCH_SKELETON_SEQUENTIAL (300) one at a time; BENCH_SKELETON=0 leaves the skeleton out
 */
import { hopFloorJson, hopFloorReport, measureHopFloor } from './lib/hop-floor';
import { envNumber } from './lib/infra';
import { measureStartSkeleton, startSkeletonJson, startSkeletonReport } from './lib/start-skeleton';

// The measurements remove their servers, databases and vhost themselves (lib/), also when they fail.
async function main(): Promise<void> {
  const floor = await measureHopFloor(envNumber('BENCH_HOPS', 2000, true));
  console.log(['', ...hopFloorReport(floor)].join('\n'));
  const skeletons = [];
  if (process.env.BENCH_SKELETON !== '0') {
    const load = {
      sequential: envNumber('BENCH_SKELETON_SEQUENTIAL', 300, true),
      starts: envNumber('BENCH_SKELETON_STARTS', 2000, true),
      concurrency: envNumber('BENCH_SKELETON_CONCURRENCY', 64, true),
    };
    for (const tokens of [false, true]) {
      const skeleton = await measureStartSkeleton({ ...load, tokens });
      console.log(['', ...startSkeletonReport(skeleton)].join('\n'));
      skeletons.push(startSkeletonJson(skeleton));
    }
  }
  console.log(JSON.stringify({ bench: 'hop-floor', ...hopFloorJson(floor), ...(skeletons.length ? { skeletons } : {}) }));
}

main().catch((err) => {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

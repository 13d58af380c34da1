import * as grpc from '@grpc/grpc-js';
import { GrpcServer, createClient } from '../src/grpc';
import { AppError } from '../src/errors';
import { contextFromIncoming, currentContext, runWithContext } from '../src/context';
import { eventually, expectGrpcError, testLogger } from '../src/testing';
import { Echo, type EchoDefinition } from './echo';

/** Issue 10 B5: the remaining budget travels from hop to hop, not a fresh default deadline per hop. */

const statusOf = (err: unknown) => ((err as AppError).cause as grpc.ServiceError | undefined)?.code;

describe('kit gRPC: deadlines propagate between hops', () => {
  // B sleeps as long as asked; A calls B with a generous 3 s default.
  const b = new GrpcServer({ logger: testLogger(), serviceName: 'catalog' });
  const a = new GrpcServer({ logger: testLogger(), serviceName: 'quiz' });
  let bAddress = '';
  let aAddress = '';
  const bSeen: { deadline?: number; at: number }[] = [];
  const aSeen: { deadline?: number; at: number; bError?: unknown }[] = [];

  beforeAll(async () => {
    b.addService(Echo.service as unknown as EchoDefinition, {
      Say: async (req, call) => {
        bSeen.push({ deadline: call.context.deadline, at: Date.now() });
        if (req.delay_ms) await new Promise((r) => setTimeout(r, req.delay_ms));
        return { text: req.text, request_id: '', trace_id: '', authorization: '', client_ip: '' };
      },
    });
    bAddress = `127.0.0.1:${await b.start('127.0.0.1', 0)}`;
    const toB = createClient<EchoDefinition>(Echo, bAddress, { deadlineMs: 10_000 });
    a.addService(Echo.service as unknown as EchoDefinition, {
      Say: async (req) => {
        const entry: (typeof aSeen)[number] = { deadline: currentContext()?.deadline, at: Date.now() };
        aSeen.push(entry);
        try {
          return await toB.Say({ text: req.text, delay_ms: req.delay_ms });
        } catch (err) {
          entry.bError = err;
          throw err;
        }
      },
    });
    aAddress = `127.0.0.1:${await a.start('127.0.0.1', 0)}`;
  });
  afterAll(() => Promise.all([a.stop(), b.stop()]));

  // Budgets in seconds, not milliseconds: on a loaded CI machine 300 ms could be gone before A's handler ran, and
  // then A rightly never called B (the next test) — which this test is not about.
  test('When A (1 s left) calls B, which takes 3 s, then B gets at most A\'s remaining budget, not a fresh 10 s, and both calls end DEADLINE_EXCEEDED', async () => {
    const client = createClient<EchoDefinition>(Echo, aAddress, { deadlineMs: 1000 });
    const started = Date.now();
    const err = await client.Say({ text: 'slow', delay_ms: 3000 }).catch((e: unknown) => e);
    expect(statusOf(err)).toBe(grpc.status.DEADLINE_EXCEEDED);

    const aCall = await eventually(() => {
      const entry = aSeen.find((s) => s.at >= started && s.bError !== undefined);
      if (!entry) throw new Error('A has not seen B fail yet');
      return entry;
    });
    const bCall = bSeen.find((s) => s.at >= started)!;
    // A knew its deadline, and it was the client's 1 s (not unbounded, nowhere near 10 s).
    expect(aCall.deadline).toBeDefined();
    expect(aCall.deadline!).toBeLessThan(started + 5000);
    // B saw A's deadline, not a fresh one: A passed on what it had left. The budget travels as a relative timeout
    // (grpc-timeout, whole milliseconds rounded up) that B counts from when it got the call, so B's deadline can be
    // later than A's by at most the time between A's handler starting and B's (a loaded CI box once made it 303 ms);
    // a fresh 10 s would be ~9 s later.
    expect(bCall.deadline).toBeDefined();
    expect(bCall.deadline!).toBeLessThanOrEqual(aCall.deadline! + (bCall.at - aCall.at) + 1);
    expect(bCall.deadline!).toBeLessThan(started + 5000);
    // A's call to B was cut by that deadline: with a fresh 10 s it would have succeeded after B's 3 s.
    expect(statusOf(aCall.bError)).toBe(grpc.status.DEADLINE_EXCEEDED);
    client.close();
  });

  test('When the request\'s deadline has already passed (or leaves only the margin), then the call is not made and fails DEADLINE_EXCEEDED at once', async () => {
    const client = createClient<EchoDefinition>(Echo, bAddress, { deadlineMs: 3000 });
    const before = bSeen.length;
    for (const deadline of [Date.now() - 1000, Date.now() + 5]) {
      await runWithContext(contextFromIncoming({ deadline }), async () => {
        await expectGrpcError(client.Say({ text: 'late' }), grpc.status.DEADLINE_EXCEEDED);
      });
    }
    expect(bSeen.length).toBe(before);
    client.close();
  });

  test('When there is no incoming deadline (a gateway request, an event), then the client\'s default applies, and a shorter per-call deadline still wins', async () => {
    const client = createClient<EchoDefinition>(Echo, bAddress, { deadlineMs: 3000 });
    const started = Date.now();
    await client.Say({ text: 'plain' });
    const seen = bSeen[bSeen.length - 1];
    expect(seen.deadline!).toBeGreaterThan(started + 1000); // ~3 s
    const capped = Date.now();
    await runWithContext(contextFromIncoming({ deadline: Date.now() + 60_000 }), () => client.Say({ text: 'capped' }, { deadlineMs: 500 }));
    expect(bSeen[bSeen.length - 1].deadline!).toBeLessThan(capped + 3000); // the 500 ms, not the 60 s left nor the 3 s default
    client.close();
  });
});

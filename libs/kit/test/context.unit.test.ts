import { contextFromIncoming, currentContext, formatTraceparent, newSpanId, newTraceId, parseTraceparent, runDetached, runWithContext, sanitizeRequestId } from '../src/context';
import { createEvent, parseEnvelope } from '../src/events/envelope';

describe('request context and trace propagation', () => {
  test('When a valid traceparent arrives, then the trace id is kept and a new span starts', () => {
    const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const ctx = contextFromIncoming({ traceparent: tp, requestId: 'req-1' });
    expect(ctx.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(ctx.spanId).not.toBe('00f067aa0ba902b7');
    expect(ctx.requestId).toBe('req-1');
    expect(parseTraceparent(formatTraceparent(ctx))?.traceId).toBe(ctx.traceId);
  });

  test.each([undefined, '', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-xyz-abc-01'])(
    'When the traceparent is %p, then a fresh trace starts',
    (tp) => {
      expect(parseTraceparent(tp)).toBeUndefined();
      expect(contextFromIncoming({ traceparent: tp }).traceId).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  test('When ids are made across several refills of the random pool, then each is well formed and none repeats', () => {
    // 4 KiB per refill: 3,000 ids of 24 bytes each span ~18 refills, and the pool's last bytes before a refill.
    const traces = Array.from({ length: 3000 }, () => newTraceId());
    const spans = Array.from({ length: 3000 }, () => newSpanId());
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(traces).size).toBe(traces.length);
    expect(new Set(spans).size).toBe(spans.length);
    expect(traces.some((id) => /^0+$/.test(id))).toBe(false);
  });

  test('When a caller sends a hostile request id, then it is replaced', () => {
    expect(sanitizeRequestId('a'.repeat(500))).toBeUndefined();
    expect(sanitizeRequestId('x\ninjected')).toBeUndefined();
    expect(contextFromIncoming({ requestId: 'bad id with spaces' }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('When code runs inside a context, then every await sees it', async () => {
    const ctx = contextFromIncoming({ requestId: 'r-42' });
    await runWithContext(ctx, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentContext()?.requestId).toBe('r-42');
    });
    expect(currentContext()).toBeUndefined();
  });

  test('When a request starts background work detached, then the work and its later timers carry no request context', async () => {
    const seen: (string | undefined)[] = [];
    await runWithContext(contextFromIncoming({ requestId: 'r-7' }), async () => {
      await new Promise<void>((resolve) =>
        runDetached(() => {
          seen.push(currentContext()?.requestId);
          setTimeout(() => {
            seen.push(currentContext()?.requestId);
            resolve();
          }, 1);
        }),
      );
      expect(currentContext()?.requestId).toBe('r-7');
    });
    expect(seen).toEqual([undefined, undefined]);
  });
});

describe('CloudEvents envelope', () => {
  test('When an event is created, then it is a CloudEvents 1.0 envelope with a versioned schema', () => {
    const e = createEvent({ type: 'user.registered', source: 'lms/auth', subject: 'u1', data: { a: 1 } });
    expect(e).toMatchObject({ specversion: '1.0', type: 'user.registered', source: 'lms/auth', subject: 'u1', datacontenttype: 'application/json', dataschema: 'urn:lms:events:user.registered:v1' });
    expect(parseEnvelope(Buffer.from(JSON.stringify(e)))).toEqual(e);
  });

  test('When the type is not <aggregate>.<verb>, then creating it fails', () => {
    expect(() => createEvent({ type: 'UserRegistered', source: 's', data: {} })).toThrow();
  });

  test.each(['{}', 'not json', JSON.stringify({ specversion: '0.3', id: '1', type: 'a.b', source: 's', time: 't', data: {} })])(
    'When the body is %p, then it is rejected as not an envelope',
    (raw) => expect(() => parseEnvelope(Buffer.from(raw))).toThrow(),
  );
});

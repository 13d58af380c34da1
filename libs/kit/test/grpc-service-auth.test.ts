import * as grpc from '@grpc/grpc-js';
import { GrpcServer, createClient, checkHealth, MD, signServiceToken, ServiceTokenVerifier, type CallInfo } from '../src/grpc';
import { DEV_INTERNAL_SERVICE_SECRET, ConfigError, loadInternalServiceSecret } from '../src/config';
import { contextFromIncoming, runWithContext } from '../src/context';
import { expectGrpcError, testLogger } from '../src/testing';
import { Echo, type EchoDefinition, type SayReply } from './echo';

/** Issue 10 A5: internal gRPC calls are authenticated with a signed service token; caller metadata is trusted only then. */

/** A raw grpc-js call (no kit client): what any workload on the network can send. */
function rawSay(address: string, metadata: Record<string, string>): Promise<{ code: grpc.status; reply?: SayReply }> {
  const client = new Echo(address, grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata)) md.set(key, value);
  return new Promise((resolve) => {
    (client as any).Say({ text: 'raw' }, md, { deadline: Date.now() + 2000 }, (err: grpc.ServiceError | null, reply: SayReply) => {
      client.close();
      resolve(err ? { code: err.code } : { code: grpc.status.OK, reply });
    });
  });
}

describe('kit gRPC: service-to-service authentication', () => {
  const seen: CallInfo[] = [];
  // "auth": records what its handler was given.
  const auth = new GrpcServer({ logger: testLogger(), serviceName: 'auth' });
  // "catalog": calls auth from inside its own handler.
  const catalog = new GrpcServer({ logger: testLogger(), serviceName: 'catalog' });
  let authAddress = '';
  let catalogAddress = '';

  beforeAll(async () => {
    auth.addService(Echo.service as unknown as EchoDefinition, {
      Say: async (req, call) => {
        seen.push(call);
        return { text: req.text, request_id: call.context.requestId, trace_id: call.context.traceId, authorization: call.authorization ?? '', client_ip: call.context.clientIp ?? '' };
      },
    });
    authAddress = `127.0.0.1:${await auth.start('127.0.0.1', 0)}`;
    auth.setServing(true);
    const toAuth = createClient<EchoDefinition>(Echo, authAddress, { deadlineMs: 2000 });
    catalog.addService(Echo.service as unknown as EchoDefinition, { Say: (req) => toAuth.Say({ text: `via catalog: ${req.text}` }) });
    catalogAddress = `127.0.0.1:${await catalog.start('127.0.0.1', 0)}`;
    catalog.setServing(true);
  });
  afterAll(() => Promise.all([auth.stop(), catalog.stop()]));

  const last = () => seen[seen.length - 1];

  test('When a kit client calls with a valid service token, then the call passes and its client ip, user agent and caller service reach the context', async () => {
    const client = createClient<EchoDefinition>(Echo, authAddress, { deadlineMs: 2000, caller: 'enrollment' });
    const ctx = contextFromIncoming({ requestId: 'req-a5', clientIp: '203.0.113.9', userAgent: 'curl/8' });
    const reply = await runWithContext(ctx, () => client.Say({ text: 'hi' }));
    expect(reply).toMatchObject({ text: 'hi', request_id: 'req-a5', client_ip: '203.0.113.9' });
    expect(last().callerService).toBe('enrollment');
    expect(last().context).toMatchObject({ callerService: 'enrollment', service: 'auth', clientIp: '203.0.113.9', userAgent: 'curl/8' });
    client.close();
  });

  test('When a service calls another from inside its handler, then the call is signed as that service', async () => {
    const client = createClient<EchoDefinition>(Echo, catalogAddress, { deadlineMs: 2000, caller: 'gateway' });
    const before = seen.length;
    expect((await client.Say({ text: 'x' })).text).toBe('via catalog: x');
    expect(seen.length).toBe(before + 1);
    expect(last().callerService).toBe('catalog');
    client.close();
  });

  test('When a call has no service token, then it is refused (UNAUTHENTICATED) before the handler runs, whatever x-client-ip it claims', async () => {
    const before = seen.length;
    const result = await rawSay(authAddress, { [MD.clientIp]: '198.51.100.1', [MD.requestId]: 'spoofed' });
    expect(result.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(seen.length).toBe(before);
  });

  test('When a call has a bad, foreign, expired, future or too long-lived token, then it is refused (UNAUTHENTICATED)', async () => {
    const before = seen.length;
    const now = Date.now();
    const good = signServiceToken({ service: 'gateway', secret: DEV_INTERNAL_SERVICE_SECRET });
    const bad = [
      'not-a-token',
      `${good.slice(0, -4)}AAAA`, // signature tampered
      good.replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')), // alg swapped
      signServiceToken({ service: 'gateway', secret: 'another-secret-entirely-0123456789abcdef' }),
      signServiceToken({ service: 'gateway', secret: DEV_INTERNAL_SERVICE_SECRET, nowMs: now - 10 * 60_000 }), // expired 5 min ago
      signServiceToken({ service: 'gateway', secret: DEV_INTERNAL_SERVICE_SECRET, nowMs: now + 10 * 60_000 }), // issued in the future
      signServiceToken({ service: 'gateway', secret: DEV_INTERNAL_SERVICE_SECRET, ttlSeconds: 24 * 3600 }), // lives a day
    ];
    for (const token of bad) {
      expect((await rawSay(authAddress, { [MD.serviceToken]: token, [MD.clientIp]: '198.51.100.1' })).code).toBe(grpc.status.UNAUTHENTICATED);
    }
    expect(seen.length).toBe(before);
    // the same raw call with a valid token passes: the refusals above are about the token alone
    const ok = await rawSay(authAddress, { [MD.serviceToken]: good, [MD.clientIp]: '198.51.100.1' });
    expect(ok.code).toBe(grpc.status.OK);
    expect(ok.reply?.client_ip).toBe('198.51.100.1');
  });

  test('When the client signs with another secret than the server, then its calls are refused', async () => {
    const client = createClient<EchoDefinition>(Echo, authAddress, { deadlineMs: 2000, internalSecret: 'another-secret-entirely-0123456789abcdef' });
    await expectGrpcError(client.Say({ text: 'x' }), grpc.status.UNAUTHENTICATED, 'SERVICE_AUTH.TOKEN_INVALID');
    client.close();
  });

  test('When a probe checks health, then no token is needed', async () => {
    expect(await checkHealth(authAddress)).toBe('SERVING');
  });

  test('Tokens: aud is lms-internal, cached per caller and verified once per token', () => {
    const token = signServiceToken({ service: 'quiz', secret: 's3cret' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'quiz', aud: 'lms-internal' });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
    const verifier = new ServiceTokenVerifier('s3cret');
    expect(verifier.verify(token)).toBe('quiz');
    expect(verifier.verify(token)).toBe('quiz');
    expect(verifier.verify(token, Date.now() + 10 * 60_000)).toBeUndefined(); // expired, even when cached
    expect(new ServiceTokenVerifier('other').verify(token)).toBeUndefined();
    expect(() => signServiceToken({ service: 'Not A Name', secret: 's' })).toThrow();
  });

  test('When production has no proper INTERNAL_SERVICE_SECRET, then the kit refuses it (missing, development default, placeholder, short)', () => {
    const strong = 'Hk7-Rt2_Wp9Zx4Lm8Qv3Nb6Jc1Ys5Fd0G';
    for (const value of [undefined, DEV_INTERNAL_SERVICE_SECRET, 'CHANGE-ME-to-a-random-string-of-at-least-32-characters', 'Zq4-vN8x_Lm2', 'abababababababababababababababababab']) {
      expect(() => loadInternalServiceSecret({ NODE_ENV: 'production', INTERNAL_SERVICE_SECRET: value })).toThrow(ConfigError);
    }
    expect(() => loadInternalServiceSecret({})).toThrow(/INTERNAL_SERVICE_SECRET/); // no NODE_ENV = production
    expect(loadInternalServiceSecret({ NODE_ENV: 'production', INTERNAL_SERVICE_SECRET: strong })).toBe(strong);
    expect(loadInternalServiceSecret({ NODE_ENV: 'test' })).toBe(DEV_INTERNAL_SERVICE_SECRET);
  });
});

import * as grpc from '@grpc/grpc-js';
import { CACHE_HINT_TRAILER, EncodedReply, GrpcServer, createClient, hintCacheable, type CacheHint } from '../src/grpc';
import { testLogger } from '../src/testing';
import { Echo, type EchoDefinition, type SayReply, type SayRequest } from './echo';

/** Issue 16: a unary answer's cache hint travels as a trailer to the client's onCacheHint; a cached answer can go out pre-encoded. */

const reply = (text: string): SayReply => ({ text, request_id: '', trace_id: '', authorization: '', client_ip: '' });
const hintFor = (text: string): CacheHint => ({ scope: 'public', validators: [[`gen:${text}`, '7'], ['gen:scope', null]], ttlSeconds: 30 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls Say and returns the answer with every hint the client was given for it. */
async function sayWithHints(client: { Say: (r: SayRequest, o?: { onCacheHint?: (h: CacheHint) => void }) => Promise<SayReply> }, request: SayRequest) {
  const hints: CacheHint[] = [];
  const answer = await client.Say(request, { onCacheHint: (hint) => hints.push(hint) });
  return { answer, hints };
}

describe('kit gRPC cache hints', () => {
  const server = new GrpcServer({ logger: testLogger(), serviceName: 'catalog' });
  let address = '';
  const late: Array<Promise<void>> = [];

  beforeAll(async () => {
    server.addService(Echo.service as unknown as EchoDefinition, {
      Say: async (req) => {
        // "hint-before": hints first, then waits (another call runs meanwhile); "hint-after": waits, then hints.
        if (req.text.startsWith('hint-before')) hintCacheable(hintFor(req.text));
        if (req.delay_ms) await sleep(req.delay_ms);
        if (req.text.startsWith('hint-after')) hintCacheable(hintFor(req.text));
        if (req.fail_with === 'not_found') throw new Error('after hinting');
        // A hint set once the answer is gone (work left running) must go nowhere.
        if (req.text === 'late') late.push(sleep(20).then(() => hintCacheable(hintFor('late'))));
        return reply(req.text);
      },
    });
    address = `127.0.0.1:${await server.start('127.0.0.1', 0)}`;
  });
  afterAll(() => server.stop());

  const client = () => createClient<EchoDefinition>(Echo, address, { deadlineMs: 10_000 });

  test('When a handler hints its answer, then the client gets the same hint, before the call resolves', async () => {
    const { answer, hints } = await sayWithHints(client(), { text: 'hint-after-1' });
    expect(answer.text).toBe('hint-after-1');
    expect(hints).toEqual([hintFor('hint-after-1')]);
  });

  test('When onCacheHint throws, then the call fails with its error (never left pending)', async () => {
    const refuse = () => {
      throw new Error('hint refused');
    };
    const failing = client().Say({ text: 'hint-after-throw' }, { onCacheHint: refuse });
    await expect(failing).rejects.toThrow('hint refused');
  });

  test('When a handler sets no hint, then onCacheHint is not called (and a call without it works as before)', async () => {
    expect((await sayWithHints(client(), { text: 'plain' })).hints).toEqual([]);
    expect((await client().Say({ text: 'plain' })).text).toBe('plain');
  });

  test('When a handler hints and then fails, then the failure carries no hint', async () => {
    const hints: CacheHint[] = [];
    await expect(client().Say({ text: 'hint-before-fail', fail_with: 'not_found' }, { onCacheHint: (h) => hints.push(h) })).rejects.toMatchObject({ kind: 'internal' });
    expect(hints).toEqual([]);
  });

  test('When calls run interleaved, then each gets only its own hint, and a hint set after the answer goes nowhere', async () => {
    const c = client();
    const results = await Promise.all([
      sayWithHints(c, { text: 'hint-before-a', delay_ms: 60 }),
      sayWithHints(c, { text: 'plain-b', delay_ms: 30 }),
      sayWithHints(c, { text: 'hint-after-c', delay_ms: 10 }),
      sayWithHints(c, { text: 'plain-d', delay_ms: 90 }),
      sayWithHints(c, { text: 'late' }),
    ]);
    expect(results.map((r) => r.hints)).toEqual([[hintFor('hint-before-a')], [], [hintFor('hint-after-c')], [], []]);
    await Promise.all(late);
    expect((await sayWithHints(c, { text: 'plain-e' })).hints).toEqual([]);
  });

  test('When a hint is invalid, then hintCacheable refuses it', () => {
    expect(() => hintCacheable({ scope: 'private' as 'public', validators: [['k', '1']], ttlSeconds: 5 })).toThrow(/Invalid cache hint/);
    expect(() => hintCacheable({ scope: 'public', validators: [], ttlSeconds: 5 })).toThrow(/Invalid cache hint/);
    expect(() => hintCacheable({ scope: 'public', validators: [['k', '1']], ttlSeconds: 0 })).toThrow(/Invalid cache hint/);
  });

  describe('a server sending its own trailers', () => {
    // A plain grpc-js server: it ignores the service token and answers with whatever trailer the test asks for.
    const raw = new grpc.Server();
    let rawAddress = '';
    beforeAll(async () => {
      raw.addService(Echo.service, {
        Say: (call: grpc.ServerUnaryCall<SayRequest, SayReply>, callback: grpc.sendUnaryData<SayReply>) => {
          const trailer = new grpc.Metadata();
          trailer.set(CACHE_HINT_TRAILER, call.request.text ?? '');
          callback(null, reply('raw'), trailer);
        },
      });
      rawAddress = await new Promise<string>((resolve, reject) =>
        raw.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(`127.0.0.1:${port}`))),
      );
    });
    afterAll(() => new Promise<void>((resolve) => raw.tryShutdown(() => resolve())));

    test.each([
      ['not JSON', '{nope'],
      ['another scope', JSON.stringify({ ...hintFor('x'), scope: 'user' })],
      ['no validators', JSON.stringify({ ...hintFor('x'), validators: [] })],
      ['a validator that is not a pair', JSON.stringify({ ...hintFor('x'), validators: [['k']] })],
      ['a numeric validator value', JSON.stringify({ ...hintFor('x'), validators: [['k', 7]] })],
      ['a negative ttl', JSON.stringify({ ...hintFor('x'), ttlSeconds: -1 })],
    ])('When the trailer is malformed (%s), then it is ignored and the answer still arrives', async (_what, trailer) => {
      const { answer, hints } = await sayWithHints(createClient<EchoDefinition>(Echo, rawAddress, { deadlineMs: 10_000 }), { text: trailer });
      expect(answer.text).toBe('raw');
      expect(hints).toEqual([]);
    });

    test('When the trailer is a valid hint, then the client takes it', async () => {
      const { hints } = await sayWithHints(createClient<EchoDefinition>(Echo, rawAddress, { deadlineMs: 10_000 }), { text: JSON.stringify(hintFor('raw')) });
      expect(hints).toEqual([hintFor('raw')]);
    });
  });
});

describe('kit gRPC: an answer already encoded', () => {
  const server = new GrpcServer({ logger: testLogger(), serviceName: 'catalog' });
  let address = '';
  const say = (Echo.service as unknown as EchoDefinition).Say;

  beforeAll(async () => {
    server.addService(Echo.service as unknown as EchoDefinition, {
      // As a cache keeps it: the reply's bytes, encoded once by the method's own serializer.
      Say: async (req) => (req.text === 'object' ? reply('as an object') : new EncodedReply<SayReply>(say.responseSerialize(reply(`encoded ${req.text}`)))),
    });
    address = `127.0.0.1:${await server.start('127.0.0.1', 0)}`;
  });
  afterAll(() => server.stop());

  test('When a handler answers an EncodedReply, then the caller decodes the same message; a plain object still works', async () => {
    const client = createClient<EchoDefinition>(Echo, address, { deadlineMs: 10_000 });
    expect(await client.Say({ text: 'bytes' })).toEqual(reply('encoded bytes'));
    expect(await client.Say({ text: 'object' })).toEqual(reply('as an object'));
  });
});

import * as grpc from '@grpc/grpc-js';
import { GrpcServer, createClient, checkHealth } from '../src/grpc';
import { AppError, NotFoundError, ValidationError } from '../src/errors';
import { contextFromIncoming, currentContext, runWithContext } from '../src/context';
import { testLogger } from '../src/testing';
import { Echo, type EchoDefinition } from './echo';

describe('kit gRPC server and client', () => {
  const server = new GrpcServer({ logger: testLogger() });
  let address = '';

  beforeAll(async () => {
    server.addService(Echo.service as unknown as EchoDefinition, {
      Say: async (req, call) => {
        if (req.delay_ms) await new Promise((r) => setTimeout(r, req.delay_ms));
        if (req.fail_with === 'not_found') throw new NotFoundError('No such thing', 'THING.NOT_FOUND');
        if (req.fail_with === 'validation') throw new ValidationError('Bad input', [{ loc: ['text'], msg: 'too long' }]);
        if (req.fail_with === 'crash') throw new Error('secret internal detail');
        if (req.fail_with === 'arabic') throw new ValidationError('العنوان غير صالح', [{ loc: ['title'], msg: 'قصير جدًا — too short' }]);
        return {
          text: req.text,
          request_id: currentContext()!.requestId,
          trace_id: currentContext()!.traceId,
          authorization: call.authorization ?? '',
          client_ip: call.context.clientIp ?? '',
        };
      },
    });
    const port = await server.start('127.0.0.1', 0);
    address = `127.0.0.1:${port}`;
  });
  afterAll(() => server.stop());

  const client = () => createClient<EchoDefinition>(Echo, address, { deadlineMs: 2000 });

  test('When the server is not ready yet, then health says NOT_SERVING, and SERVING after', async () => {
    expect(await checkHealth(address)).toBe('NOT_SERVING');
    server.setServing(true);
    expect(await checkHealth(address)).toBe('SERVING');
  });

  test('When a call is made inside a request, then request id, trace and token travel as metadata', async () => {
    const ctx = contextFromIncoming({ requestId: 'req-abc', authorization: 'Bearer a.b.c', clientIp: '10.1.2.3' });
    const reply = await runWithContext(ctx, () => client().Say({ text: 'hi' }));
    expect(reply).toEqual({ text: 'hi', request_id: 'req-abc', trace_id: ctx.traceId, authorization: 'Bearer a.b.c', client_ip: '10.1.2.3' });
  });

  test('When a handler throws a typed error, then the caller gets the same kind, code and fields', async () => {
    await expect(client().Say({ fail_with: 'not_found' })).rejects.toMatchObject({ kind: 'not_found', code: 'THING.NOT_FOUND', message: 'No such thing' });
    const err = (await client().Say({ fail_with: 'validation' }).catch((e) => e)) as AppError;
    expect(err.kind).toBe('invalid_argument');
    expect(err.fields).toEqual([{ loc: ['text'], msg: 'too long' }]);
  });

  test('When an error carries non-ASCII text, then it still arrives intact (and does not hang the call)', async () => {
    const err = (await client().Say({ fail_with: 'arabic' }).catch((e) => e)) as AppError;
    expect(err.kind).toBe('invalid_argument');
    expect(err.message).toBe('العنوان غير صالح');
    expect(err.fields).toEqual([{ loc: ['title'], msg: 'قصير جدًا — too short' }]);
  });

  test('When a handler crashes, then the caller sees INTERNAL without the internal detail', async () => {
    const err = (await client().Say({ fail_with: 'crash' }).catch((e) => e)) as AppError;
    expect(err.kind).toBe('internal');
    expect(err.message).not.toMatch(/secret/);
  });

  test('When a call exceeds its deadline, then it fails as unavailable instead of hanging', async () => {
    const err = (await client().Say({ delay_ms: 500 }, { deadlineMs: 50 }).catch((e) => e)) as AppError;
    expect(err.kind).toBe('unavailable');
  });

  test('When nothing listens at the address, then the call fails as unavailable', async () => {
    const dead = createClient<EchoDefinition>(Echo, '127.0.0.1:1', { deadlineMs: 300 });
    await expect(dead.Say({ text: 'x' })).rejects.toMatchObject({ kind: 'unavailable' });
    dead.close();
  });
});

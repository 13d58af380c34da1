import { status } from '@grpc/grpc-js';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  grpcStatusForKind,
  httpStatusForGrpc,
  httpStatusForKind,
  kindForGrpcStatus,
  toAppError,
  type ErrorKind,
} from '../src/errors';

describe('error mapping', () => {
  const table: [ErrorKind, status, number][] = [
    ['invalid_argument', status.INVALID_ARGUMENT, 422],
    ['unauthenticated', status.UNAUTHENTICATED, 401],
    ['permission_denied', status.PERMISSION_DENIED, 403],
    ['not_found', status.NOT_FOUND, 404],
    ['conflict', status.ALREADY_EXISTS, 409],
    ['failed_precondition', status.FAILED_PRECONDITION, 409],
    ['resource_exhausted', status.RESOURCE_EXHAUSTED, 429],
    ['unavailable', status.UNAVAILABLE, 503],
    ['internal', status.INTERNAL, 500],
  ];

  test.each(table)('When the kind is %s, then gRPC is %s and HTTP is %s', (kind, grpcCode, http) => {
    expect(grpcStatusForKind(kind)).toBe(grpcCode);
    expect(httpStatusForGrpc(grpcCode)).toBe(http);
    expect(httpStatusForKind(kind)).toBe(http);
    expect(kindForGrpcStatus(grpcCode)).toBe(kind);
  });

  test('When a deadline is exceeded, then callers see it as unavailable and HTTP 504', () => {
    expect(kindForGrpcStatus(status.DEADLINE_EXCEEDED)).toBe('unavailable');
    expect(httpStatusForGrpc(status.DEADLINE_EXCEEDED)).toBe(504);
  });

  // The kit writes the numbers out (so @lms/kit/errors loads without grpc-js): each mapped code against grpc-js's enum.
  test.each([
    [status.OK, 'internal', 200],
    [status.CANCELLED, 'unavailable', 500],
    [status.ABORTED, 'conflict', 409],
    [status.OUT_OF_RANGE, 'invalid_argument', 422],
    [status.UNIMPLEMENTED, 'internal', 501],
    [status.UNKNOWN, 'internal', 500],
    [status.DATA_LOSS, 'internal', 500],
  ] as [status, ErrorKind, number][])('When gRPC answers %s, then the kind is %s and HTTP is %s', (grpcCode, kind, http) => {
    expect(kindForGrpcStatus(grpcCode)).toBe(kind);
    expect(httpStatusForGrpc(grpcCode)).toBe(http);
  });

  test('When an unknown error is normalised, then it becomes internal and keeps the cause', () => {
    const cause = new TypeError('boom');
    const err = toAppError(cause);
    expect(err).toBeInstanceOf(AppError);
    expect(err.kind).toBe('internal');
    expect(err.code).toBe('INTERNAL');
    expect(err.cause).toBe(cause);
  });

  test('When typed errors are built, then they carry stable codes and field errors', () => {
    expect(new NotFoundError('no', 'USER.NOT_FOUND').code).toBe('USER.NOT_FOUND');
    expect(new ConflictError('dup', 'AUTH.EMAIL_TAKEN').kind).toBe('conflict');
    const v = new ValidationError('bad', [{ loc: ['email'], msg: 'invalid' }]);
    expect(v.kind).toBe('invalid_argument');
    expect(v.fields).toEqual([{ loc: ['email'], msg: 'invalid' }]);
    expect(toAppError(v)).toBe(v);
  });
});

describe('connection failures are unavailable, not internal', () => {
  test.each([
    ['Sequelize connection refused', { name: 'SequelizeConnectionRefusedError', parent: { code: 'ECONNREFUSED' } }],
    ['shutting down (57P03) under a Sequelize wrapper', { name: 'SequelizeDatabaseError', parent: { code: '57P03', message: 'the database system is shutting down' } }],
    ['administrator command (57P01)', { name: 'SequelizeDatabaseError', original: { code: '57P01' } }],
    ['too many connections (53300)', { code: '53300' }],
    ['node-postgres: the connection died under the query', { name: 'SequelizeDatabaseError', parent: { message: 'Connection terminated unexpectedly' } }],
    ['node-postgres: a client that had a connection error', { name: 'SequelizeDatabaseError', parent: { message: 'Client has encountered a connection error and is not queryable' } }],
  ])('%s → unavailable', (_label, err) => {
    expect(toAppError(err).kind).toBe('unavailable');
  });

  test.each([
    ['a syntax error (42601)', { name: 'SequelizeDatabaseError', parent: { code: '42601' } }],
    ['a unique violation (23505)', { name: 'SequelizeUniqueConstraintError', parent: { code: '23505' } }],
    ['a plain Error', new Error('boom')],
  ])('%s → internal', (_label, err) => {
    expect(toAppError(err).kind).toBe('internal');
  });
});

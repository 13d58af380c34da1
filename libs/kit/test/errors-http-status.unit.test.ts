import { AppError, httpStatusForError, httpStatusForKind, NotFoundError, RateLimitedError, ValidationError } from '../src/errors';

/** Issue 14: the few failures whose HTTP status no gRPC kind names get it from their code; the rest from their kind. */
describe('httpStatusForError', () => {
  test.each([
    ['MEDIA.FILE_TOO_LARGE', 'invalid_argument', 413],
    ['MEDIA.QUOTA_EXCEEDED', 'failed_precondition', 413],
    ['MEDIA.UNSUPPORTED_TYPE', 'invalid_argument', 415],
    ['MEDIA.CONTENT_MISMATCH', 'invalid_argument', 415],
    ['MEDIA.RANGE_NOT_SATISFIABLE', 'invalid_argument', 416],
  ] as const)('When the code is %s (kind %s), then the status is %i', (code, kind, status) => {
    expect(httpStatusForError(new AppError(kind, 'refused', { code }))).toBe(status);
  });

  test('When the code has no refinement, then the kind decides, exactly as httpStatusForKind', () => {
    expect(httpStatusForError(new AppError('invalid_argument', 'The PNG file is incomplete (truncated)', { code: 'MEDIA.TRUNCATED_FILE' }))).toBe(422);
    expect(httpStatusForError(new AppError('not_found', 'File not found', { code: 'MEDIA.FILE_NOT_FOUND' }))).toBe(404);
    expect(httpStatusForError(new AppError('failed_precondition', 'Not pending', { code: 'MEDIA.UPLOAD_NOT_PENDING' }))).toBe(409);
    expect(httpStatusForError(new ValidationError('Bad input'))).toBe(422);
    expect(httpStatusForError(new NotFoundError())).toBe(404);
    expect(httpStatusForError(new RateLimitedError('Slow down', 10))).toBe(429);
    for (const kind of ['invalid_argument', 'unauthenticated', 'permission_denied', 'not_found', 'conflict', 'failed_precondition', 'resource_exhausted', 'unavailable', 'internal'] as const) {
      expect(httpStatusForError(new AppError(kind, 'x'))).toBe(httpStatusForKind(kind));
    }
  });

  test('When a code only looks like a refined one (prototype keys, other case), then it is not refined', () => {
    expect(httpStatusForError(new AppError('invalid_argument', 'x', { code: 'constructor' }))).toBe(422);
    expect(httpStatusForError(new AppError('invalid_argument', 'x', { code: 'media.file_too_large' }))).toBe(422);
  });
});

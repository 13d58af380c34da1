import { AppError, FieldChecker, PAGING, remoteFailure, totalPages } from '../src/errors';
import { fromProtoTime, protoTime } from '../src/grpc/messages';
import { toCloudEvent } from '../src/events';

describe('Paging (one rule for every list)', () => {
  it('When page and page_size are not sent (0), then the first page of the default size', () => {
    const check = new FieldChecker();
    expect(check.paging(0, 0)).toEqual({ page: 1, pageSize: PAGING.pageSizeDefault, offset: 0 });
    expect(check.ok).toBe(true);
  });

  it('When they are in range, then they are kept and the offset follows', () => {
    const check = new FieldChecker();
    expect(check.paging(3, 100)).toEqual({ page: 3, pageSize: 100, offset: 200 });
    expect(check.ok).toBe(true);
  });

  it.each([
    [-1, 20, 'page'],
    [1.5, 20, 'page'],
    [PAGING.pageMax + 1, 20, 'page'],
    [1, -5, 'page_size'],
    [1, 101, 'page_size'],
    [1, 2.5, 'page_size'],
  ])('When page=%p and page_size=%p, then %s is refused with the same message everywhere', (page, size, field) => {
    const check = new FieldChecker();
    check.paging(page, size);
    expect(check.errors).toEqual([{ loc: [field], msg: field === 'page' ? 'must be between 1 and 1000000' : 'must be between 1 and 100' }]);
  });

  it('When counting pages, then a partial page counts and an empty list has none', () => {
    expect(totalPages(0, 20)).toBe(0);
    expect(totalPages(41, 20)).toBe(3);
  });
});

describe('Remote failures', () => {
  const unavailable = (cause: unknown) => new AppError('unavailable', 'Catalog is unavailable', { code: 'X.CATALOG_UNAVAILABLE', cause });

  it("When the other service answered with a meaningful error, then it keeps its meaning", () => {
    const notFound = new AppError('not_found', 'Course not found', { code: 'CATALOG.COURSE_NOT_FOUND' });
    expect(remoteFailure(notFound, unavailable)).toBe(notFound);
  });

  it('When it could not be reached or failed internally, then it is our own unavailable error', () => {
    for (const err of [new AppError('unavailable', 'down'), new AppError('internal', 'boom'), new Error('socket hang up')]) {
      const mapped = remoteFailure(err, unavailable);
      expect(mapped.kind).toBe('unavailable');
      expect(mapped.code).toBe('X.CATALOG_UNAVAILABLE');
    }
  });
});

describe('Timestamps on the wire and events', () => {
  it('When a date is present, then ISO-8601 UTC; absent, then ""; and back', () => {
    const at = new Date('2026-12-04T10:00:00.123Z');
    expect(protoTime(at)).toBe('2026-12-04T10:00:00.123Z');
    expect(protoTime(null)).toBe('');
    expect(protoTime(undefined)).toBe('');
    expect(fromProtoTime('2026-12-04T10:00:00.123Z')?.getTime()).toBe(at.getTime());
    expect(fromProtoTime('')).toBeNull();
    expect(fromProtoTime('not a date')).toBeNull();
  });

  it('When a domain event is enveloped, then it carries the source, subject, time and schema version', () => {
    const event = toCloudEvent('lms/quiz', { type: 'attempt.started', subject: 'a1', data: { x: 1 }, time: new Date('2026-01-01T00:00:00Z'), version: 2 });
    expect(event).toMatchObject({ source: 'lms/quiz', type: 'attempt.started', subject: 'a1', time: '2026-01-01T00:00:00.000Z', dataschema: 'urn:lms:events:attempt.started:v2', data: { x: 1 } });
  });
});

import { NO_RANGE, contentRange, ifRangeAllows, noneMatchSatisfied, parseRange } from '../src/presentation/ranges';

describe('download ranges and validators (pure)', () => {
  it('parses the three single-range forms', () => {
    expect(parseRange('bytes=0-99')).toEqual({ has_range: true, range_start: 0, range_end: 99, suffix_length: 0 });
    expect(parseRange('bytes=100-')).toEqual({ has_range: true, range_start: 100, range_end: -1, suffix_length: 0 });
    expect(parseRange('bytes=-500')).toEqual({ has_range: true, range_start: 0, range_end: -1, suffix_length: 500 });
    expect(parseRange(' Bytes = 5 - 5 ')).toEqual({ has_range: true, range_start: 5, range_end: 5, suffix_length: 0 });
  });

  it('ignores what it cannot serve as one range (the whole file is sent)', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'bytes=-0', 'bytes=9-3', 'items=0-1', 'bytes=0-1,5-9', 'bytes=a-b', 'bytes=1234567890123456-']) {
      expect(parseRange(header)).toEqual(NO_RANGE);
    }
  });

  it('If-None-Match: weak comparison, lists and *', () => {
    const etag = '"f1"';
    expect(noneMatchSatisfied('"f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('W/"f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('"x", "f1"', etag)).toBe(true);
    expect(noneMatchSatisfied('*', etag)).toBe(true);
    expect(noneMatchSatisfied('"f2"', etag)).toBe(false);
    expect(noneMatchSatisfied(undefined, etag)).toBe(false);
    expect(noneMatchSatisfied('"f1"', '')).toBe(false);
  });

  it('If-Range: only an equal strong tag keeps the range', () => {
    expect(ifRangeAllows(undefined, '"f1"')).toBe(true);
    expect(ifRangeAllows('"f1"', '"f1"')).toBe(true);
    expect(ifRangeAllows('"f2"', '"f1"')).toBe(false);
    expect(ifRangeAllows('W/"f1"', '"f1"')).toBe(false);
    expect(ifRangeAllows('Fri, 04 Dec 2026 10:00:00 GMT', '"f1"')).toBe(false);
  });

  it('Content-Range of a 206 and of a 416', () => {
    expect(contentRange(1000, { start: 0, end: 99 })).toBe('bytes 0-99/1000');
    expect(contentRange(1000)).toBe('bytes */1000');
  });
});

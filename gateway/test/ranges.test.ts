import { NO_RANGE, contentRange, parseRange } from '../src/presentation/ranges';

describe('download ranges (pure; the validators are media\'s: services/media/test/downloads.test.ts)', () => {
  it('parses the three single-range forms', () => {
    expect(parseRange('bytes=0-99')).toEqual({ has_range: true, range_start: 0, range_end: 99, suffix_length: 0 });
    expect(parseRange('bytes=100-')).toEqual({ has_range: true, range_start: 100, range_end: -1, suffix_length: 0 });
    expect(parseRange('bytes=-500')).toEqual({ has_range: true, range_start: 0, range_end: -1, suffix_length: 500 });
    expect(parseRange(' Bytes = 5 - 5 ')).toEqual({ has_range: true, range_start: 5, range_end: 5, suffix_length: 0 });
    expect(parseRange('bytes=0-0')).toEqual({ has_range: true, range_start: 0, range_end: 0, suffix_length: 0 });
    // 15 digits still parse exactly (media cuts the end to the file / answers 416 for the start).
    expect(parseRange('bytes=0-999999999999999')).toEqual({ has_range: true, range_start: 0, range_end: 999999999999999, suffix_length: 0 });
    expect(parseRange('bytes=999999999999999-')).toEqual({ has_range: true, range_start: 999999999999999, range_end: -1, suffix_length: 0 });
  });

  it('ignores what it cannot serve as one range (the whole file is sent)', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'bytes=-0', 'bytes=9-3', 'items=0-1', 'bytes=0-1,5-9', 'bytes=a-b', 'bytes=1234567890123456-']) {
      expect(parseRange(header)).toEqual(NO_RANGE);
    }
  });

  it('Content-Range of a 206 and of a 416', () => {
    expect(contentRange(1000, { start: 0, end: 99 })).toBe('bytes 0-99/1000');
    expect(contentRange(1000)).toBe('bytes */1000');
  });
});

import { resolveRange } from '../src/domain/byte-range';

const ask = (start: number, end: number) => ({ hasRange: true, start, end, suffixLength: 0 });

describe('resolveRange (RFC 9110 single ranges)', () => {
  it('serves the whole file without a range', () => {
    expect(resolveRange(10, { hasRange: false, start: 0, end: 0, suffixLength: 0 })).toEqual({ start: 0, end: 9, partial: false });
  });
  it('cuts an end past the file, reads an open end to the last byte', () => {
    expect(resolveRange(10, ask(2, 99))).toEqual({ start: 2, end: 9, partial: true });
    expect(resolveRange(10, ask(9, -1))).toEqual({ start: 9, end: 9, partial: true });
  });
  it('takes a suffix, the whole file when the suffix is longer', () => {
    expect(resolveRange(10, { hasRange: false, start: 0, end: 0, suffixLength: 3 })).toEqual({ start: 7, end: 9, partial: true });
    expect(resolveRange(10, { hasRange: true, start: 0, end: 0, suffixLength: 50 })).toEqual({ start: 0, end: 9, partial: true });
  });
  it('refuses a start at or past the end, or after its own end', () => {
    expect(resolveRange(10, ask(10, -1))).toBeNull();
    expect(resolveRange(10, ask(5, 4))).toBeNull();
    expect(resolveRange(10, ask(-1, 4))).toBeNull();
  });
});

import { CERTIFICATE_NUMBER_PATTERN, certificateNumber, normaliseCertificateNumber } from '../src/domain/numbering';

describe('certificate numbers', () => {
  test('CERT-<UTC date of issue>-<4 random bytes, upper-case hex>', () => {
    // 23:30 on the 17th in UTC-5 is already the 18th in UTC: the date is UTC's
    const issuedAt = new Date('2026-02-18T04:30:00Z');
    expect(certificateNumber(issuedAt, Buffer.from([0xab, 0x01, 0xcd, 0xef]))).toBe('CERT-20260218-AB01CDEF');
    expect(certificateNumber(new Date('2026-12-31T23:59:59.999Z'), Buffer.from([0, 0, 0, 1]))).toBe('CERT-20261231-00000001');
    expect(() => certificateNumber(issuedAt, Buffer.alloc(3))).toThrow(RangeError);
  });

  test('the format the verifier accepts is exactly the one issued', () => {
    expect(CERTIFICATE_NUMBER_PATTERN.test('CERT-20260217-ABC12345')).toBe(true);
    // the seed documentation's 6-character example is not a number we issue
    expect(CERTIFICATE_NUMBER_PATTERN.test('CERT-20260217-ABC123')).toBe(false);
    expect(CERTIFICATE_NUMBER_PATTERN.test('CERT-2026021-ABC12345')).toBe(false);
    expect(CERTIFICATE_NUMBER_PATTERN.test('CERT-20260217-ABC1234G')).toBe(false);
  });

  test('a typed number is trimmed and upper-cased; anything else is not a number', () => {
    expect(normaliseCertificateNumber('  cert-20260217-abc12345 \n')).toBe('CERT-20260217-ABC12345');
    expect(normaliseCertificateNumber('')).toBeNull();
    expect(normaliseCertificateNumber("CERT-20260217-ABC12345' OR 1=1")).toBeNull();
    expect(normaliseCertificateNumber('CERT-20260217-ABC12345-X')).toBeNull();
    expect(normaliseCertificateNumber('x'.repeat(10_000))).toBeNull();
  });
});

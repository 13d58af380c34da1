import { checkUploadUrl, localContentUrl, signUploadUrl } from '../../src/domain/upload-url-signature';

const SECRET = 'unit-test-secret-0123456789abcdef';
const ID = '5b0c7a5e-0f5e-4d7a-9a57-3c1f0b1c2d3e';
const NOW = new Date('2026-12-04T12:00:00.000Z');
const inSeconds = (s: number) => Math.floor(NOW.getTime() / 1000) + s;

describe('direct-upload URL signature', () => {
  it('is HMAC-SHA256 of "<id>.<expires>" in hex, and verifies until it expires', () => {
    const expires = inSeconds(60);
    const signature = signUploadUrl(SECRET, ID, expires);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature }, NOW)).toBe('valid');
  });

  it('refuses a tampered signature, another upload id, another expiry or another secret', () => {
    const expires = inSeconds(60);
    const signature = signUploadUrl(SECRET, ID, expires);
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature: flipped }, NOW)).toBe('invalid');
    expect(checkUploadUrl(SECRET, { uploadId: ID.replace('5b0c', '5b0d'), expires, signature }, NOW)).toBe('invalid');
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires: expires + 3600, signature }, NOW)).toBe('invalid');
    expect(checkUploadUrl('another-secret', { uploadId: ID, expires, signature }, NOW)).toBe('invalid');
  });

  it('refuses malformed signatures without throwing (wrong length, upper case, not hex, empty)', () => {
    const expires = inSeconds(60);
    const signature = signUploadUrl(SECRET, ID, expires);
    for (const bad of [signature.slice(2), `${signature}00`, signature.toUpperCase(), 'z'.repeat(64), '']) {
      expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature: bad }, NOW)).toBe('invalid');
    }
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires: 0, signature }, NOW)).toBe('invalid');
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires: Number.NaN, signature }, NOW)).toBe('invalid');
  });

  it('an expired URL is expired (at the second it names), a forged expired one is invalid', () => {
    const expires = inSeconds(0);
    const signature = signUploadUrl(SECRET, ID, expires);
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature }, NOW)).toBe('expired');
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature: '0'.repeat(64) }, NOW)).toBe('invalid');
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires: inSeconds(1), signature: signUploadUrl(SECRET, ID, inSeconds(1)) }, NOW)).toBe('valid');
  });

  it('the local content URL points at the gateway route with the signed fields', () => {
    const expires = inSeconds(3600);
    const url = new URL(localContentUrl('http://localhost:8080/', SECRET, ID, expires));
    expect(url.origin).toBe('http://localhost:8080');
    expect(url.pathname).toBe(`/api/v1/files/direct-uploads/${ID}/content`);
    expect(url.searchParams.get('expires')).toBe(String(expires));
    const signature = url.searchParams.get('signature')!;
    expect(checkUploadUrl(SECRET, { uploadId: ID, expires, signature }, NOW)).toBe('valid');
  });
});

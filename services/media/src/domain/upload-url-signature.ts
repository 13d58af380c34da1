import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The local provider's direct-upload content URL is authorised by its own query string: an HMAC-SHA256 of
 * "<upload id>.<expires>" under MEDIA_URL_SIGNING_SECRET. Whoever holds the URL may PUT the bytes until it
 * expires — the same bearer semantics as an S3 presigned PUT — so no user token travels with the body.
 */
export interface SignedUploadUrlFields {
  uploadId: string;
  /** Unix seconds. */
  expires: number;
  /** Lowercase hex. */
  signature: string;
}

export type SignatureCheck = 'valid' | 'invalid' | 'expired';

export function signUploadUrl(secret: string, uploadId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${uploadId}.${expires}`).digest('hex');
}

/**
 * A bad signature is reported before expiry: a forged URL must not learn whether its expiry was plausible.
 * The comparison is timing-safe; a signature of the wrong length or not hex is simply invalid.
 */
export function checkUploadUrl(secret: string, fields: SignedUploadUrlFields, now: Date): SignatureCheck {
  if (!Number.isSafeInteger(fields.expires) || fields.expires <= 0) return 'invalid';
  if (!/^[0-9a-f]{64}$/.test(fields.signature)) return 'invalid';
  const expected = Buffer.from(signUploadUrl(secret, fields.uploadId, fields.expires), 'hex');
  const given = Buffer.from(fields.signature, 'hex');
  if (!timingSafeEqual(expected, given)) return 'invalid';
  return now.getTime() >= fields.expires * 1000 ? 'expired' : 'valid';
}

/** `${publicApiUrl}/api/v1/files/direct-uploads/<id>/content?expires=<unix>&signature=<hex>` — served by the gateway. */
export function localContentUrl(publicApiUrl: string, secret: string, uploadId: string, expires: number): string {
  const base = publicApiUrl.replace(/\/+$/, '');
  const signature = signUploadUrl(secret, uploadId, expires);
  return `${base}/api/v1/files/direct-uploads/${encodeURIComponent(uploadId)}/content?expires=${expires}&signature=${signature}`;
}

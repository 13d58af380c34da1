import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
/** HKDF info label: this key seals one-time tokens in events and nothing else (the signing-key store derives its own by scrypt). */
const HKDF_INFO = 'lms-auth/one-time-token-in-event/v1';
/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url (the zod schemas of the events check this shape). */
export const SEALED_TOKEN_PATTERN = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{1,200}$/;
/** The same envelope for a sealed email address (at most 254 characters: 339 in base64url). */
export const SEALED_EMAIL_PATTERN = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{1,400}$/;

/**
 * Seals the raw one-time tokens (password reset, email verification) that travel to auth's own mail
 * consumer inside events: any subscriber of the exchange may read an event, none but auth can open the
 * token. AES-256-GCM under a key derived by HKDF-SHA256 from SIGNING_KEY_ENCRYPTION_SECRET with its own
 * info label; the user id and purpose are bound as additional data, so a sealed token cannot be moved
 * into another user's or another purpose's event. It also seals the previous address of a
 * `user.profile_changed` (purpose `previous_email`) for the "your email was changed" notice: same key, the
 * purpose in the additional data keeps the two apart.
 */
export class TokenSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (!secret) throw new Error('TokenSealer needs a secret');
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32));
  }

  seal(token: string, binding: { userId: string; purpose: string }): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(binding));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the envelope is malformed, tampered with, sealed under another secret or for another user/purpose. */
  unseal(sealed: string, binding: { userId: string; purpose: string }): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Unknown sealed token format');
    const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}

const aad = (binding: { userId: string; purpose: string }) => Buffer.from(`${binding.purpose}:${binding.userId}`, 'utf8');

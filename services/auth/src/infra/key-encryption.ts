import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

const VERSION = 'v1';

/**
 * Encrypts signing keys at rest: AES-256-GCM with a key derived by scrypt from
 * SIGNING_KEY_ENCRYPTION_SECRET and a per-record salt. The key id is bound as additional
 * authenticated data, so a ciphertext cannot be moved to another key's row.
 * Format: v1.<salt>.<iv>.<tag>.<ciphertext>, each part base64url.
 */
export class KeyEncryption {
  private readonly derived = new Map<string, Promise<Buffer>>();

  constructor(private readonly secret: string) {
    if (!secret) throw new Error('KeyEncryption needs a secret');
  }

  async encrypt(plaintext: string, aad: string): Promise<string> {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = await this.key(salt);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, salt, iv, tag, ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the secret is wrong, the record was tampered with or belongs to another key id. */
  async decrypt(envelope: string, aad: string): Promise<string> {
    const parts = envelope.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('Unknown signing key envelope format');
    const [salt, iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    const key = await this.key(salt);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  private key(salt: Buffer): Promise<Buffer> {
    const id = salt.toString('base64url');
    let key = this.derived.get(id);
    if (!key) {
      key = scrypt(this.secret, salt, 32);
      this.derived.set(id, key);
    }
    return key;
  }
}

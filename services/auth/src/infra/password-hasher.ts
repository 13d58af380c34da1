import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';

/**
 * bcrypt (bcryptjs) with the cost from config. bcrypt reads only the first 72 bytes of its input,
 * so the password is first reduced to its SHA-256 (base64, 44 ASCII bytes): every character of a
 * 128-character password counts, and no input contains a NUL byte.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly cost: number) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(prehash(password), this.cost);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(prehash(password), hash);
  }

  /**
   * Burns the same time as a real comparison when the account does not exist, so response times
   * do not reveal which emails are registered.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= bcrypt.hash(prehash('dummy password for timing'), this.cost);
    await bcrypt.compare(prehash(password), await this.dummy);
    return false;
  }
}

function prehash(password: string): string {
  return createHash('sha256').update(password.normalize('NFC'), 'utf8').digest('base64');
}

import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type JSONWebKeySet,
  type JWK,
  type KeyLike,
} from 'jose';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '@lms/kit/logging';
import type { KeyEncryption } from './key-encryption';

export const SIGNING_ALG = 'EdDSA';

export interface ActiveSigningKey {
  kid: string;
  alg: typeof SIGNING_ALG;
  privateKey: KeyLike;
}

export interface SigningKeyStoreOptions {
  /** Retired keys stay in the JWKS this long (plus a minute of slack) so tokens they signed still verify. */
  accessTokenTtlSeconds: number;
  /** How long the active private key is cached in memory before the table is read again. */
  cacheMs?: number;
  logger?: Logger;
}

/** Extra time a retired key is published, covering clock skew and the active-key cache. */
const RETIRED_KEY_SLACK_SECONDS = 60;

/**
 * Ed25519 signing keys in the signing_keys table, private halves encrypted. One key is active at a
 * time (enforced by a partial unique index); rotation retires it and publishes a new one while the
 * retired key stays in the JWKS until every token it signed has expired.
 */
export class SigningKeyStore {
  private cached?: { key: ActiveSigningKey; at: number };
  private loading?: Promise<ActiveSigningKey>;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly encryption: KeyEncryption,
    private readonly options: SigningKeyStoreOptions,
  ) {}

  /** Creates the first key when there is none; safe when several replicas start at once. */
  async ensureActiveKey(): Promise<void> {
    const existing = await this.sequelize.query<{ kid: string }>(
      'SELECT kid FROM signing_keys WHERE retired_at IS NULL LIMIT 1',
      { type: QueryTypes.SELECT },
    );
    if (existing.length) return;
    const kid = await this.insertNewKey(async (sql, replacements) => {
      // The partial unique index on active keys turns a concurrent second insert into a no-op.
      const [rows] = await this.sequelize.query(`${sql} ON CONFLICT DO NOTHING RETURNING kid`, { replacements });
      return (rows as unknown[]).length > 0;
    });
    if (kid) this.options.logger?.info({ kid }, 'signing key created');
  }

  /**
   * Retires the active key and activates a new one; returns the new key id. The store opens its own
   * transaction (not a unit of work): it is start-up and operator infrastructure (service start, the
   * rotate CLI), no use case ever joins it, it emits no events, and key generation must not sit in a
   * request's transaction.
   */
  async rotate(): Promise<string> {
    const kid = await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query("SELECT pg_advisory_xact_lock(hashtext('lms.auth.signing_keys'))", { transaction });
      await this.sequelize.query('UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL', { transaction });
      return this.insertNewKey(async (sql, replacements) => {
        await this.sequelize.query(sql, { replacements, transaction });
        return true;
      });
    });
    this.cached = undefined;
    this.options.logger?.info({ kid }, 'signing key rotated');
    return kid!;
  }

  /** The key new tokens are signed with (cached briefly). */
  async activeKey(): Promise<ActiveSigningKey> {
    const cacheMs = this.options.cacheMs ?? 30_000;
    if (this.cached && Date.now() - this.cached.at < cacheMs) return this.cached.key;
    this.loading ??= this.loadActiveKey().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** The public keys that verify tokens: the active one and those retired too recently to drop. */
  async jwks(): Promise<JSONWebKeySet> {
    const rows = await this.sequelize.query<{ public_jwk: JWK }>(
      `SELECT public_jwk FROM signing_keys
       WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => :keep)
       ORDER BY created_at DESC`,
      {
        type: QueryTypes.SELECT,
        replacements: { keep: this.options.accessTokenTtlSeconds + RETIRED_KEY_SLACK_SECONDS },
      },
    );
    return { keys: rows.map((r) => r.public_jwk) };
  }

  private async loadActiveKey(): Promise<ActiveSigningKey> {
    const rows = await this.sequelize.query<{ kid: string; alg: string; private_key_enc: string }>(
      'SELECT kid, alg, private_key_enc FROM signing_keys WHERE retired_at IS NULL LIMIT 1',
      { type: QueryTypes.SELECT },
    );
    if (!rows.length) {
      await this.ensureActiveKey();
      return this.loadActiveKey();
    }
    const row = rows[0];
    const pem = await this.encryption.decrypt(row.private_key_enc, row.kid).catch((err: Error) => {
      throw new Error(`Cannot decrypt signing key ${row.kid}: is SIGNING_KEY_ENCRYPTION_SECRET right? (${err.message})`);
    });
    const key: ActiveSigningKey = { kid: row.kid, alg: SIGNING_ALG, privateKey: await importPKCS8(pem, SIGNING_ALG) };
    this.cached = { key, at: Date.now() };
    return key;
  }

  private async insertNewKey(
    run: (sql: string, replacements: Record<string, unknown>) => Promise<boolean>,
  ): Promise<string | undefined> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid, alg: SIGNING_ALG, use: 'sig' };
    const privateKeyEnc = await this.encryption.encrypt(await exportPKCS8(privateKey), kid);
    const inserted = await run(
      `INSERT INTO signing_keys (kid, alg, public_jwk, private_key_enc)
       VALUES (:kid, :alg, CAST(:jwk AS jsonb), :enc)`,
      { kid, alg: SIGNING_ALG, jwk: JSON.stringify(publicJwk), enc: privateKeyEnc },
    );
    return inserted ? kid : undefined;
  }
}

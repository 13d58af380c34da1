import { QueryTypes } from 'sequelize';
import type { JsonWebKey } from 'node:crypto';
import type { SqlSession } from '@lms/kit/db';

/** A stored issuer key: always its public JWK; the private key only for a key generated here (development, tests). */
export interface IssuerKeyRecord {
  kid: string;
  publicJwk: JsonWebKey;
  privatePkcs8: string | null;
  createdAt: Date;
  retiredAt: Date | null;
}

interface IssuerKeyRow {
  kid: string;
  public_jwk: JsonWebKey;
  private_pkcs8: string | null;
  created_at: Date;
  retired_at: Date | null;
}

function toKey(row: IssuerKeyRow): IssuerKeyRecord {
  return { kid: row.kid, publicJwk: row.public_jwk, privatePkcs8: row.private_pkcs8, createdAt: row.created_at, retiredAt: row.retired_at };
}

export class IssuerKeyRepository {
  constructor(private readonly sql: SqlSession) {}

  /**
   * Serialises key set-up between replicas starting at once (until the transaction ends): the one that comes
   * second finds the key the first generated instead of generating a second one.
   */
  async lockForSetUp(): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext('certificate.issuer_keys'))`);
  }

  /** Every key, oldest first (the DID document lists them all: retired keys still verify what they signed). */
  async all(): Promise<IssuerKeyRecord[]> {
    const rows = await this.sql.query<IssuerKeyRow>(`SELECT * FROM issuer_keys ORDER BY created_at, kid`, { type: QueryTypes.SELECT });
    return rows.map(toKey);
  }

  async insertIfAbsent(key: IssuerKeyRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO issuer_keys (kid, public_jwk, private_pkcs8, created_at, retired_at)
       VALUES (:kid, CAST(:publicJwk AS jsonb), :privatePkcs8, :createdAt, :retiredAt)
       ON CONFLICT (kid) DO NOTHING`,
      { replacements: { ...key, publicJwk: JSON.stringify(key.publicJwk) } },
    );
  }

  /** Makes `kid` the one active key: the others are retired (kept, still published), `kid` itself un-retired. */
  async activateOnly(kid: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE issuer_keys SET retired_at = :at WHERE kid <> :kid AND retired_at IS NULL`, { replacements: { kid, at } });
    await this.sql.query(`UPDATE issuer_keys SET retired_at = NULL WHERE kid = :kid AND retired_at IS NOT NULL`, { replacements: { kid } });
  }
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ConfigError } from '@lms/kit/config';
import type { Logger } from '@lms/kit/logging';
import type { CertificateConfig } from '../../config';
import type { IssuerKeyRecord, IssuerKeyRepository } from '../../infra/issuer-key.repository';
import type { IssuerKey, IssuerKeyring } from '../ports';

/** The part of the service's units of work the keyring uses (CertificateDeps['units'] is one). */
export interface IssuerKeyUnits {
  run<T>(fn: (uow: { issuerKeys: IssuerKeyRepository }) => Promise<T>): Promise<T>;
  read: { issuerKeys: IssuerKeyRepository };
}

/** A key's id: derived from the public key alone, so the same key has the same kid on every replica and restart. */
export function keyIdOf(publicJwk: JsonWebKey): string {
  return createHash('sha256').update(String(publicJwk.x)).digest('hex').slice(0, 16);
}

function publicJwkOf(key: KeyObject): JsonWebKey {
  const { kty, crv, x } = createPublicKey(key).export({ format: 'jwk' });
  return { kty, crv, x };
}

/** CREDENTIAL_SIGNING_KEY as a KeyObject; env files often carry a PEM on one line with literal `\n`s. */
export function parseSigningKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem);
  } catch {
    throw new ConfigError(['CREDENTIAL_SIGNING_KEY: not a PKCS#8 PEM private key']);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError([`CREDENTIAL_SIGNING_KEY: an Ed25519 key is needed (got ${key.asymmetricKeyType ?? 'unknown'})`]);
  }
  return key;
}

/**
 * The issuer's keys. The current key is settled once per process (first use) in one transaction holding an
 * advisory lock: a configured key is recorded (public part only) and every other key retired; without one, the
 * active generated key is reused, or one is generated and stored. Retired keys stay in `issuer_keys` and are
 * published, so credentials they signed keep verifying after a rotation.
 */
export function createIssuerKeyring(deps: { config: CertificateConfig; units: IssuerKeyUnits; logger: Logger; clock: () => Date }): IssuerKeyring {
  // parsed now, so a malformed key stops the service at start-up rather than failing its first credential
  const configured = deps.config.CREDENTIAL_SIGNING_KEY ? parseSigningKey(deps.config.CREDENTIAL_SIGNING_KEY) : undefined;
  let settled: Promise<IssuerKey> | undefined;

  const settle = (): Promise<IssuerKey> =>
    deps.units.run(async (uow) => {
      await uow.issuerKeys.lockForSetUp();
      const now = deps.clock();
      if (configured) {
        const publicJwk = publicJwkOf(configured);
        const kid = keyIdOf(publicJwk);
        await uow.issuerKeys.insertIfAbsent({ kid, publicJwk, privatePkcs8: null, createdAt: now, retiredAt: null });
        await uow.issuerKeys.activateOnly(kid, now);
        return { kid, privateKey: configured, publicJwk };
      }
      const stored = (await uow.issuerKeys.all()).find((key): key is IssuerKeyRecord & { privatePkcs8: string } => !key.retiredAt && !!key.privatePkcs8);
      if (stored) {
        return { kid: stored.kid, privateKey: createPrivateKey(stored.privatePkcs8), publicJwk: stored.publicJwk };
      }
      const { privateKey } = generateKeyPairSync('ed25519');
      const publicJwk = publicJwkOf(privateKey);
      const kid = keyIdOf(publicJwk);
      const privatePkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      await uow.issuerKeys.insertIfAbsent({ kid, publicJwk, privatePkcs8, createdAt: now, retiredAt: null });
      await uow.issuerKeys.activateOnly(kid, now);
      deps.logger.warn({ kid }, 'generated an issuer signing key and stored it in the database (set CREDENTIAL_SIGNING_KEY in production)');
      return { kid, privateKey, publicJwk };
    });

  const current = (): Promise<IssuerKey> => {
    settled ??= settle().catch((err: unknown) => {
      settled = undefined; // a database hiccup at first use must not pin a rejected key for the process's life
      throw err;
    });
    return settled;
  };

  return {
    current,
    async publicKeys() {
      await current(); // a fresh database publishes the key it is about to sign with
      const keys = await deps.units.read.issuerKeys.all();
      return keys.map((key) => ({ kid: key.kid, publicJwk: key.publicJwk, retired: !!key.retiredAt }));
    },
  };
}

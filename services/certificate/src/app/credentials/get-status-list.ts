import { CertificateErrors } from '../../domain/certificate.errors';
import { dateTimeStamp } from '../../domain/credentials/open-badge';
import { encodeStatusList, statusListCredential } from '../../domain/credentials/status-list';
import type { CertificateDeps } from '../deps';
import { issuerProfile, statusListUrl } from './issuer';
import { signVcJwt } from './vc-jwt';

export interface SignedStatusList {
  credential: Record<string, unknown>;
  jwt: string;
}

/** Status-list ids are the small integers we mint (status_lists.id); anything else names no list. */
const LIST_ID = /^[1-9]\d{0,8}$/;

/**
 * A revocation list as a signed BitstringStatusListCredential, built from the database on every call (no cache:
 * a revocation shows at once; one indexed query and a gzip of 16 KiB). Public: the list reveals only which
 * indexes are revoked, and indexes are allocated at random among ≥ 131,072 (herd privacy).
 */
export async function getStatusList(deps: Pick<CertificateDeps, 'config' | 'units' | 'issuerKeys' | 'clock'>, rawListId: string): Promise<SignedStatusList> {
  if (!LIST_ID.test(rawListId)) throw CertificateErrors.statusListNotFound();
  const listId = Number(rawListId);
  const list = await deps.units.read.statusListBits.findList(listId);
  if (!list) throw CertificateErrors.statusListNotFound();
  const [revoked, key] = await Promise.all([deps.units.read.statusListBits.revokedIndexes(listId), deps.issuerKeys.current()]);
  const { did } = issuerProfile(deps.config);
  const credential = statusListCredential({
    url: statusListUrl(deps.config, listId),
    issuerDid: did,
    validFrom: dateTimeStamp(deps.clock()),
    encodedList: encodeStatusList(list.size, revoked),
  });
  return { credential, jwt: await signVcJwt(key, did, credential) };
}

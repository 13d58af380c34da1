import { gzipSync } from 'node:zlib';

/**
 * The W3C Bitstring Status List (https://www.w3.org/TR/vc-bitstring-status-list/): `size` bits, bit i set when
 * the certificate at index i is revoked. Index 0 is the most significant bit of the first byte (the spec's
 * "left-most bit"). Encoded as the spec says: GZIP, then multibase base64url without padding (prefix `u`).
 */
export function encodeStatusList(size: number, setIndexes: Iterable<number>): string {
  if (size % 8 !== 0) throw new RangeError(`a status list has a whole number of bytes (size ${size})`);
  const bits = Buffer.alloc(size / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`status list index ${index} outside 0..${size - 1}`);
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The BitstringStatusListCredential (VC DM 2.0, unsigned) publishing a revocation list at `url`. */
export function statusListCredential(input: { url: string; issuerDid: string; validFrom: string; encodedList: string }): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: input.validFrom,
    credentialSubject: { id: `${input.url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: input.encodedList },
  };
}

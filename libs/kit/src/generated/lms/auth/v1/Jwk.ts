// Original file: protos/lms/auth/v1/auth.proto


export interface Jwk {
  'kty'?: (string);
  'crv'?: (string);
  'x'?: (string);
  'n'?: (string);
  'e'?: (string);
  'kid'?: (string);
  'alg'?: (string);
  'use'?: (string);
}

export interface Jwk__Output {
  'kty': (string);
  'crv': (string);
  'x': (string);
  'n': (string);
  'e': (string);
  'kid': (string);
  'alg': (string);
  'use': (string);
}

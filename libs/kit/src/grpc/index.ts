export * from './proto';
export * from './metadata';
export * from './server';
export * from './client';
export * from './messages';
export { CACHE_HINT_TRAILER, hintCacheable, type CacheHint } from './cache-hint';
export { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
export {
  SERVICE_TOKEN_AUDIENCE,
  SERVICE_TOKEN_TTL_SECONDS,
  ServiceTokenSigner,
  ServiceTokenVerifier,
  configureServiceAuth,
  signServiceToken,
} from './service-token';

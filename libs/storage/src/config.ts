import { env as field, z } from '@lms/kit/config';

/**
 * The environment variables of an object storage, the same in every service that keeps files (media, certificate):
 * STORAGE_PROVIDER, the local directory (its variable named by the service: UPLOAD_DIR, CERTIFICATE_DIR) and S3_*.
 * Spread into the service's config shape; `createStorage(config, config.<directoryVariable>, logger)` reads them.
 */
export function storageEnv<D extends string>(options: { directoryVariable: D; directoryDefault: string; bucketDefault: string }) {
  return {
    /** `local` (a directory, never web-served directly) or `s3` (AWS S3 or an S3-compatible server); typed as the union createStorage narrows on. */
    STORAGE_PROVIDER: field.oneOf<['local', 's3']>(['local', 's3'], 'local'),
    S3_ENDPOINT: field.optionalStr(),
    S3_REGION: field.str('us-east-1'),
    S3_BUCKET: z.string().min(3, 'S3_BUCKET: a bucket name has at least 3 characters').default(options.bucketDefault),
    S3_ACCESS_KEY_ID: field.optionalStr(),
    S3_SECRET_ACCESS_KEY: field.optionalStr(),
    /** Path-style URLs (http://host/bucket/key): needed by S3-compatible servers without wildcard DNS (s3rver, MinIO). */
    S3_FORCE_PATH_STYLE: field.bool(false),
    /** Create the bucket at start-up when it is missing (development, tests). */
    S3_CREATE_BUCKET: field.bool(false),
    ...({ [options.directoryVariable]: field.str(options.directoryDefault) } as Record<D, ReturnType<typeof field.str>>),
  };
}

/** What createStorage reads of a service's parsed configuration. */
export interface StorageConfig {
  STORAGE_PROVIDER: 'local' | 's3';
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_BUCKET: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
  S3_CREATE_BUCKET: boolean;
}

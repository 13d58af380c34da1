import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { StorageConfig } from './config';

// Apart from s3.storage.ts so that the package's index can export it without loading the AWS SDK (~20 MB of RSS),
// which only a process whose STORAGE_PROVIDER is s3 needs.

/** What S3Storage reads: the S3_* settings of `storageEnv` (STORAGE_PROVIDER is createStorage's concern). */
export type S3StorageConfig = StorageConfig;

/**
 * The client settings every S3 call uses. Checksums only WHEN_REQUIRED: with the SDK default, streamed
 * bodies are sent aws-chunked with a CRC trailer, which S3-compatible servers such as s3rver store verbatim (a corrupt
 * object, no error), and presigned PUT URLs would carry a checksum of the empty body that real S3 then enforces.
 */
export function s3ClientConfig(config: S3StorageConfig): S3ClientConfig {
  return {
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined, // the SDK's default chain: environment, instance or pod role
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

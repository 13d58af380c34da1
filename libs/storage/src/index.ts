/**
 * Object storage shared by the services that keep files (media's uploads, certificate's PDFs): one interface over a
 * local directory or S3 (streamed multipart puts, presigned URLs). Depends on the kit only.
 */
import type { Logger } from '@lms/kit/logging';
import type { StorageConfig } from './config';
import { LocalStorage } from './local.storage';
import type { ObjectStorage } from './storage';

export { storageEnv, type StorageConfig } from './config';
export type { ObjectStorage } from './storage';
export { isValidStorageKey } from './storage';
export { StorageErrors } from './storage.errors';
export { LocalStorage } from './local.storage';
export type { S3Storage } from './s3.storage';
export { s3ClientConfig, type S3StorageConfig } from './s3-client-config';

/**
 * The storage STORAGE_PROVIDER names: `directory` (the service's own variable, e.g. UPLOAD_DIR) for local, the S3_*
 * settings for s3. Call `ready()` before serving and `close()` on shutdown.
 */
export function createStorage(config: StorageConfig, directory: string, logger: Logger): ObjectStorage {
  if (config.STORAGE_PROVIDER !== 's3') return new LocalStorage(directory, logger);
  // Required here: a process on local storage never loads the AWS SDK.
  const { S3Storage } = require('./s3.storage') as typeof import('./s3.storage');
  return new S3Storage(config, logger);
}

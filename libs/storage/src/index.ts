/**
 * Object storage shared by the services that keep files (media's uploads, certificate's PDFs): one interface over a
 * local directory or S3 (streamed multipart puts, presigned URLs). Depends on the kit only.
 */
import type { Logger } from '@lms/kit/logging';
import type { StorageConfig } from './config';
import { LocalStorage } from './local.storage';
import { S3Storage } from './s3.storage';
import type { ObjectStorage } from './storage';

export { storageEnv, type StorageConfig } from './config';
export type { ObjectStorage } from './storage';
export { isValidStorageKey } from './storage';
export { StorageErrors } from './storage.errors';
export { LocalStorage } from './local.storage';
export { S3Storage, s3ClientConfig, type S3StorageConfig } from './s3.storage';

/**
 * The storage STORAGE_PROVIDER names: `directory` (the service's own variable, e.g. UPLOAD_DIR) for local, the S3_*
 * settings for s3. Call `ready()` before serving and `close()` on shutdown.
 */
export function createStorage(config: StorageConfig, directory: string, logger: Logger): ObjectStorage {
  return config.STORAGE_PROVIDER === 's3' ? new S3Storage(config, logger) : new LocalStorage(directory, logger);
}

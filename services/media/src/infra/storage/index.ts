import type { Logger } from '@lms/kit/logging';
import type { MediaConfig } from '../../config';
import { LocalStorage } from './local.storage';
import { S3Storage } from './s3.storage';
import type { ObjectStorage } from './storage';

export type { ObjectStorage } from './storage';
export { isValidStorageKey } from './storage';
export { LocalStorage } from './local.storage';
export { S3Storage, s3ClientConfig } from './s3.storage';

/** The storage STORAGE_PROVIDER names; call `ready()` before serving and `close()` on shutdown. */
export function createStorage(config: MediaConfig, logger: Logger): ObjectStorage {
  return config.STORAGE_PROVIDER === 's3' ? new S3Storage(config, logger) : new LocalStorage(config.UPLOAD_DIR, logger);
}

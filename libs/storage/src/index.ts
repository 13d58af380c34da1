/**
 * Object storage shared by the services that keep files (media's uploads, certificate's PDFs): one interface over a
 * local directory or S3. The implementation moves here from services/media (issue 15).
 */
export { storageEnv, type StorageConfig } from './config';

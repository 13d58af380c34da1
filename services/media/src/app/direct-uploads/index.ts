/**
 * Direct uploads: declare → PUT the bytes (S3 presigned URLs, or the gateway's signed content URL with local
 * storage) → complete (the stored object is checked before it becomes a file). The gRPC handlers call these.
 */
export { abortDirectUpload } from './abort-direct-upload';
export { completeDirectUpload } from './complete-direct-upload';
export { createDirectUpload } from './create-direct-upload';
export { getDirectUpload } from './get-direct-upload';
export { putDirectUploadContent } from './put-direct-upload-content';

import { z } from 'zod';

/** Our own internal events, as the consumers accept them (a message that fails the schema is parked). */
export const UploadExpiryDueV1 = z.object({ upload_id: z.string().uuid(), due_at: z.string() });
export const ObjectOrphanedV1 = z.object({
  upload_id: z.string().uuid(),
  storage_key: z.string().min(1),
  multipart_upload_id: z.string().nullish(),
});

export const UPLOAD_EXPIRY_QUEUE = 'media.upload-expiry';
export const OBJECT_RELEASE_QUEUE = 'media.object-release';

import { z } from './zod';
import { Pagination } from './schemas';
import { nullable, NullableId, NullableText, NullableTimestamp } from '../presentation/public-shape';
import { pageSchema } from '../presentation/lists';

/**
 * Requests and responses of the file routes (seed rows 31–33, 37, 38 and the direct uploads). A file is the
 * seed's FileUploadResponse (+ is_public, folder); `uploaded_by` and `download_count` only reach the uploader
 * and admins (absent for anyone else). Absent values are null (a video without a stated duration, the
 * thumbnail no transcoder makes).
 */
const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-17T18:00:00.000Z' });
const pathUuid = (name: string) => z.string().uuid().openapi({ param: { name, in: 'path' } });

export const FILE_TYPES = ['video', 'document', 'image'] as const;
export const FileTypeSchema = z.enum(FILE_TYPES).openapi('FileType');

/** Query flags as the seed's clients send them. */
const BoolFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .openapi({ type: 'string', enum: ['true', 'false'] });

export const FOLDER_MAX = 100;
/** A folder is a label kept with the file (the storage key is generated); media checks what it allows. */
const Folder = z.string().trim().min(1).max(FOLDER_MAX).openapi({ description: 'Default `uploads`', example: 'course-materials' });

export const FileIdParams = z.object({ file_id: pathUuid('file_id') }).strict();
export const UploadIdParams = z.object({ upload_id: pathUuid('upload_id') }).strict();

/** `folder` and `is_public` as query parameters (the seed's code) or as form fields before the file (its docs). */
export const UploadOptions = z.object({ folder: Folder.optional(), is_public: BoolFlag.optional() }).strict();

export const UploadForm = z
  .object({
    file: z.string().openapi({ type: 'string', format: 'binary', description: 'The file (one); its type is read from its content' }),
    folder: Folder.optional(),
    is_public: z.enum(['true', 'false']).optional(),
  })
  .openapi('FileUploadForm', { description: 'multipart/form-data; `folder` and `is_public` must come before `file` (or be query parameters)' });

export const MyFilesQuery = z
  .object({
    file_type: FileTypeSchema.optional(),
    ...Pagination,
    skip: z.coerce.number().int().min(0).max(1_000_000).optional().openapi({ description: "The seed's offset paging (with `limit`): replaces `page`" }),
    limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "The seed's page size (with `skip`)" }),
  })
  .strict();

export const DownloadQuery = z
  .object({
    inline: BoolFlag.optional().openapi({ description: '`Content-Disposition: inline` (show in the browser) instead of attachment' }),
  })
  .strict();

export const FileSchema = z
  .object({
    id: z.string().uuid(),
    filename: z.string().openapi({ description: 'The generated stored name (`<uuid><ext>`)' }),
    original_filename: z.string().openapi({ description: "The client's name, sanitised" }),
    file_url: z.string().openapi({ description: 'Absolute URL of the authorised download route', example: 'https://api.example.com/api/v1/files/download/…' }),
    file_type: FileTypeSchema,
    mime_type: z.string().openapi({ description: 'Read from the content (magic bytes), never from the client' }),
    file_size: z.number().int(),
    file_size_mb: z.number(),
    storage_provider: z.enum(['local', 's3']),
    duration_seconds: nullable(z.number().int(), 0).openapi({ description: 'Videos whose container states it; null otherwise' }),
    thumbnail_url: NullableText().openapi({ description: 'Always null: no transcoder makes thumbnails' }),
    uploaded_at: Timestamp,
    is_public: z.boolean(),
    folder: z.string(),
    uploaded_by: z.string().uuid().optional().openapi({ description: 'The uploader and admins only' }),
    download_count: z.number().int().optional().openapi({ description: 'The uploader and admins only' }),
  })
  .openapi('File');

export const FilePageSchema = pageSchema('FilePage', 'files', FileSchema);

export const BinarySchema = z.string().openapi({ type: 'string', format: 'binary' });

export const CreateDirectUploadBody = z
  .object({
    filename: z.string().min(1).max(1000),
    size: z.number().int().min(1).openapi({ description: 'Exact size in bytes' }),
    mime_type: z.string().max(255).optional().openapi({ description: 'Advisory: the content decides the type' }),
    folder: Folder.optional(),
    is_public: z.boolean().optional(),
  })
  .strict()
  .openapi('CreateDirectUploadRequest');

export const DirectUploadContentQuery = z
  .object({
    expires: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    signature: z.string().regex(/^[0-9a-f]{64}$/i, 'Must be the hex signature of the upload URL'),
  })
  .strict();

export const CompleteDirectUploadBody = z
  .object({
    parts: z
      .array(z.object({ part_number: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }).strict())
      .max(10_000)
      .optional()
      .openapi({ description: "S3 multipart only: each part's number and the ETag header its PUT answered" }),
  })
  .strict()
  .openapi('CompleteDirectUploadRequest');

export const DirectUploadSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['pending', 'completed', 'failed', 'expired', 'aborted']),
    method: z.literal('PUT'),
    parts: z.array(z.object({ part_number: z.number().int(), url: z.string(), size: z.number().int() })).openapi({
      description: 'PUT each part to its URL (only while pending and not expired)',
    }),
    headers: z.record(z.string()).openapi({ description: 'Headers every PUT must carry (Content-Type)' }),
    expires_at: Timestamp,
    filename: z.string(),
    size: z.number().int(),
    file_id: NullableId().openapi({ description: 'The file, once completed' }),
    failure: NullableText().openapi({ description: 'Why it failed, or how its cleanup went' }),
    created_at: NullableTimestamp(),
    received_bytes: z.number().int().openapi({ description: 'Local storage: bytes received so far' }),
  })
  .openapi('DirectUpload');

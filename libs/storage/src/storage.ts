import type { Readable } from 'node:stream';

/**
 * Where the bytes of a service's files live (media uploads, certificate PDFs). Keys are `<folder>/<uuid>.<ext>`, made by
 * the service (never by a caller).
 * Network and disk failures reject with STORAGE.UNAVAILABLE (the caller may retry); a missing object is `null`.
 */
export interface ObjectStorage {
  readonly provider: 'local' | 's3';
  /** Streams body to key; resolves with the bytes stored. On failure/abort nothing is left under key (temp+rename locally; S3: multipart aborted / nothing committed). */
  put(key: string, body: Readable, opts: { contentType: string; signal?: AbortSignal }): Promise<{ size: number }>;
  /** A stream of [start, end] (inclusive) or the whole object; rejects with STORAGE.UNAVAILABLE / not found → null. */
  get(key: string, range?: { start: number; end: number }): Promise<Readable | null>;
  head(key: string): Promise<{ size: number; etag?: string } | null>;
  /** Idempotent: a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** s3 only (local returns null): presigned URLs. */
  presignGet(key: string, opts: { expiresInSeconds: number; contentType: string; contentDisposition: string }): Promise<string | null>;
  presignPut(key: string, opts: { expiresInSeconds: number; contentType: string }): Promise<string | null>;
  /** s3 only; returns the S3 UploadId. */
  createMultipart(key: string, contentType: string): Promise<string>;
  presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string>;
  completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void>;
  /** 'unsupported' when the server refuses AbortMultipartUpload (s3rver answers 405): the caller records it visibly. */
  abortMultipart(key: string, uploadId: string): Promise<'aborted' | 'unsupported'>;
  /** local: create the directory; s3: HeadBucket (+ CreateBucket when S3_CREATE_BUCKET). */
  ready(): Promise<void>;
  /** Destroys the S3 client (its keep-alive sockets would otherwise hold the process and s3rver open). */
  close(): void;
}

/** A key the service itself built: `<folder>[/<folder>…]/<uuid>.<ext>`; anything else (`..`, absolute, dot files) is refused. */
const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\/[0-9a-f-]{36}\.[a-z0-9]{1,8}$/;

export function isValidStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

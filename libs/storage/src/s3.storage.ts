import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { isAppError } from '@lms/kit/errors';
import type { Logger } from '@lms/kit/logging';
import { s3ClientConfig, type S3StorageConfig } from './s3-client-config';
import type { ObjectStorage } from './storage';
import { BodyFailure, refusesAbort, streamedPut } from './s3-streamed-put';
import { abortReason, StorageErrors } from './storage.errors';

/** Objects in one S3 (or S3-compatible) bucket. */
export class S3Storage implements ObjectStorage {
  readonly provider = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    private readonly config: S3StorageConfig,
    private readonly logger: Logger,
  ) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.S3_BUCKET;
  }

  async ready(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!isNotFound(err)) throw this.failure(err, 'HeadBucket');
      if (!this.config.S3_CREATE_BUCKET) {
        throw StorageErrors.unavailable(new Error(`Bucket ${this.bucket} does not exist (set S3_CREATE_BUCKET=true to create it)`));
      }
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      this.logger.info({ bucket: this.bucket }, 'created the S3 bucket');
    } catch (err) {
      if (errorName(err) !== 'BucketAlreadyOwnedByYou') throw this.failure(err, 'CreateBucket');
    }
  }

  close(): void {
    this.client.destroy();
  }

  async put(key: string, body: Readable, opts: { contentType: string; signal?: AbortSignal }): Promise<{ size: number }> {
    const { signal } = opts;
    if (signal?.aborted) {
      body.destroy();
      throw abortReason(signal);
    }
    // Abort by failing the body: the writer stops reading, waits for the part in flight and aborts the multipart upload.
    const onAbort = () => body.destroy(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const stored = await streamedPut({ client: this.client, bucket: this.bucket, key, contentType: opts.contentType, signal, logger: this.logger }, body);
      if (signal?.aborted) throw abortReason(signal);
      return stored;
    } catch (err) {
      // A PutObject or CompleteMultipartUpload in flight when the signal fired may have committed the object: remove it.
      if (signal?.aborted) {
        await this.delete(key).catch((cause: unknown) => this.logger.warn({ err: cause, key }, 'could not remove an aborted object'));
        throw abortReason(signal);
      }
      if (err instanceof BodyFailure) throw err.original;
      throw this.failure(err, 'PutObject');
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async get(key: string, range?: { start: number; end: number }): Promise<Readable | null> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      const body = res.Body as Readable;
      if (!range) return body;
      // s3rver answers `bytes=0-0` with the whole object (it reads the end 0 as "no end"): never pass on more than asked.
      const wanted = range.end - range.start + 1;
      return res.ContentLength !== undefined && res.ContentLength > wanted ? take(wanted, body) : body;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.failure(err, 'GetObject');
    }
  }

  async head(key: string): Promise<{ size: number; etag?: string } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, etag: res.ETag };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.failure(err, 'HeadObject');
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (!isNotFound(err)) throw this.failure(err, 'DeleteObject');
    }
  }

  async presignGet(key: string, opts: { expiresInSeconds: number; contentType: string; contentDisposition: string }): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentType: opts.contentType,
      ResponseContentDisposition: opts.contentDisposition,
    });
    return getSignedUrl(this.client, command, { expiresIn: opts.expiresInSeconds });
  }

  /** The uploader must send the same Content-Type header (it is signed). */
  async presignPut(key: string, opts: { expiresInSeconds: number; contentType: string }): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: opts.contentType });
    return getSignedUrl(this.client, command, { expiresIn: opts.expiresInSeconds });
  }

  async createMultipart(key: string, contentType: string): Promise<string> {
    try {
      const res = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }));
      if (!res.UploadId) throw new Error('CreateMultipartUpload answered without an UploadId');
      return res.UploadId;
    } catch (err) {
      throw this.failure(err, 'CreateMultipartUpload');
    }
  }

  async presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string> {
    const command = new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber });
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
  }

  async completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
    const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
    try {
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: sorted.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
        }),
      );
    } catch (err) {
      throw this.failure(err, 'CompleteMultipartUpload');
    }
  }

  async abortMultipart(key: string, uploadId: string): Promise<'aborted' | 'unsupported'> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
      return 'aborted';
    } catch (err) {
      if (errorName(err) === 'NoSuchUpload') return 'aborted';
      if (refusesAbort(err)) {
        this.logger.warn({ key, upload_id: uploadId, error: errorName(err) }, 'the storage server refuses AbortMultipartUpload; parts are left to the bucket lifecycle rule');
        return 'unsupported';
      }
      throw this.failure(err, 'AbortMultipartUpload');
    }
  }

  /** Unreachable or failing (5xx) storage is STORAGE.UNAVAILABLE (retryable); other refusals are bugs or misconfiguration. */
  private failure(err: unknown, operation: string): Error {
    if (isAppError(err)) return err;
    if (isUnreachable(err)) {
      this.logger.error({ err, operation, bucket: this.bucket }, 'S3 storage is unavailable');
      return StorageErrors.unavailable(err);
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}

function errorName(err: unknown): string | undefined {
  return (err as { name?: string } | null)?.name;
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = errorName(err);
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket' || httpStatus(err) === 404;
}

const NETWORK_ERROR_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
/** The SDK wraps a network error from another realm (a Jest sandbox) into a plain message: match that too. */
const NETWORK_ERROR_IN_MESSAGE = new RegExp(`\\b(${NETWORK_ERROR_CODES.join('|')})\\b`);

function isUnreachable(err: unknown): boolean {
  const status = httpStatus(err);
  if (status !== undefined && status >= 500) return true;
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  if (code !== undefined && NETWORK_ERROR_CODES.includes(code)) return true;
  return errorName(err) === 'TimeoutError' || (typeof message === 'string' && NETWORK_ERROR_IN_MESSAGE.test(message));
}

/** The first `limit` bytes of a stream; leaving the loop early destroys the source (its socket is not read to the end). */
function take(limit: number, source: Readable): Readable {
  return Readable.from(
    (async function* firstBytes() {
      let left = limit;
      for await (const chunk of source) {
        const part = (chunk as Buffer).subarray(0, left);
        left -= part.length;
        yield part;
        if (left <= 0) break;
      }
    })(),
  );
}

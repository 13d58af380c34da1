import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Logger } from '@lms/kit/logging';

/** S3's smallest part but the last: each streamed put holds two of them, whatever the object's size. */
export const STREAMED_PART_BYTES = 5 * 1024 * 1024;
/** What may arrive while a part is being sent before the body is paused. */
const HELD_BYTES = 1024 * 1024;

export interface StreamedPutTarget {
  client: S3Client;
  bucket: string;
  key: string;
  contentType: string;
  signal?: AbortSignal;
  logger: Logger;
  partBytes?: number;
}

/** The body itself failed (an inspector's refusal, a cancelled upload): the caller rethrows it as it is. */
export class BodyFailure extends Error {
  constructor(readonly original: unknown) {
    super('the body of a streamed put failed');
  }
}

/**
 * Streams `body` to S3 through ONE part buffer allocated per upload and reused: chunks are copied into it; while the
 * full part is sent (one UploadPart in flight) the next chunks are held by reference up to HELD_BYTES, then the body
 * waits, and they are copied in once the part has gone. Memory stays ≈ one part + HELD_BYTES with no per-part garbage.
 * lib-storage's `Upload` concatenated every part from its chunks (chunks and copy alive together, per part queued):
 * media grew by 50–60 MiB per 100 MB upload; a second 5 MiB part buffer (filled while the other is sent) measured
 * 34–36 MiB, this 24–32 MiB at the same speed within the noise (bench/README.md, media). The SDK sends a Buffer body
 * as it is (node-http-handler `end(buffer)`; the payload hash of an http endpoint reads the same bytes, no copy).
 * An object that ends before the first part is full is one PutObject. On failure the multipart upload is aborted
 * (never completed, so nothing is visible) and the error thrown; a body error comes back as BodyFailure.
 */
export async function streamedPut(target: StreamedPutTarget, body: Readable): Promise<{ size: number }> {
  const { client, bucket, key, signal, logger } = target;
  const partBytes = target.partBytes ?? STREAMED_PART_BYTES;
  const part = Buffer.allocUnsafe(partBytes);
  let filled = 0;
  /** Chunks that arrived while the part was being sent, held by reference (≤ HELD_BYTES) and copied in once it has gone. */
  let held: Buffer[] = [];
  let heldBytes = 0;
  let size = 0;
  let uploadId: string | undefined;
  const parts: { PartNumber: number; ETag: string }[] = [];
  let inFlight: Promise<void> | undefined;
  let partFailure: unknown;

  const sendPart = async (bytes: Buffer): Promise<void> => {
    const partNumber = parts.length + 1;
    parts.push({ PartNumber: partNumber, ETag: '' });
    const res = await client.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: bytes, ContentLength: bytes.length }),
      { abortSignal: signal },
    );
    if (!res.ETag) throw new Error(`UploadPart ${partNumber} answered without an ETag`);
    parts[partNumber - 1].ETag = res.ETag;
  };

  /** Starts sending the full part; the next chunks are held until it has gone. */
  const sendFull = async (): Promise<void> => {
    if (uploadId === undefined) {
      const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: target.contentType }), {
        abortSignal: signal,
      });
      if (!created.UploadId) throw new Error('CreateMultipartUpload answered without an UploadId');
      uploadId = created.UploadId;
    }
    const sending = sendPart(part);
    sending.catch((err: unknown) => (partFailure ??= err)); // seen at the next chunk; awaited (and thrown) below
    inFlight = sending;
  };

  /** Copies into the part (once it is free), sending it each time it is full. */
  const fill = async (chunk: Buffer): Promise<void> => {
    let offset = 0;
    while (offset < chunk.length) {
      if (inFlight) {
        await inFlight;
        inFlight = undefined;
      }
      const copied = chunk.copy(part, filled, offset);
      filled += copied;
      offset += copied;
      if (filled === partBytes) {
        await sendFull();
        filled = 0;
      }
    }
  };

  /** Waits for the part in flight, then copies the held chunks into it. */
  const settle = async (): Promise<void> => {
    await inFlight;
    inFlight = undefined;
    const chunks = held;
    held = [];
    heldBytes = 0;
    for (const chunk of chunks) await fill(chunk);
  };

  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (err) {
        ended = true; // a failed stream is already destroyed
        throw new BodyFailure(err);
      }
      if (next.done) {
        ended = true;
        break;
      }
      if (partFailure !== undefined) throw partFailure;
      const chunk = next.value;
      size += chunk.length;
      if (inFlight) {
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes >= HELD_BYTES) await settle();
      } else await fill(chunk);
    }
    await settle();
    if (uploadId === undefined) {
      const bytes = part.subarray(0, filled);
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: target.contentType }),
        { abortSignal: signal },
      );
      return { size };
    }
    if (filled > 0) await sendPart(part.subarray(0, filled));
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }), {
      abortSignal: signal,
    });
    return { size };
  } catch (err) {
    if (!ended) body.destroy();
    await inFlight?.catch(() => undefined); // abort only once no part is still being written
    if (uploadId !== undefined) await abortQuietly(client, bucket, key, uploadId, logger);
    throw err;
  }
}

async function abortQuietly(client: S3Client, bucket: string, key: string, uploadId: string, logger: Logger): Promise<void> {
  try {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  } catch (err) {
    if (refusesAbort(err)) {
      // Never completed, so nothing is visible under the key; the parts are left to the bucket lifecycle rule.
      logger.debug({ key, upload_id: uploadId }, 'the storage server refuses AbortMultipartUpload after a failed streamed put');
      return;
    }
    logger.warn({ err, key, upload_id: uploadId }, 'could not abort the multipart upload of a failed streamed put');
  }
}

/** The server does not implement AbortMultipartUpload (s3rver answers 405): the parts are left to the bucket lifecycle rule. */
export function refusesAbort(err: unknown): boolean {
  const { name, $metadata } = (err ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return $metadata?.httpStatusCode === 405 || name === 'MethodNotAllowed' || name === 'NotImplemented';
}

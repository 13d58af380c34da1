import type { DirectUpload } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { UploadPart } from '@lms/kit/generated/lms/media/v1/UploadPart';
import type { UploadRecord } from '../../domain/media.entities';
import { localContentUrl } from '../../domain/upload-url-signature';
import type { MediaDeps } from '../deps';
import { contentTypeOfKey } from './named-upload';

/** The PUT URLs of a direct upload stop working at this unix second (the local URL signs it). */
export function unixSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** Byte sizes of the parts: one part, or `partSize` each and the rest in the last. */
export function partSizes(size: number, partSize: number | null): number[] {
  if (!partSize || size <= partSize) return [size];
  const sizes: number[] = [];
  for (let left = size; left > 0; left -= partSize) sizes.push(Math.min(partSize, left));
  return sizes;
}

/**
 * The client's view of a direct upload. The PUT URLs are handed out only while the upload is pending and they
 * still work; they are (re)made on each call — an S3 presigned URL is valid until the upload's `expires_at`, the
 * local one is the gateway's content route signed with that same expiry.
 */
export async function directUploadReply(deps: Pick<MediaDeps, 'config' | 'storage'>, upload: UploadRecord, now: Date): Promise<DirectUpload> {
  const size = upload.declaredSize ?? 0;
  const contentType = contentTypeOfKey(upload.storageKey);
  const sizes = partSizes(size, upload.multipartUploadId ? upload.partSize : null);
  const secondsLeft = Math.ceil((upload.expiresAt.getTime() - now.getTime()) / 1000);
  const urlsUsable = upload.status === 'pending' && secondsLeft > 0;
  const parts: UploadPart[] = [];
  for (const [index, partSize] of sizes.entries()) {
    const partNumber = index + 1;
    const url = urlsUsable ? await partUrl(deps, upload, partNumber, contentType, secondsLeft) : '';
    parts.push({ part_number: partNumber, url, size: partSize });
  }
  return {
    id: upload.id,
    status: upload.status,
    method: 'PUT',
    parts,
    headers: upload.multipartUploadId ? {} : { 'Content-Type': contentType },
    expires_at: upload.expiresAt.toISOString(),
    filename: upload.originalFilename,
    size,
    file_id: upload.fileId ?? '',
    failure: upload.failure ?? '',
    created_at: upload.createdAt.toISOString(),
    received_bytes: upload.receivedBytes,
  };
}

async function partUrl(
  deps: Pick<MediaDeps, 'config' | 'storage'>,
  upload: UploadRecord,
  partNumber: number,
  contentType: string,
  secondsLeft: number,
): Promise<string> {
  if (upload.storageProvider === 'local') {
    return localContentUrl(deps.config.PUBLIC_API_URL, deps.config.MEDIA_URL_SIGNING_SECRET, upload.id, unixSeconds(upload.expiresAt));
  }
  if (upload.multipartUploadId) return deps.storage.presignPart(upload.storageKey, upload.multipartUploadId, partNumber, secondsLeft);
  return (await deps.storage.presignPut(upload.storageKey, { expiresInSeconds: secondsLeft, contentType })) ?? '';
}

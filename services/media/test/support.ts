import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { MediaClient } from '@lms/kit/clients';
import type { File__Output } from '@lms/kit/generated/lms/media/v1/File';
import type { DownloadRequest } from '@lms/kit/generated/lms/media/v1/DownloadRequest';
import type { DownloadHead__Output } from '@lms/kit/generated/lms/media/v1/DownloadHead';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { UploadStart } from '@lms/kit/generated/lms/media/v1/UploadStart';
import { eventually, type TestUser } from '@lms/kit/testing';
import { CLASSROOM_USERS, fleetBasics, startFleet, unique, type Fleet } from '@lms/testing-fleet';
import { s3ClientConfig } from '@lms/storage';
export { expectGrpcError } from '@lms/kit/testing';
export { GrpcStatus } from '@lms/kit/grpc';
export { eventually, unique };

export type Provider = 'local' | 's3';
export type User = TestUser;
export const PROVIDERS: Provider[] = ['local', 's3'];

/**
 * A media suite: auth, catalog and media (own database, own vhost, own UPLOAD_DIR or bucket), optionally
 * enrollment (lesson attachments read by enrolled students), and the classroom users. s3 runs against the
 * s3rver of scripts/infra.sh (`eval "$(bash scripts/infra.sh env)"`); downloads are proxied unless a suite asks.
 */
export async function startMediaSuite(label: string, provider: Provider, opts: { env?: Record<string, string>; withEnrollment?: boolean } = {}) {
  const started = await startFleet({
    label: `${label}_${provider}`,
    services: opts.withEnrollment ? ['media', 'enrollment'] : ['media'],
    catalogReadsEnrollment: opts.withEnrollment,
    env: { media: { STORAGE_PROVIDER: provider, S3_DOWNLOAD_MODE: 'proxy', ...opts.env } },
    users: CLASSROOM_USERS,
  });
  const media = started.media!;
  const s3 = provider === 's3' ? new S3Client(s3ClientConfig(media.config)) : undefined;
  return {
    ...fleetBasics(started),
    fleet: started as Fleet<keyof typeof CLASSROOM_USERS>,
    handle: media,
    media: media.client as MediaClient,
    service: media.service,
    config: media.config,
    catalog: started.catalog!.client,
    enrollment: started.enrollment?.client,
    db: started.openDatabase('media'),
    /** Every object key in storage (the local directory's files, or the bucket's keys); in-flight temp files included. */
    async storedKeys(): Promise<string[]> {
      if (s3) {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: media.config.S3_BUCKET }));
        return (listed.Contents ?? []).map((o) => o.Key!).sort();
      }
      return (await listFiles(media.config.UPLOAD_DIR)).map((p) => path.relative(media.config.UPLOAD_DIR, p)).sort();
    },
    async close() {
      s3?.destroy();
      await started.close();
    },
  };
}
export type MediaSuite = Awaited<ReturnType<typeof startMediaSuite>>;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

/** An Upload stream: `start`, then the bytes in 64 KiB chunks (from a buffer or any iterable of buffers), then `end`. */
export function* uploadMessages(start: UploadStart, bytes: Buffer | Iterable<Buffer>): Generator<UploadRequest> {
  yield { start };
  const chunks = Buffer.isBuffer(bytes) ? splitBuffer(bytes, 64 * 1024) : bytes;
  let total = 0;
  for (const chunk of chunks) {
    total += chunk.length;
    yield { chunk };
  }
  yield { end: { total_bytes: total } };
}

function* splitBuffer(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Uploads a buffer as `user`. */
export function upload(suite: MediaSuite, user: User | undefined, filename: string, bytes: Buffer, start: Partial<UploadStart> = {}): Promise<File__Output> {
  return suite.media.Upload(uploadMessages({ original_filename: filename, expected_size: bytes.length, ...start }, bytes), user?.auth);
}

/** A whole Download call: the head (or redirect) and the bytes. */
export async function download(suite: MediaSuite, user: User | undefined, req: DownloadRequest): Promise<{ head?: DownloadHead__Output; redirect?: string; body: Buffer }> {
  const out: { head?: DownloadHead__Output; redirect?: string; body: Buffer } = { body: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  for await (const message of suite.media.Download(req, user?.auth)) {
    if (message.head) out.head = message.head;
    if (message.redirect_url) out.redirect = message.redirect_url;
    if (message.chunk) chunks.push(message.chunk);
  }
  out.body = Buffer.concat(chunks);
  return out;
}

/** Waits until storage holds exactly `expected` keys. */
export function storageEventually(suite: MediaSuite, expected: (keys: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
  return eventually(async () => {
    const keys = await suite.storedKeys();
    if (!expected(keys)) throw new Error(`storage holds ${JSON.stringify(keys)}`);
    return keys;
  }, timeoutMs);
}

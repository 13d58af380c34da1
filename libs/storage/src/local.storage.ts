import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAppError } from '@lms/kit/errors';
import type { Logger } from '@lms/kit/logging';
import { isValidStorageKey, type ObjectStorage } from './storage';
import { abortReason, StorageErrors } from './storage.errors';

/** Partial writes live here until renamed into place; a dot folder can never be a key's folder. */
const PARTIAL_DIR = '.partial';
/** Partial files this old belong to a process that died mid-write. */
const STALE_PARTIAL_MS = 24 * 3600 * 1000;
/** Bytes per disk read of a download (the service sends them on in smaller chunk messages): fewer thread-pool round trips than the 64 KiB default. */
const READ_BUFFER_BYTES = 256 * 1024;
/**
 * Bytes a write may queue before pushing back: several incoming chunks, so the upload is not paused at every
 * 64 KiB chunk (the default is 16 KiB); queued writes go to disk together (writev).
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/** Objects as files under one directory (never web-served directly: downloads go through the service). */
export class LocalStorage implements ObjectStorage {
  readonly provider = 'local' as const;
  private readonly root: string;

  constructor(
    directory: string,
    private readonly logger: Logger,
  ) {
    this.root = path.resolve(directory);
  }

  async ready(): Promise<void> {
    try {
      await mkdir(path.join(this.root, PARTIAL_DIR), { recursive: true });
      await this.removeStalePartials();
    } catch (err) {
      throw StorageErrors.unavailable(err);
    }
  }

  close(): void {}

  async put(key: string, body: Readable, opts: { contentType: string; signal?: AbortSignal }): Promise<{ size: number }> {
    const target = this.pathOf(key);
    if (opts.signal?.aborted) {
      body.destroy();
      throw abortReason(opts.signal);
    }
    // Same file system as the target, so the final rename is atomic: a reader sees the whole object or none.
    const partial = path.join(this.root, PARTIAL_DIR, `${randomBytes(12).toString('hex')}.part`);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    let bodyError: unknown;
    body.once('error', (err) => (bodyError = err));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await mkdir(path.dirname(partial), { recursive: true }); // also when ready() was not called (tests, tools)
      // flush: fsync before close, so a crash after the rename cannot leave a renamed but empty file.
      await pipeline(body, counter, createWriteStream(partial, { flags: 'wx', mode: 0o640, flush: true, highWaterMark: WRITE_BUFFER_BYTES }), { signal: opts.signal });
      await rename(partial, target);
      return { size };
    } catch (err) {
      await unlink(partial).catch(() => undefined);
      if (opts.signal?.aborted) throw abortReason(opts.signal);
      if (err === bodyError) throw err;
      throw this.failure(err);
    }
  }

  async get(key: string, range?: { start: number; end: number }): Promise<Readable | null> {
    const file = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw this.failure(err);
    }
    return handle.createReadStream({ ...(range ? { start: range.start, end: range.end } : {}), highWaterMark: READ_BUFFER_BYTES });
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const info = await stat(this.pathOf(key));
      return { size: info.size };
    } catch (err) {
      if (isMissing(err)) return null;
      throw this.failure(err);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      if (!isMissing(err)) throw this.failure(err);
    }
  }

  async presignGet(): Promise<string | null> {
    return null;
  }

  async presignPut(): Promise<string | null> {
    return null;
  }

  createMultipart(): Promise<string> {
    return Promise.reject(wrongProvider());
  }

  presignPart(): Promise<string> {
    return Promise.reject(wrongProvider());
  }

  completeMultipart(): Promise<void> {
    return Promise.reject(wrongProvider());
  }

  abortMultipart(): Promise<'aborted' | 'unsupported'> {
    return Promise.reject(wrongProvider());
  }

  /** The file of a key, provably inside the root (the pattern already excludes `..`; the prefix check is the backstop). */
  private pathOf(key: string): string {
    if (!isValidStorageKey(key)) throw StorageErrors.invalidKey();
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw StorageErrors.invalidKey();
    return file;
  }

  /** The body's own errors (an inspection refusal, a cancelled call) pass through; disk errors mean storage trouble. */
  private failure(err: unknown): Error {
    if (isAppError(err)) return err;
    if (isSystemError(err)) {
      this.logger.error({ err }, 'local storage failed');
      return StorageErrors.unavailable(err);
    }
    return err instanceof Error ? err : new Error(String(err));
  }

  private async removeStalePartials(): Promise<void> {
    const dir = path.join(this.root, PARTIAL_DIR);
    const cutoff = Date.now() - STALE_PARTIAL_MS;
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
    }
  }
}

const wrongProvider = () => StorageErrors.wrongProvider('Multipart uploads are for S3 storage; this storage keeps files on local disk');

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function isSystemError(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | null;
  return typeof e?.syscall === 'string' && typeof e.code === 'string';
}

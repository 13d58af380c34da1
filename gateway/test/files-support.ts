import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { freePort, startFleet, type Fleet } from '@lms/testing-fleet';
import { startGateway, type TestGateway } from './support/gateway';

/** Helpers of the file suites: multipart bodies written by hand (streamed), and a client that stops sending when answered. */

export type FilesFleet = Fleet<'student' | 'otherStudent'>;

/**
 * A fleet with media (and what it needs) plus a gateway in front, on a port chosen first so media's file URLs and
 * signed content URLs point at this gateway. Two students; uploads are not rate-limited here.
 */
export async function startFilesGateway(label: string, mediaEnv: Record<string, string>): Promise<{ fleet: FilesFleet; gateway: TestGateway }> {
  const port = await freePort();
  const fleet: FilesFleet = await startFleet({
    label,
    services: ['media'],
    env: { media: { ...mediaEnv, PUBLIC_API_URL: `http://127.0.0.1:${port}` } },
    users: { student: ['student', 'student'], otherStudent: ['student', 'otherstudent'] },
  });
  const gateway = await startGateway(fleet.authAddress, {
    PORT: String(port),
    CATALOG_GRPC_ADDR: fleet.catalog!.address,
    MEDIA_GRPC_ADDR: fleet.media!.address,
    RATE_LIMIT_UPLOADS_PER_HOUR: '1000',
  });
  return { fleet, gateway };
}

export interface MultipartParts {
  boundary: string;
  /** Everything before the file's bytes: the fields, then the file part's headers. */
  head: Buffer;
  /** The closing delimiter. */
  tail: Buffer;
}

export function multipart(fields: [string, string][], file: { name: string; type?: string; field?: string }): MultipartParts {
  const boundary = `----lmsfiles${randomBytes(8).toString('hex')}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
  );
  return { boundary, head: Buffer.from(parts.join(''), 'utf8'), tail: Buffer.from(`\r\n--${boundary}--\r\n`) };
}

export interface SentRequest {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Bytes of the body handed to the socket before the answer arrived (or all of them). */
  bytesWritten: number;
  /** Milliseconds from the first byte sent to the answer's headers. */
  answeredAfterMs: number;
}

/**
 * Sends `chunks` as the request body as fast as the server reads it (waiting for 'drain'), and stops
 * sending as soon as the answer's headers arrive — as a browser does when a server refuses an upload early.
 * A reset after the answer is expected (the server closes a connection whose body it will not read).
 */
export function sendStreaming(
  url: string,
  options: { method?: string; headers: Record<string, string>; chunks: Iterable<Buffer> | AsyncIterable<Buffer> },
): Promise<SentRequest> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let bytesWritten = 0;
    let answered = false;
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers });
    req.on('response', (res) => {
      answered = true;
      const answeredAfterMs = Date.now() - started;
      const body: Buffer[] = [];
      res.on('data', (c: Buffer) => body.push(c));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(body).toString('utf8'), bytesWritten, answeredAfterMs });
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    void (async () => {
      try {
        for await (const chunk of options.chunks) {
          if (answered || req.destroyed) break;
          bytesWritten += chunk.length;
          if (!req.write(chunk)) {
            await new Promise<void>((ok) => {
              const wake = () => {
                req.off('drain', wake);
                req.off('response', wake);
                req.off('close', wake);
                ok();
              };
              req.on('drain', wake);
              req.on('response', wake);
              req.on('close', wake);
            });
          }
        }
        if (!answered && !req.destroyed) req.end();
      } catch (err) {
        req.destroy(err as Error);
      }
    })();
  });
}

/** `count` bytes in chunks of `size` (zeros: what the server should never read is cheap to make). */
export function* zeros(count: number, size = 256 * 1024): Generator<Buffer> {
  const block = Buffer.alloc(size);
  for (let left = count; left > 0; left -= size) yield left >= size ? block : block.subarray(0, left);
}

/** A whole multipart upload of `bytes` (or of chunks) as the request's chunks. */
export function* multipartChunks(parts: MultipartParts, body: Iterable<Buffer>): Generator<Buffer> {
  yield parts.head;
  yield* body;
  yield parts.tail;
}

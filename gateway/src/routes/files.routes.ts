import { AsyncResource } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { AppError, isAppError } from '@lms/kit';
import type { CallOptions } from '@lms/kit/grpc';
import type { CompleteDirectUploadRequest } from '@lms/kit/generated/lms/media/v1/CompleteDirectUploadRequest';
import type { CreateDirectUploadRequest } from '@lms/kit/generated/lms/media/v1/CreateDirectUploadRequest';
import type { DirectUpload__Output as DirectUploadMessage } from '@lms/kit/generated/lms/media/v1/DirectUpload';
import type { DownloadHead__Output as DownloadHead } from '@lms/kit/generated/lms/media/v1/DownloadHead';
import type { DownloadRequest } from '@lms/kit/generated/lms/media/v1/DownloadRequest';
import type { DownloadResponse__Output as DownloadPart } from '@lms/kit/generated/lms/media/v1/DownloadResponse';
import type { Empty__Output as Empty } from '@lms/kit/generated/lms/media/v1/Empty';
import type { File__Output as FileMessage } from '@lms/kit/generated/lms/media/v1/File';
import type { FileIdRequest } from '@lms/kit/generated/lms/media/v1/FileIdRequest';
import type { FilePage__Output as FilePage } from '@lms/kit/generated/lms/media/v1/FilePage';
import type { ListMyFilesRequest } from '@lms/kit/generated/lms/media/v1/ListMyFilesRequest';
import type { UploadIdRequest } from '@lms/kit/generated/lms/media/v1/UploadIdRequest';
import type { UploadRequest } from '@lms/kit/generated/lms/media/v1/UploadRequest';
import type { UploadStart } from '@lms/kit/generated/lms/media/v1/UploadStart';
import { HttpError, fieldErrorsFromZod, validationError } from '../errors/http-errors';
import {
  BinarySchema,
  CompleteDirectUploadBody,
  CreateDirectUploadBody,
  DirectUploadContentQuery,
  DirectUploadSchema,
  DownloadQuery,
  FileIdParams,
  FilePageSchema,
  FileSchema,
  MyFilesQuery,
  UploadForm,
  UploadIdParams,
  UploadOptions,
} from '../openapi/files.schemas';
import { writeChunk } from '../presentation/csv';
import { contentRange, parseRange } from '../presentation/ranges';
import { bodyConsumed, route, type AnyRoute } from './route';

const API = '/api/v1/files';
const tags = ['Files'];

/** Bytes per message sent to media (the proto allows 1 MiB; small messages keep both sides' buffers small). */
export const UPLOAD_CHUNK_BYTES = 64 * 1024;

/** Multipart limits: one file, a few short fields (`folder`, `is_public`), nothing else. */
const MULTIPART_LIMITS = { files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 20 } as const;

/**
 * What the routes need of media (the kit's MediaClient has this shape; its streams carry the client's stream
 * deadline): uploads are client streams fed from the request body, a download is a server stream piped to the
 * response.
 */
export interface MediaFiles {
  Upload(messages: AsyncIterable<UploadRequest>, options?: CallOptions): Promise<FileMessage>;
  PutDirectUploadContent(messages: AsyncIterable<UploadRequest>, options?: CallOptions): Promise<DirectUploadMessage>;
  Download(request: DownloadRequest, options?: CallOptions): AsyncIterable<DownloadPart>;
  GetFile(request: FileIdRequest, options?: CallOptions): Promise<FileMessage>;
  ListMyFiles(request: ListMyFilesRequest, options?: CallOptions): Promise<FilePage>;
  DeleteFile(request: FileIdRequest, options?: CallOptions): Promise<Empty>;
  CreateDirectUpload(request: CreateDirectUploadRequest, options?: CallOptions): Promise<DirectUploadMessage>;
  CompleteDirectUpload(request: CompleteDirectUploadRequest, options?: CallOptions): Promise<FileMessage>;
  GetDirectUpload(request: UploadIdRequest, options?: CallOptions): Promise<DirectUploadMessage>;
  AbortDirectUpload(request: UploadIdRequest, options?: CallOptions): Promise<DirectUploadMessage>;
}

/** The public file: int64 strings as numbers; the uploader-only fields only when media sent them (uploader, admin). */
export function presentFile(file: FileMessage) {
  const { sha256: _sha256, uploaded_by, download_count, ...rest } = file;
  return {
    ...rest,
    file_size: Number(file.file_size),
    ...(uploaded_by ? { uploaded_by, download_count: Number(download_count) } : {}),
  };
}

function presentDirectUpload(upload: DirectUploadMessage) {
  return {
    ...upload,
    size: Number(upload.size),
    received_bytes: Number(upload.received_bytes),
    parts: upload.parts.map((p) => ({ ...p, size: Number(p.size) })),
  };
}

/**
 * The messages of an upload stream: `start`, the body's bytes in chunks of at most UPLOAD_CHUNK_BYTES, then
 * `end` with the count sent. Pulled by the kit client as fast as media takes them, so the body is read no
 * faster than it is stored. `end` goes only once the body ended normally and `beforeEnd` passed: media keeps
 * nothing from a stream without it (a cancelled gRPC stream can look cleanly ended for a moment). The body is
 * not destroyed when media answers early (the iterator's return): the answer still has to be written on its
 * socket; the route stops reading instead. `beforeEnd` may throw to cancel the call (a form problem found after
 * the file, e.g. a second file; a request body cut short).
 */
export async function* uploadMessages(start: UploadStart, body: Readable, beforeEnd?: () => Promise<void>): AsyncGenerator<UploadRequest> {
  yield { start };
  let total = 0;
  for await (const data of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    total += data.length;
    for (let at = 0; at < data.length; at += UPLOAD_CHUNK_BYTES) yield { chunk: data.subarray(at, at + UPLOAD_CHUNK_BYTES) };
  }
  await beforeEnd?.();
  yield { end: { total_bytes: total } };
}

function contentLength(req: Request): number {
  const value = Number(req.get('content-length'));
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * An upper bound of the file's size from the request's Content-Length: minus the least framing a multipart
 * body can have around it (delimiters, the shortest part headers, the fields before it). String lengths
 * bound the bytes from below whatever the encoding. 0 = unknown (chunked). Sent as a bound
 * (`expected_size_is_bound`): media allows it up to 64 KiB of envelope over the limit and enforces the exact
 * limit on the bytes, so a file of exactly the maximum size is not refused for the headers around it.
 */
export function expectedFileSize(total: number, boundary: string, filename: string, fields: [string, string][]): number {
  if (total <= 0) return 0;
  const delimiter = boundary.length + 6; // CRLF "--" boundary CRLF (the first part has no leading CRLF)
  const fileHeaders = 'content-disposition:form-data;name=file;filename='.length + filename.length + 4;
  const fieldParts = fields.reduce((sum, [name, value]) => sum + delimiter + 'content-disposition:form-data;name='.length + name.length + 4 + value.length, 0);
  const closing = boundary.length + 6; // CRLF "--" boundary "--"
  return Math.max(0, total - (fieldParts + delimiter - 2 + fileHeaders + closing));
}

const formError = (name: string, msg: string) => validationError([{ loc: ['body', name], msg }]);

/**
 * An upload that failed on the gateway's side (the file part errored: a malformed or cut body) is answered
 * with what was wrong with the body, not the parser's bare Error (a 500). Media's answers are AppErrors and
 * pass as they are; for the others the body's failure is waited for briefly (busboy reports it on the next tick).
 */
async function whyTheBodyFailed(err: unknown, bodyDone: Deferred, bodyFailure: () => unknown): Promise<never> {
  if (isAppError(err) || err instanceof HttpError) throw err;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([bodyDone.promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
  clearTimeout(timer);
  throw bodyFailure() ?? err;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  return { promise, resolve, reject };
}

/**
 * Parses a multipart upload as it arrives and streams its `file` part to media. Fields must come before the
 * file (their values go in the stream's first message); a problem found after the file (a second file, a
 * field after it) fails the call before media completes it, so nothing is kept. Whatever happens, the
 * request is no longer read once the outcome is known: a refused 100 MB upload is not drained.
 */
async function receiveMultipart(
  req: Request,
  query: { folder?: string; is_public?: boolean },
  upload: (start: UploadStart, file: Readable, beforeEnd: () => Promise<void>) => Promise<FileMessage>,
): Promise<FileMessage> {
  if (!/^multipart\/form-data\b/i.test(req.get('content-type') ?? '')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data (field `file`)');
  }
  let parser: busboy.Busboy;
  try {
    // UTF-8 names (browsers send raw UTF-8: an Arabic name survives); busboy strips any path from them.
    parser = busboy({ headers: req.headers, limits: MULTIPART_LIMITS, defParamCharset: 'utf8' });
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'Malformed multipart/form-data request (no boundary)');
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.get('content-type') ?? '');
  const boundaryText = boundary?.[1] ?? boundary?.[2] ?? '';
  const bodyDone = deferred();
  const fields: [string, string][] = [];
  let sending: Promise<FileMessage> | undefined;
  let bodyFailure: unknown;

  try {
    return await new Promise<FileMessage>((resolve, reject) => {
      let file: Readable | undefined;
      const fail = (err: unknown) => {
        bodyFailure ??= err;
        bodyDone.reject(err);
        if (!sending) reject(err);
      };
      parser.on('field', (name, value, { nameTruncated, valueTruncated }) => {
        if (sending) fail(formError(name, 'Form fields must come before the file'));
        else if (nameTruncated || valueTruncated) fail(formError(name, `Too long (at most ${MULTIPART_LIMITS.fieldSize} bytes)`));
        else fields.push([name, value]);
      });
      // Bound to this request's context: busboy emits from the socket's data events, which on a kept-alive connection
      // run in no request's context (or an earlier one's) — the call to media would carry nobody's token.
      parser.on('file', AsyncResource.bind((name: string, stream: Readable, { filename, mimeType }: busboy.FileInfo) => {
        // A malformed body destroys the part with an error: the route reports it (bodyFailure), never the process.
        stream.on('error', () => undefined);
        if (name !== 'file') {
          stream.resume();
          fail(formError(name, 'Unknown file field: send the file as `file`'));
          return;
        }
        const options = UploadOptions.safeParse(Object.fromEntries(fields));
        if (!options.success) {
          stream.resume();
          fail(validationError(fieldErrorsFromZod('body', options.error)));
          return;
        }
        const chosen = { ...query, ...options.data };
        const start: UploadStart = {
          original_filename: filename ?? '',
          declared_mime_type: mimeType ?? '',
          folder: chosen.folder ?? '',
          is_public: chosen.is_public ?? false,
          expected_size: expectedFileSize(contentLength(req), boundaryText, filename ?? '', fields),
          expected_size_is_bound: true,
        };
        file = stream;
        sending = upload(start, stream, () => bodyDone.promise).catch((err: unknown) => whyTheBodyFailed(err, bodyDone, () => bodyFailure));
        sending.then(resolve, reject);
      }));
      parser.on('filesLimit', () => fail(formError('file', 'Send one file per upload')));
      parser.on('fieldsLimit', () => fail(formError('form', `At most ${MULTIPART_LIMITS.fields} form fields`)));
      parser.on('partsLimit', () => fail(formError('form', `At most ${MULTIPART_LIMITS.parts} form parts`)));
      parser.on('error', () => fail(new HttpError(400, 'BAD_REQUEST', 'Malformed multipart/form-data body')));
      // The whole body is parsed (after the file part was read to its end); also emitted after an error.
      parser.on('close', () => {
        if (bodyFailure !== undefined) return;
        bodyDone.resolve();
        if (!sending) reject(formError('file', 'Field required'));
      });
      req.on('close', () => {
        if (req.complete) return;
        fail(new HttpError(400, 'BAD_REQUEST', 'Request body was incomplete'));
        // The file will not end now: its reader fails (premature close), which cancels the call to media.
        file?.destroy();
      });
      req.pipe(parser);
    });
  } finally {
    // Done either way: a refusal must not keep reading (the answer goes out with Connection: close).
    req.unpipe(parser);
    req.pause();
  }
}

/** The file's Content-Disposition: RFC 6266 with an RFC 5987 `filename*` for any non-ASCII name. */
function disposition(name: string, inline: boolean): string {
  return contentDisposition(name || 'file', { type: inline ? 'inline' : 'attachment' });
}

function downloadHeaders(res: Response, head: DownloadHead, inline: boolean): void {
  const file = head.file!;
  res.setHeader('Content-Type', file.mime_type || 'application/octet-stream');
  res.setHeader('Content-Length', String(head.content_length));
  res.setHeader('Accept-Ranges', 'bytes');
  if (head.etag) res.setHeader('ETag', head.etag);
  res.setHeader('Content-Disposition', disposition(file.original_filename, inline));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // An uploaded HTML-like or PDF file opened inline must not run scripts with the API's origin.
  res.setHeader('Content-Security-Policy', 'sandbox');
  cacheHeaders(res, file.is_public);
  if (head.partial) {
    res.setHeader('Content-Range', contentRange(Number(head.total_size), { start: Number(head.range_start), end: Number(head.range_end) }));
  }
}

/** no-transform: the bytes (and their ranges) go out as stored, never recompressed on the way. */
function cacheHeaders(res: Response, isPublic: boolean): void {
  res.setHeader('Cache-Control', isPublic ? 'public, max-age=3600, no-transform' : 'private, max-age=0, must-revalidate, no-transform');
  if (!isPublic) res.setHeader('Vary', 'Authorization');
}

/** csv.ts's back-pressured writer takes text; bytes are written the same way. */
const writeBytes = (res: Response, chunk: Buffer) => writeChunk(res, chunk as unknown as string);

/**
 * One download: media checks access first, then the validators (304), If-Range and the range, and answers a
 * head (or a presigned URL); a GET's bytes follow and are written as the client takes them. A HEAD or a 304
 * opens nothing in storage and is not counted. The client going away breaks the loop, which cancels the call.
 */
async function sendDownload(media: MediaFiles, req: Request, res: Response, fileId: string, inline: boolean): Promise<void> {
  const request: DownloadRequest = {
    file_id: fileId,
    inline,
    ...parseRange(req.get('range')),
    head_only: req.method === 'HEAD',
    if_none_match: req.get('if-none-match') ?? '',
    if_range: req.get('if-range') ?? '',
  };
  const parts = media.Download(request)[Symbol.asyncIterator]();
  let first: IteratorResult<DownloadPart>;
  try {
    first = await parts.next();
  } catch (err) {
    if (isAppError(err) && err.code === 'MEDIA.RANGE_NOT_SATISFIABLE' && err.meta?.total_size !== undefined) {
      res.setHeader('Content-Range', contentRange(Number(err.meta.total_size)));
    }
    throw err;
  }
  const stop = async () => {
    await parts.return?.(undefined);
  };
  if (first.done) throw new AppError('internal', 'media ended a download before its head', { code: 'MEDIA.NO_HEAD' });
  const { redirect_url: redirect, head } = first.value;
  if (redirect) {
    await stop();
    // The presigned URL is a short-lived credential: no cache may keep it.
    res.status(302).setHeader('Location', redirect);
    res.setHeader('Cache-Control', 'no-store');
    res.end();
    return;
  }
  if (!head?.file) throw new AppError('internal', 'media answered a download without a head', { code: 'MEDIA.NO_HEAD' });
  if (head.not_modified) {
    await stop();
    if (head.etag) res.setHeader('ETag', head.etag);
    cacheHeaders(res, head.file.is_public);
    res.status(304).end();
    return;
  }
  downloadHeaders(res, head, inline);
  res.status(head.partial ? 206 : 200);
  if (request.head_only) {
    await stop();
    res.end();
    return;
  }
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      if (next.value.chunk && !(await writeBytes(res, next.value.chunk))) {
        await stop();
        return;
      }
    }
  } catch (err) {
    // Headers are gone: a truncated download must not look complete.
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    return;
  }
  res.end();
}

/**
 * API.md "Files" (seed rows 31–33, 37, 38) and direct uploads. Every byte goes through media as a gRPC
 * stream: the gateway holds at most a few 64 KiB chunks of any upload or download. Access is media's
 * decision (a private file another user may not read is 404, never 403).
 */
export function fileRoutes(media: MediaFiles): AnyRoute[] {
  const upload = route({
    method: 'post',
    path: `${API}/upload`,
    operationId: 'uploadFile',
    summary: 'Upload a file (video, document, image) as multipart/form-data',
    description:
      'The `file` part is streamed to storage as it arrives (never held whole). `folder` (default `uploads`) and `is_public` (default ' +
      'false) as query parameters or as form fields **before** the file. The type is read from the content (magic bytes): a name that ' +
      'does not match it, or a type not allowed, is **415**; over the maximum size (100 MB by default) or the storage quota is **413**, ' +
      'answered as soon as it is known with `Connection: close` (the rest of the body is not read). 10 uploads per hour per user.',
    tags,
    access: 'authenticated',
    strictLimit: 'upload',
    query: UploadOptions,
    rawBody: { contentType: 'multipart/form-data', schema: UploadForm },
    success: { status: 201, description: 'The stored file', schema: FileSchema },
    errors: [413, 415],
    handle: async ({ query, req, res }) => {
      const file = await receiveMultipart(req, query, (start, stream, beforeEnd) => media.Upload(uploadMessages(start, stream, beforeEnd)));
      bodyConsumed(res);
      return presentFile(file);
    },
  });

  const myFiles = route({
    method: 'get',
    path: `${API}/my-files`,
    operationId: 'listMyFiles',
    summary: 'Your uploaded files, newest first',
    description: '`page`/`page_size`, or the seed\'s `skip`/`limit` (then `page` is the page that offset falls in). `file_type` filters.',
    tags,
    access: 'authenticated',
    query: MyFilesQuery,
    success: { status: 200, description: 'A page of files', schema: FilePageSchema },
    handle: async ({ query }) => {
      const useOffset = query.skip !== undefined || query.limit !== undefined;
      const page = await media.ListMyFiles({
        file_type: query.file_type ?? '',
        page: query.page,
        page_size: useOffset ? (query.limit ?? query.page_size) : query.page_size,
        use_offset: useOffset,
        offset: query.skip ?? 0,
      });
      return { files: page.files.map(presentFile), total: page.total, page: page.page, page_size: page.page_size, total_pages: page.total_pages };
    },
  });

  const download = route({
    method: 'get',
    path: `${API}/download/{file_id}`,
    operationId: 'downloadFile',
    summary: 'Download a file (public files: anyone; private: the uploader, admins, readers of a lesson it is attached to)',
    description:
      'Streams the bytes. One `Range: bytes=a-b | a- | -n` → 206 with `Content-Range` (several ranges or a malformed one: the whole ' +
      'file); beyond the end → 416 with `Content-Range: bytes */<size>`. `If-Range` (a strong ETag), `If-None-Match` → 304. HEAD: the ' +
      "same headers without the body. Only a GET's download from byte 0 counts in `download_count` (not a HEAD, a 304 or a later range). " +
      '`Content-Disposition: attachment` (or `inline` with `?inline=true`) with the original name (RFC 5987 `filename*` when not ASCII); ' +
      '`X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`. With S3 in redirect mode: **302** to a short-lived ' +
      'presigned URL, issued only after the access check. A private file the caller may not read is 404.',
    tags,
    access: 'optional',
    params: FileIdParams,
    query: DownloadQuery,
    success: { status: 200, description: 'The file (206 for a range)', schema: BinarySchema, contentType: 'application/octet-stream' },
    errors: [404, 416],
    handle: async ({ params, query, req, res }) => {
      await sendDownload(media, req, res, params.file_id, query.inline ?? false);
      return undefined;
    },
  });

  const createDirect = route({
    method: 'post',
    path: `${API}/direct-uploads`,
    operationId: 'createDirectUpload',
    summary: 'Declare a large upload (name, exact size, type): where to PUT the bytes',
    description:
      'S3: one presigned PUT, or presigned multipart parts for large files (PUT each part, keep each answer\'s ETag). Local storage: one ' +
      'signed URL of this API (`PUT /files/direct-uploads/{upload_id}/content`). Then `POST …/complete`: the stored object is checked ' +
      '(size, type by content) before it becomes a file. Abandoned uploads are cleaned up after `expires_at`. Counts as an upload for the ' +
      'hourly limit; the declared size is reserved against the quota.',
    tags,
    access: 'authenticated',
    strictLimit: 'upload',
    body: CreateDirectUploadBody,
    success: { status: 201, description: 'The pending upload with its URLs', schema: DirectUploadSchema },
    errors: [413, 415],
    handle: async ({ body }) =>
      presentDirectUpload(
        await media.CreateDirectUpload({
          filename: body.filename,
          size: body.size,
          mime_type: body.mime_type ?? '',
          folder: body.folder ?? '',
          is_public: body.is_public ?? false,
        }),
      ),
  });

  const putDirectContent = route({
    method: 'put',
    path: `${API}/direct-uploads/{upload_id}/content`,
    operationId: 'putDirectUploadContent',
    summary: "Local storage: the declared upload's bytes (the signed URL from POST /files/direct-uploads)",
    description:
      'No token: the URL\'s `expires` and `signature` authorise it (403 when tampered or expired). The body is streamed to storage and ' +
      'checked as it arrives; bytes beyond the declared size are 413 at once.',
    tags,
    access: 'public',
    params: UploadIdParams,
    query: DirectUploadContentQuery,
    rawBody: { contentType: 'application/octet-stream', schema: BinarySchema },
    success: { status: 200, description: 'The upload (bytes received)', schema: DirectUploadSchema },
    errors: [403, 404, 409, 413, 415],
    handle: async ({ params, query, req, res }) => {
      const start: UploadStart = { upload_id: params.upload_id, expires: query.expires, signature: query.signature, expected_size: contentLength(req) };
      // A body cut short may still end the request's stream cleanly: `end` goes only for a complete one.
      const bodyComplete = async () => {
        if (!req.complete) throw new HttpError(400, 'BAD_REQUEST', 'Request body was incomplete');
      };
      try {
        const reply = await media.PutDirectUploadContent(uploadMessages(start, req, bodyComplete));
        bodyConsumed(res);
        return presentDirectUpload(reply);
      } finally {
        req.pause();
      }
    },
  });

  const completeDirect = route({
    method: 'post',
    path: `${API}/direct-uploads/{upload_id}/complete`,
    operationId: 'completeDirectUpload',
    summary: 'Complete a direct upload: the stored object is checked and becomes a file',
    description: 'The declaring user. Idempotent: a completed upload answers its file again. Wrong size → 422; content not allowed → 415 (the object is removed).',
    tags,
    access: 'authenticated',
    params: UploadIdParams,
    body: CompleteDirectUploadBody,
    bodyRequired: false,
    success: { status: 201, description: 'The file', schema: FileSchema },
    errors: [404, 409, 415],
    handle: async ({ params, body }) =>
      presentFile(await media.CompleteDirectUpload({ upload_id: params.upload_id, parts: body.parts ?? [] })),
  });

  const getDirect = route({
    method: 'get',
    path: `${API}/direct-uploads/{upload_id}`,
    operationId: 'getDirectUpload',
    summary: 'A direct upload: status, URLs while pending, failure',
    tags,
    access: 'authenticated',
    params: UploadIdParams,
    success: { status: 200, description: 'The upload', schema: DirectUploadSchema },
    errors: [404],
    handle: async ({ params }) => presentDirectUpload(await media.GetDirectUpload({ upload_id: params.upload_id })),
  });

  const abortDirect = route({
    method: 'delete',
    path: `${API}/direct-uploads/{upload_id}`,
    operationId: 'abortDirectUpload',
    summary: 'Abort a pending direct upload (its reserved quota is released, stored bytes removed)',
    tags,
    access: 'authenticated',
    params: UploadIdParams,
    success: { status: 200, description: 'The upload, aborted', schema: DirectUploadSchema },
    errors: [404],
    handle: async ({ params }) => presentDirectUpload(await media.AbortDirectUpload({ upload_id: params.upload_id })),
  });

  const getFile = route({
    method: 'get',
    path: `${API}/{file_id}`,
    operationId: 'getFile',
    summary: "A file's details (same access as the download)",
    tags,
    access: 'optional',
    params: FileIdParams,
    success: { status: 200, description: 'The file', schema: FileSchema },
    errors: [404],
    handle: async ({ params }) => presentFile(await media.GetFile({ file_id: params.file_id })),
  });

  const deleteFile = route({
    method: 'delete',
    path: `${API}/{file_id}`,
    operationId: 'deleteFile',
    summary: 'Delete a file (the uploader, admins); its bytes are removed',
    description: 'Someone who may read the file but did not upload it: 403; someone who may not read it: 404. Lessons referencing it drop the reference.',
    tags,
    access: 'authenticated',
    params: FileIdParams,
    success: { status: 204, description: 'Deleted' },
    errors: [403, 404],
    handle: async ({ params }) => {
      await media.DeleteFile({ file_id: params.file_id });
      return undefined;
    },
  });

  // The literal paths before `/files/{file_id}`.
  return [upload, myFiles, download, createDirect, putDirectContent, completeDirect, getDirect, abortDirect, getFile, deleteFile];
}

import { optionalCaller } from '@lms/kit/auth';
import type { MediaHandlers } from '@lms/kit/clients';
import type { MediaDeps } from '../app/deps';
import { abortDirectUpload, completeDirectUpload, createDirectUpload, getDirectUpload, putDirectUploadContent } from '../app/direct-uploads';
import { batchGetFileFacts } from '../app/files/batch-get-file-facts';
import { deleteFile } from '../app/files/delete-file';
import { prepareDownload } from '../app/files/download-file';
import { getFile } from '../app/files/get-file';
import { listMyFiles } from '../app/files/list-my-files';
import { chunksUntilEnd, uploadFile } from '../app/files/upload-file';
import { totalPages } from '@lms/kit/errors';
import { MediaErrors } from '../domain/media.errors';
import { downloadHead, factsMessage, fileMessage } from './media.mappers';

/**
 * The MediaService over gRPC: authenticate, decode, call the use case, encode. Upload and
 * PutDirectUploadContent are client streams (pulled with back-pressure), Download a server stream; the kit maps
 * thrown AppErrors to statuses for every kind. GetFile and Download are open to anonymous callers (public files).
 */
export function mediaHandlers(deps: MediaDeps): MediaHandlers {
  const caller = (authorization: string | undefined) => deps.verifier.verify(authorization);
  const maybeCaller = (authorization: string | undefined) => optionalCaller(deps.verifier, authorization);
  return {
    Upload: async (requests, call) => {
      const user = await caller(call.authorization);
      const messages = requests[Symbol.asyncIterator]();
      const first = await messages.next();
      const start = first.done ? undefined : first.value.start;
      if (!start) throw MediaErrors.badStream('The first message must be `start`');
      const input = {
        originalFilename: start.original_filename,
        declaredMimeType: start.declared_mime_type,
        folder: start.folder,
        isPublic: start.is_public,
        expectedSize: start.expected_size,
        expectedSizeIsBound: start.expected_size_is_bound,
      };
      const file = await uploadFile(deps, user, input, chunksUntilEnd(messages), call.signal);
      return fileMessage(deps.config, user, file);
    },
    GetFile: async (req, call) => {
      const user = await maybeCaller(call.authorization);
      return fileMessage(deps.config, user, await getFile(deps, user, req.file_id));
    },
    ListMyFiles: async (req, call) => {
      const user = await caller(call.authorization);
      const { files, total, paging } = await listMyFiles(deps, user, req);
      return {
        files: files.map((file) => fileMessage(deps.config, user, file)),
        total,
        page: paging.page,
        page_size: paging.pageSize,
        total_pages: totalPages(total, paging.pageSize),
      };
    },
    DeleteFile: async (req, call) => {
      await deleteFile(deps, await caller(call.authorization), req.file_id);
      return {};
    },
    Download: async function* (req, call) {
      const user = await maybeCaller(call.authorization);
      const plan = await prepareDownload(deps, user, {
        fileId: req.file_id,
        range: { hasRange: req.has_range, start: Number(req.range_start), end: Number(req.range_end), suffixLength: Number(req.suffix_length) },
        inline: req.inline,
        headOnly: req.head_only,
        ifNoneMatch: req.if_none_match,
        ifRange: req.if_range,
      });
      switch (plan.kind) {
        case 'not_modified':
          yield { head: { ...downloadHead(deps.config, user, plan.file, { start: 0, end: plan.file.fileSize - 1, partial: false }), not_modified: true } };
          return;
        case 'head':
          yield { head: downloadHead(deps.config, user, plan.file, plan.range) };
          return;
        case 'redirect':
          yield { redirect_url: plan.url };
          return;
      }
      try {
        yield { head: downloadHead(deps.config, user, plan.file, plan.range) };
        for await (const chunk of plan.body) yield { chunk };
      } finally {
        plan.close(); // a caller gone after the head never started the body, which would have closed it
      }
    },
    CreateDirectUpload: async (req, call) => createDirectUpload(deps, await caller(call.authorization), req),
    PutDirectUploadContent: (requests, call) => putDirectUploadContent(deps, requests, call),
    CompleteDirectUpload: async (req, call) => completeDirectUpload(deps, await caller(call.authorization), req),
    GetDirectUpload: async (req, call) => getDirectUpload(deps, await caller(call.authorization), req),
    AbortDirectUpload: async (req, call) => abortDirectUpload(deps, await caller(call.authorization), req),
    BatchGetFileFacts: async (req, call) => ({ files: (await batchGetFileFacts(deps, call.callerService, req.file_ids)).map(factsMessage) }),
  };
}

import type { BatchGetFileFactsRequest } from '@lms/kit/generated/lms/media/v1/BatchGetFileFactsRequest';
import type { FileFactList__Output } from '@lms/kit/generated/lms/media/v1/FileFactList';
import type { Logger } from '@lms/kit/logging';
import { CatalogErrors } from '../domain/catalog.errors';
import type { FileFacts } from '../domain/lesson-files';

/** The one media call the catalog makes (the kit's MediaClient has it). */
export interface FileFactsClient {
  BatchGetFileFacts(request: BatchGetFileFactsRequest): Promise<FileFactList__Output>;
}

/**
 * The media service's facts about uploaded files (uploader, type, size), asked before a lesson write's
 * transaction. Media unreachable → UNAVAILABLE `CATALOG.MEDIA_UNAVAILABLE` (503, retryable): a lesson is
 * never written with files nobody checked.
 */
export class MediaDirectory {
  constructor(
    private readonly client: FileFactsClient,
    private readonly logger: Logger,
  ) {}

  /** The facts of the files that exist, by id (an id media does not know is simply absent). */
  async fileFacts(fileIds: string[]): Promise<Map<string, FileFacts>> {
    if (!fileIds.length) return new Map();
    let answer: FileFactList__Output;
    try {
      answer = await this.client.BatchGetFileFacts({ file_ids: fileIds });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, files: fileIds.length }, 'media service unavailable; lesson files cannot be checked');
      throw CatalogErrors.mediaUnavailable();
    }
    return new Map(
      answer.files.map((f) => [
        f.id.toLowerCase(),
        {
          id: f.id.toLowerCase(),
          uploadedBy: f.uploaded_by,
          uploaderRole: f.uploader_role,
          fileType: f.file_type,
          mimeType: f.mime_type,
          originalFilename: f.original_filename,
          fileSize: Number(f.file_size),
        },
      ]),
    );
  }
}

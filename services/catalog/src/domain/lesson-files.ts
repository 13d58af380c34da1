import type { FieldError } from '@lms/kit/errors';
import { CatalogErrors } from './catalog.errors';
import type { Checker } from './validation';

/** A media file attached to a lesson: the file's facts as they were when it was attached. */
export interface LessonAttachment {
  fileId: string;
  /** The file's original (sanitised) name. */
  filename: string;
  fileType: string;
  mimeType: string;
  fileSize: number;
}

/** What the media service states about an uploaded file (BatchGetFileFacts). */
export interface FileFacts {
  id: string;
  uploadedBy: string;
  /** The uploader's role when uploading. */
  uploaderRole: string;
  fileType: string;
  mimeType: string;
  originalFilename: string;
  fileSize: number;
}

export const ATTACHMENTS_MAX = 20;

/** The syntax of `attachment_file_ids`: at most 20 UUIDs, none twice. */
export function attachmentIds(check: Checker, raw: string[]): string[] {
  if (raw.length > ATTACHMENTS_MAX) {
    check.add('attachment_file_ids', `must contain at most ${ATTACHMENTS_MAX} files`);
    return [];
  }
  const ids: string[] = [];
  raw.forEach((value, i) => {
    const id = check.uuid(['attachment_file_ids', i], value);
    if (!id) return;
    if (ids.includes(id)) check.add(['attachment_file_ids', i], 'is listed more than once');
    else ids.push(id);
  });
  return ids;
}

/** The files a lesson write references (asked of media before the transaction). */
export function referencedFileIds(request: { videoFileId?: string | null; attachmentFileIds?: string[] }): string[] {
  const ids = new Set(request.attachmentFileIds ?? []);
  if (request.videoFileId) ids.add(request.videoFileId);
  return [...ids];
}

/**
 * The rules of a lesson's files, with media's facts (`facts`; ids missing there do not exist) and the ids
 * the catalog has seen deleted since: each file exists, was uploaded by the course owner or by an admin
 * (anyone else's upload, a student's included, cannot be put in front of the course's students), and the
 * video is a video. Throws INVALID_ARGUMENT naming every refused id; returns the attachments' snapshots.
 */
export function checkLessonFiles(
  course: { instructorId: string },
  request: { videoFileId?: string | null; attachmentFileIds?: string[] },
  facts: ReadonlyMap<string, FileFacts>,
  deleted: ReadonlySet<string>,
): LessonAttachment[] {
  const errors: FieldError[] = [];
  const refusal = (id: string): string | undefined => {
    const file = facts.get(id);
    if (!file || deleted.has(id)) return 'File not found';
    if (file.uploadedBy !== course.instructorId && file.uploaderRole !== 'admin') return 'The file was not uploaded by the course owner';
    return undefined;
  };
  if (request.videoFileId) {
    const msg = refusal(request.videoFileId) ?? (facts.get(request.videoFileId)?.fileType !== 'video' ? 'The file is not a video' : undefined);
    if (msg) errors.push({ loc: ['video_file_id'], msg });
  }
  const attachments: LessonAttachment[] = [];
  (request.attachmentFileIds ?? []).forEach((id, i) => {
    const msg = refusal(id);
    if (msg) return void errors.push({ loc: ['attachment_file_ids', i], msg });
    const file = facts.get(id)!;
    attachments.push({ fileId: id, filename: file.originalFilename, fileType: file.fileType, mimeType: file.mimeType, fileSize: file.fileSize });
  });
  if (errors.length) throw CatalogErrors.validation(errors);
  return attachments;
}

export function sameAttachments(a: readonly LessonAttachment[], b: readonly LessonAttachment[]): boolean {
  return a.length === b.length && a.every((x, i) => x.fileId === b[i].fileId);
}

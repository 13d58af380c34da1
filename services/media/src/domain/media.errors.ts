import { AppError, NotFoundError, PermissionDeniedError, PreconditionError, UnavailableError, ValidationError, type FieldError } from '@lms/kit/errors';

const MiB = 1024 * 1024;

/** "100MB" for 100 MiB, "1.5MB" otherwise: the seed's wording of the upload limit. */
export function megabytes(bytes: number): string {
  const mb = bytes / MiB;
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(1))}MB`;
}

/**
 * Every refusal of the media service, with its stable code. Kinds map once to gRPC statuses (kit); the gateway
 * refines some codes to HTTP statuses no gRPC kind names (kit `httpStatusForError`: 413, 415, 416). Too large and
 * over quota are NOT resource_exhausted (that is 429, "slow down"): retrying the same upload never helps.
 * Messages are safe to show to the caller.
 */
export const MediaErrors = {
  validation: (fields: FieldError[], message = 'The request is invalid') => new ValidationError(message, fields),
  /** Also for a private file the caller may not read: its existence is not revealed. */
  fileNotFound: () => new NotFoundError('File not found', 'MEDIA.FILE_NOT_FOUND'),
  uploadNotFound: () => new NotFoundError('Upload not found', 'MEDIA.UPLOAD_NOT_FOUND'),
  fileTooLarge: (maxBytes: number) =>
    new AppError('invalid_argument', `File too large. Maximum size: ${megabytes(maxBytes)}`, { code: 'MEDIA.FILE_TOO_LARGE', meta: { max_bytes: maxBytes } }),
  quotaExceeded: (usedBytes: number, quotaBytes: number) =>
    new AppError('failed_precondition', `Storage quota exceeded: ${megabytes(usedBytes)} of ${megabytes(quotaBytes)} used`, {
      code: 'MEDIA.QUOTA_EXCEEDED',
      meta: { used_bytes: usedBytes, quota_bytes: quotaBytes },
    }),
  /** The name's extension is not one of the allowed ones. */
  unsupportedType: (extension: string) =>
    new AppError('invalid_argument', `File type not allowed: ${extension || '(no extension)'}`, { code: 'MEDIA.UNSUPPORTED_TYPE' }),
  /** The content is not what the name says, or not a recognised type at all. */
  contentMismatch: (message: string) => new AppError('invalid_argument', message, { code: 'MEDIA.CONTENT_MISMATCH' }),
  emptyFile: () => new AppError('invalid_argument', 'The file is empty', { code: 'MEDIA.EMPTY_FILE' }),
  truncatedFile: (typeName: string) =>
    new AppError('invalid_argument', `The ${typeName} file is incomplete (truncated)`, { code: 'MEDIA.TRUNCATED_FILE' }),
  /** A direct upload sent more bytes than it declared: 413 like any FILE_TOO_LARGE, worded by the declared size. */
  beyondDeclaredSize: (declared: number) =>
    new AppError('invalid_argument', `More bytes than the ${declared} declared for this upload`, {
      code: 'MEDIA.FILE_TOO_LARGE',
      meta: { declared_size: declared },
    }),
  sizeMismatch: (declared: number, stored: number) =>
    new AppError('invalid_argument', `The stored object has ${stored} bytes, but ${declared} were declared`, {
      code: 'MEDIA.SIZE_MISMATCH',
      meta: { declared_size: declared, stored_size: stored },
    }),
  rangeNotSatisfiable: (totalSize: number) =>
    new AppError('invalid_argument', 'The requested range is not satisfiable', { code: 'MEDIA.RANGE_NOT_SATISFIABLE', meta: { total_size: totalSize } }),
  uploadUrlInvalid: () => new PermissionDeniedError('The upload URL is not valid', 'MEDIA.UPLOAD_URL_INVALID'),
  uploadUrlExpired: () => new PermissionDeniedError('The upload URL has expired', 'MEDIA.UPLOAD_URL_EXPIRED'),
  uploadNotPending: (status: string) =>
    new AppError('failed_precondition', `The upload is ${status}, no longer pending`, { code: 'MEDIA.UPLOAD_NOT_PENDING', meta: { status } }),
  /** A caller who can read the file but did not upload it (one who cannot read it gets fileNotFound). */
  notFileOwner: () => new PermissionDeniedError('Only the uploader or an administrator can delete this file', 'MEDIA.NOT_FILE_OWNER'),
  catalogUnavailable: (cause?: unknown) => new UnavailableError('The course catalog is unavailable', 'MEDIA.CATALOG_UNAVAILABLE', cause),
  wrongProvider: (message: string) => new PreconditionError(message, 'MEDIA.WRONG_PROVIDER'),
  /** The stream ended without its `end` message (the sender stopped: cancelled, disconnected) or with a count other than what arrived. */
  incompleteUpload: (meta?: Record<string, unknown>) =>
    new AppError('invalid_argument', 'The upload ended before all of its bytes arrived', { code: 'MEDIA.INCOMPLETE_UPLOAD', meta }),
  /** The stream did not start with `start`, or sent a second one. */
  badStream: (message: string) => new ValidationError(message, [], 'MEDIA.BAD_STREAM'),
  servicesOnly: () => new PermissionDeniedError('This call is for the fleet’s services only', 'MEDIA.SERVICES_ONLY'),
};

import { AppError, PreconditionError, UnavailableError } from '@lms/kit/errors';

/** The refusals of an object storage, with their stable codes (the same in every service that keeps files). */
export const StorageErrors = {
  /** Network or disk trouble, an unreachable or failing (5xx) server, a missing bucket: the caller may retry. */
  unavailable: (cause?: unknown) => new UnavailableError('File storage is unavailable', 'STORAGE.UNAVAILABLE', cause),
  /** A key that is not one the service builds: a bug in the caller, never a user's mistake (hence `internal`). */
  invalidKey: () => new AppError('internal', 'Invalid storage key', { code: 'STORAGE.INVALID_KEY' }),
  /** An operation only the other provider has (multipart uploads on local disk). */
  wrongProvider: (message: string) => new PreconditionError(message, 'STORAGE.WRONG_PROVIDER'),
};

/** Why a put stopped: the signal's reason when it carries one, else a plain AbortError. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The storage write was aborted'), { name: 'AbortError' });
}

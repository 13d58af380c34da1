import { AppError } from '@lms/kit/errors';

/** A key that is not one the service builds: a bug in the caller, never a user's mistake (hence `internal`). */
export const invalidStorageKey = () => new AppError('internal', 'Invalid storage key', { code: 'MEDIA.INVALID_STORAGE_KEY' });

/** Why a put stopped: the signal's reason when it carries one, else a plain AbortError. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The storage write was aborted'), { name: 'AbortError' });
}

import { Checker } from '../../domain/validation';

/** A file id checked up front (INVALID_ARGUMENT with its field when malformed). */
export function checkFileId(raw: string): string {
  const check = new Checker();
  const id = check.uuid('file_id', raw);
  check.throwIfAny();
  return id;
}

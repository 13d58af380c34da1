import { FieldChecker, PAGING, ValidationError, type Loc, type Paging } from '@lms/kit/errors';

export const FILE_TYPES = ['video', 'document', 'image'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** Where an upload goes when the client names no folder (the seed's default). */
export const DEFAULT_FOLDER = 'uploads';
/** Folders are path segments of the storage key: letters, digits, `_` and `-` only (no `.`, so never `..`). */
const FOLDER = /^[A-Za-z0-9_-]{1,50}(\/[A-Za-z0-9_-]{1,50})*$/;
const FOLDER_MAX = 100;
/** BatchGetFileFacts: ids per call. */
export const FACTS_BATCH_MAX = 50;

/**
 * Field rules of the media requests. Each check records a field error and returns the normalised value, so one
 * pass reports every problem of a request at once.
 */
export class Checker extends FieldChecker {
  /** "" → "uploads"; otherwise segments of `[A-Za-z0-9_-]`, ≤ 100 characters. */
  folder(loc: Loc, raw: string): string {
    if (!raw) return DEFAULT_FOLDER;
    if (raw.length > FOLDER_MAX || !FOLDER.test(raw)) {
      this.add(loc, `must be up to ${FOLDER_MAX} characters of letters, digits, "_" and "-", segments separated by "/"`);
      return DEFAULT_FOLDER;
    }
    return raw;
  }

  /** "" = all types. */
  fileType(loc: Loc, raw: string): FileType | '' {
    if (!raw) return '';
    if ((FILE_TYPES as readonly string[]).includes(raw)) return raw as FileType;
    this.add(loc, `must be one of ${FILE_TYPES.join(', ')}`);
    return '';
  }

  /** Paging, or the seed's skip/limit (`offset` rows skipped, `page_size` = limit). */
  listWindow(req: { page: number; page_size: number; use_offset: boolean; offset: number }): Paging {
    const paging = this.paging(req.use_offset ? 0 : req.page, req.page_size);
    if (!req.use_offset) return paging;
    if (!Number.isInteger(req.offset) || req.offset < 0 || req.offset > PAGING.pageMax * PAGING.pageSizeMax) {
      this.add('skip', 'must be zero or more');
      return paging;
    }
    return { page: Math.floor(req.offset / paging.pageSize) + 1, pageSize: paging.pageSize, offset: req.offset };
  }

  /** A non-negative whole number of bytes from an int64 field (a string or a number). */
  bytes(loc: Loc, raw: string | number | undefined): number {
    const value = Number(raw ?? 0);
    if (!Number.isSafeInteger(value) || value < 0) {
      this.add(loc, 'must be a whole number of bytes, zero or more');
      return 0;
    }
    return value;
  }

  /** Throws one ValidationError carrying every recorded problem. */
  throwIfAny(message = 'The request is invalid'): void {
    if (!this.ok) throw new ValidationError(message, [...this.errors]);
  }
}

import type { MediaConfig } from '../../config';
import { allowedTypes, type AllowedType, type AllowedTypes } from '../../domain/files/file-types';

export interface InspectionResult {
  size: number;
  /** Hex SHA-256 of the bytes (streamed uploads); null when inspected from ranged reads. */
  sha256: string | null;
  type: AllowedType;
  durationSeconds: number | null;
}

/** The extensions this deployment accepts (ALLOWED_{VIDEO,DOCUMENT,IMAGE}_EXTENSIONS). */
export function allowedTypesFrom(config: MediaConfig): AllowedTypes {
  return allowedTypes([...config.ALLOWED_VIDEO_EXTENSIONS, ...config.ALLOWED_DOCUMENT_EXTENSIONS, ...config.ALLOWED_IMAGE_EXTENSIONS]);
}

/** The head kept for sniffing and header-based checks (CFB sectors, AVI header). */
export const HEAD_BYTES = 64 * 1024;

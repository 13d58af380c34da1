import type { MediaConfig } from '../../config';
import { contentTypesNamedBy } from '../../domain/files/file-types';
import { extensionOf, sanitiseFilename } from '../../domain/files/filename';
import { MediaErrors } from '../../domain/media.errors';
import { allowedTypesFrom } from '../inspect';

export interface NamedUpload {
  /** The client's name, sanitised (metadata only). */
  originalFilename: string;
  /** Lower case, with the dot: the stored key ends with it. */
  extension: string;
  /** What the PUT carries and the object is stored as, from the extension (the content is checked at complete). */
  contentType: string;
}

/** A declared name whose extension the deployment accepts; else MEDIA.UNSUPPORTED_TYPE (415) before anything is reserved. */
export function namedUpload(config: MediaConfig, rawFilename: string): NamedUpload {
  const originalFilename = sanitiseFilename(rawFilename);
  const extension = extensionOf(originalFilename);
  if (!allowedTypesFrom(config).extensions.has(extension) || contentTypesNamedBy(extension).length === 0) {
    throw MediaErrors.unsupportedType(extension);
  }
  return { originalFilename, extension, contentType: contentTypeNamedBy(extension) };
}

/** The content type of a stored key's extension (the key ends with the declared name's extension). */
export function contentTypeOfKey(key: string): string {
  const dot = key.lastIndexOf('.');
  return contentTypeNamedBy(dot > key.lastIndexOf('/') ? key.slice(dot).toLowerCase() : '');
}

/** `.mov` may hold an MP4, but its own type is QuickTime: the type whose first name the extension is wins. */
function contentTypeNamedBy(extension: string): string {
  const types = contentTypesNamedBy(extension);
  const own = types.find((type) => type.extensions[0] === extension) ?? types[0];
  return own?.mime ?? 'application/octet-stream';
}

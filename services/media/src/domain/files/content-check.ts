import { MediaErrors } from '../media.errors';
import {
  MOTION_PHOTO_SLACK,
  aviDuration,
  compoundFileComplete,
  endLooksComplete,
  jpegAppendedVideoBytes,
  matroskaDuration,
  mvhdDuration,
  roundDuration,
  type ChainEnd,
} from './containers';
import { CONTENT_TYPES, type AllowedTypes, type ContentType } from './file-types';
import { extensionOf, sanitiseFilename } from './filename';
import { compoundFileKind, sniff, zipPackageKind, type Sniffed } from './sniff';

/**
 * The rules every inspection applies, whichever way the bytes arrive (streamed, or ranged reads of a stored object):
 * the name's extension must be allowed (415 UNSUPPORTED_TYPE), the content must be a type that extension may name
 * (415 CONTENT_MISMATCH), and the content must be whole (422 TRUNCATED_FILE).
 */

/** The extension of the (sanitised) name, refused when the deployment does not accept it. */
export function allowedExtensionOf(originalFilename: string, allowed: AllowedTypes): string {
  const ext = extensionOf(sanitiseFilename(originalFilename));
  if (!allowed.extensions.has(ext)) throw MediaErrors.unsupportedType(ext);
  return ext;
}

/** What the head says the content is, which must be a type the extension may name. */
export function contentTypeOf(head: Buffer, ext: string): ContentType {
  return namedContentType(sniff(head), ext);
}

/**
 * An old Office file typed from its extension alone (its directory was not in the head) is confirmed from its
 * directory sector: a presentation named .doc is refused like any other mismatch.
 */
export function confirmCompoundFile(type: ContentType, ext: string, directory: Buffer): void {
  const confirmed = namedContentType(compoundFileKind(directory), ext);
  if (confirmed.id !== type.id) throw mismatch(confirmed.description, ext);
}

/** An Office package typed from its extension alone is confirmed from its central directory's names. */
export function confirmZipPackage(type: ContentType, ext: string, centralDirectoryNames: string[]): void {
  const confirmed = namedContentType(zipPackageKind(centralDirectoryNames), ext);
  if (confirmed.id !== type.id) throw mismatch(confirmed.description, ext);
}

/** The head could not tell between two types: the extension picked one, which must be confirmed (see Sniffed). */
export function typedByExtensionOnly(head: Buffer): boolean {
  const sniffed = sniff(head);
  return sniffed.kind === 'type' && sniffed.types.length > 1;
}

function namedContentType(sniffed: Sniffed, ext: string): ContentType {
  if (sniffed.kind === 'unknown') throw MediaErrors.contentMismatch("The file's content is not a recognised video, document or image");
  if (sniffed.kind !== 'type') throw mismatch(sniffed.description, ext);
  const types = sniffed.types.map((id) => CONTENT_TYPES[id]);
  const named = types.find((type) => type.extensions.includes(ext));
  if (named) return named;
  throw mismatch(types.length === 1 ? types[0].description : `${types.map((type) => type.description).join(' or ')}`, ext);
}

const mismatch = (description: string, ext: string) =>
  MediaErrors.contentMismatch(`The file's content is ${description}, but its name says ${ext || 'nothing (no extension)'}`);

export interface ContentEnd {
  head: Buffer;
  /** The file's last bytes (≥ TAIL_BYTES, or the whole file). */
  tail: Buffer;
  size: number;
  /** The top-level walk's verdict, for chained formats. */
  chain: ChainEnd | null;
  /** A JPEG with an appended video (see appendedVideoWindow): whether an EOI ends in that window. */
  imageEndsBeforeVideo?: boolean;
}

/** Motion Photos: the bytes [start, end) where the image's EOI must end (null: the JPEG declares no appended video). */
export function appendedVideoWindow(type: ContentType, head: Buffer, size: number): { start: number; end: number } | null {
  if (type.id !== 'jpeg') return null;
  const videoBytes = jpegAppendedVideoBytes(head);
  if (videoBytes === null || videoBytes >= size) return null;
  return { start: Math.max(0, size - videoBytes - MOTION_PHOTO_SLACK), end: size - videoBytes };
}

/** Refuses a file cut short (or whose structure is broken). */
export function checkComplete(type: ContentType, end: ContentEnd): void {
  if (end.chain === 'damaged') throw MediaErrors.contentMismatch(`The file's content is not a valid ${type.name} file: its structure is damaged`);
  const complete =
    end.chain !== 'truncated' &&
    (endLooksComplete(type.id, end.tail) || end.imageEndsBeforeVideo === true) &&
    (type.id !== 'doc' && type.id !== 'ppt' ? true : compoundFileComplete(end.head, end.size));
  if (!complete) throw MediaErrors.truncatedFile(type.name);
}

/** A video's duration in whole seconds (null: unknown), from what the walk captured or the head. */
export function durationOf(type: ContentType, head: Buffer, captured: Buffer | null): number | null {
  switch (type.id) {
    case 'mp4':
    case 'mov':
      return roundDuration(captured && mvhdDuration(captured));
    case 'webm':
    case 'mkv':
      return roundDuration(captured && matroskaDuration(captured));
    case 'avi':
      return roundDuration(aviDuration(head));
    default:
      return null;
  }
}

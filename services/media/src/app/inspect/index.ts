/**
 * Content inspection: what a file IS, decided from its bytes, never from its name or the client's MIME type.
 *
 * - Name: the sanitised name's extension must be allowed (MEDIA.UNSUPPORTED_TYPE, 415).
 * - Type: the first bytes (≥ 4 KiB; a ZIP up to 64 KiB until its Office parts show) must be a type that extension may
 *   name (MEDIA.CONTENT_MISMATCH, 415, naming both); executables (MZ, ELF, Mach-O, #!) are said to be executables.
 *   When the head cannot tell Word from PowerPoint (an old file's directory, a package's telling parts are further
 *   on), the extension decides and the directory sector / ZIP central directory confirms it later.
 * - Whole: PNG IEND, JPEG EOI (zero padding, Motion Photo video and Samsung trailer allowed after it), GIF trailer,
 *   PDF %%EOF in the last 1 KiB, ZIP end record, CFB whole sectors, MP4/QuickTime boxes, RIFF chunks and EBML elements
 *   chaining exactly to the end (MEDIA.TRUNCATED_FILE, 422). Empty: MEDIA.EMPTY_FILE.
 * - Duration (videos): MP4/QuickTime mvhd, Matroska/WebM Info Duration × TimecodeScale, AVI avih; whole seconds.
 *
 * Known limits: a GIF cut just after a 0x3B byte, or a compound file cut at a sector boundary past its FAT and
 * directory, passes as whole; a Word/PowerPoint 97–2003 file is told apart by the names in its first directory
 * sector; an Office package whose central directory does not fit the 64 KiB tail (thousands of parts) is taken as
 * its extension says once its head showed Office parts; the duration is read from the first 8 MiB of `moov` / the first 256 KiB of a Matroska Segment; a stored
 * object's walk stops after 10,000 top-level headers (long fragmented MP4s) and takes the rest as whole; bytes after
 * the last box/element of a video (other than a size-0 "to the end" box or an unknown-size Segment) count as damage.
 */
export { allowedTypesFrom, type InspectionResult } from './inspection';
export { createInspector, type Inspector, type InspectorOptions } from './inspector';
export { inspectStored, type StoredInspectionOptions } from './inspect-stored';
export type { AllowedType, AllowedTypes } from '../../domain/files/file-types';

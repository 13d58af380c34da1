/**
 * The client's file name is metadata only (never a path): it is shown in lists and sent back in Content-Disposition.
 * Sanitising removes what could mislead a person or a program reading it — path parts, control characters, bidi
 * overrides that make "a\u202Egnp.exe" display as "aexe.png" — and keeps it within common file-system limits.
 */

export const MAX_FILENAME_BYTES = 255;
/** Longer "extensions" are part of the name (a dot in a sentence), not a type. */
const MAX_EXTENSION_LENGTH = 16;

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM.
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Reserved by Windows in names; harmless elsewhere but confusing in a header or a download dialog.
const RESERVED = /[<>:"|?*]/g;

export function sanitiseFilename(name: string): string {
  let clean = name.normalize('NFC').replace(INVISIBLE, '');
  clean = clean.split(/[/\\]/).pop() ?? ''; // "C:\x\y.pdf", "../../etc/passwd"
  clean = clean.replace(/^[A-Za-z]:/, ''); // "C:y.pdf" (drive-relative)
  clean = clean.replace(RESERVED, '_').replace(/\s+/g, ' ');
  clean = clean.replace(/\.{2,}/g, '.'); // no ".." anywhere
  clean = clean.replace(/^[\s.]+/, '').replace(/[\s.]+$/, ''); // hidden-file dots; Windows drops trailing dots/spaces
  if (clean === '') return 'file';
  return fitBytes(clean, MAX_FILENAME_BYTES);
}

/** The name's extension, lower case with the dot (".pdf"); "" when there is none. */
export function extensionOf(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\s.]+$/, '');
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base.length - dot - 1 > MAX_EXTENSION_LENGTH) return '';
  const ext = base.slice(dot).toLowerCase();
  return ext.length > 1 ? ext : '';
}

/** Cuts the base name (never the extension) by whole code points until the UTF-8 form fits. */
function fitBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  const ext = extensionOf(name);
  const extension = ext ? name.slice(name.length - ext.length) : '';
  const codePoints = Array.from(name.slice(0, name.length - extension.length));
  let budget = maxBytes - Buffer.byteLength(extension, 'utf8');
  let base = '';
  for (const codePoint of codePoints) {
    budget -= Buffer.byteLength(codePoint, 'utf8');
    if (budget < 0) break;
    base += codePoint;
  }
  base = base.replace(/[\s.]+$/, '');
  return `${base || 'file'}${extension}`;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>` — both forms, so old clients get a readable
 * ASCII name and current ones the exact name (Arabic, accents…). Used for presigned S3 downloads
 * (ResponseContentDisposition); the gateway builds the same header with the `content-disposition` package.
 */
export function contentDisposition(filename: string, inline = false): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const name = filename.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, (c) => `\\${c}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Percent-encodes everything but RFC 5987 attr-char (encodeURIComponent leaves ' ( ) * alone, which attr-char excludes). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

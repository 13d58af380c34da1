import type { Response } from 'express';

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would read as a formula (= + - @, or a leading
 * tab/CR) is prefixed with a single quote, so a student named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (CRLF-terminated) of `columns`, read from `row`. */
export function csvLine<C extends string>(columns: readonly C[], row: Record<C, string | number | null | undefined>): string {
  return `${columns.map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/**
 * Writes one chunk of a streamed download and waits while the client is slower than we are (backpressure),
 * so a large export never piles up in memory. False when the client went away (stop producing).
 */
export async function writeChunk(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (chunk === '' || res.write(chunk)) return !res.destroyed;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
  return !res.destroyed;
}

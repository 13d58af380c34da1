import type { Response } from 'express';

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would read as a formula (= + - @, or a leading
 * tab/CR) is prefixed with a single quote, so a student named "=HYPERLINK(…)" stays text.
 */
function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (CRLF-terminated) of `columns`, read from `row`. */
export function csvLine<C extends string>(columns: readonly C[], row: Record<C, string | number | null | undefined>): string {
  return `${columns.map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/** The pending writer of each streamed response, woken by its one 'drain'/'close' listener. */
const drainWaiters = new WeakMap<Response, (() => void) | undefined>();

/**
 * Resolves on the response's next 'drain' (or 'close'). One listener pair per response, added on the first
 * wait: the compression middleware re-routes `on('drain')` to its compressor, where `off` could not remove it.
 */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    if (!drainWaiters.has(res)) {
      const wake = () => {
        const waiter = drainWaiters.get(res);
        drainWaiters.set(res, undefined);
        waiter?.();
      };
      res.on('drain', wake);
      res.on('close', wake);
    }
    drainWaiters.set(res, resolve);
  });
}

/**
 * Writes one chunk of a streamed download and waits while the client is slower than we are (backpressure),
 * so a large export never piles up in memory. False when the client went away (stop producing).
 */
export async function writeChunk(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (chunk === '' || res.write(chunk)) return !res.destroyed;
  await drained(res);
  return !res.destroyed;
}

import type { CertificateConfig } from '../../config';

/**
 * What the service and its render process (render-process.ts) say to each other over the IPC channel of
 * `child_process.fork` (advanced serialization: the PDF travels as bytes, not JSON). Type-only but for the QR slot,
 * so neither side loads the other's modules.
 */

/** The settings the render process needs (passed as its one argument, JSON). */
export type RenderProcessConfig = Pick<CertificateConfig, 'CHROMIUM_PATH' | 'CHROMIUM_SANDBOX' | 'RENDER_TIMEOUT_MS' | 'BROWSER_RECYCLE_AFTER'>;

/**
 * Where a document gets its QR code: the render process draws the SVG (qrcode lives there, not in the service) and
 * puts it in place of this comment. Placeholder values are HTML-escaped, so a user's value cannot produce it; an
 * admin's template that writes it gets the certificate's own QR code there, as `{{qr_code}}` would.
 */
export const QR_CODE_SLOT = '<!--lms:qr-code-->';

export type ToRenderProcess =
  | { type: 'render'; id: number; html: string; landscape: boolean; qrCode?: string }
  | { type: 'cancel'; id: number }
  /** Close the browser (killing it after a grace period) and exit. */
  | { type: 'close' };

export type LogLevel = 'info' | 'warn';

export type FromRenderProcess =
  | { type: 'ready' }
  | { type: 'launched'; pid: number | null; ms: number }
  /** The browser is no longer running (closed, recycled or crashed): its PID must not be killed any more. */
  | { type: 'browser-exited'; pid: number | null }
  | { type: 'rendered'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; reason: string }
  | { type: 'log'; level: LogLevel; fields: Record<string, unknown>; msg: string };

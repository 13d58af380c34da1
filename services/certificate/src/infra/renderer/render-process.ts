import QRCode from 'qrcode';
import { ChromiumBrowser } from './chromium';
import { QR_CODE_SLOT, type FromRenderProcess, type RenderProcessConfig, type ToRenderProcess } from './protocol';

/**
 * The render process: forked by the service (index.ts) at its first render, it alone loads puppeteer-core and
 * qrcode and drives Chromium; it renders what the service sends and exits when told to (the service's idle
 * timer, the service stopping) or when the service is gone (its IPC channel closes), taking its browser with it.
 * Its only argument is its settings (JSON); it writes nothing to stdout: logs go to the service over IPC.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as RenderProcessConfig;

function send(message: FromRenderProcess): void {
  if (process.connected) process.send?.(message);
}

const browser = new ChromiumBrowser(config, {
  launched: (pid, ms) => send({ type: 'launched', pid, ms }),
  exited: (pid) => send({ type: 'browser-exited', pid }),
  log: (level, fields, msg) => send({ type: 'log', level, fields, msg }),
});
const cancels = new Map<number, AbortController>();

/** An SVG QR code of `text` (error correction M: survives a print smudge, stays small). Our markup only. */
function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

async function render(id: number, html: string, landscape: boolean, qrCode: string | undefined): Promise<void> {
  const cancel = new AbortController();
  cancels.set(id, cancel);
  try {
    const document = qrCode === undefined ? html : html.split(QR_CODE_SLOT).join(await qrCodeSvg(qrCode));
    const pdf = await browser.render(document, landscape, cancel.signal);
    send({ type: 'rendered', id, pdf });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    send({ type: 'failed', id, reason: err instanceof Error ? `${err.message}${cause}` : String(err) });
  } finally {
    cancels.delete(id);
  }
}

let exiting = false;
/** The browser closed (or killed after its grace period), then the process ends. */
function exit(): void {
  if (exiting) return;
  exiting = true;
  for (const cancel of cancels.values()) cancel.abort();
  void browser.close().finally(() => process.exit(0));
}

process.on('message', (message: ToRenderProcess) => {
  if (message.type === 'render') void render(message.id, message.html, message.landscape, message.qrCode);
  else if (message.type === 'cancel') cancels.get(message.id)?.abort();
  else exit();
});
// The service stopped or died: nobody will ask for a PDF any more, and Chromium must not outlive us.
process.on('disconnect', exit);
process.on('SIGTERM', exit);
send({ type: 'ready' });

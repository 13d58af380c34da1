import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '@lms/kit/logging';
import type { CertificateConfig } from '../../config';
import type { PdfRenderer, RenderOptions, RendererStats } from '../../app/ports';
import { CertificateErrors } from '../../domain/certificate.errors';
import { killProcessGroup } from './process-group';
import type { FromRenderProcess, RenderProcessConfig, ToRenderProcess } from './protocol';

type RendererConfig = Pick<
  CertificateConfig,
  'CHROMIUM_PATH' | 'CHROMIUM_SANDBOX' | 'RENDER_CONCURRENCY' | 'RENDER_TIMEOUT_MS' | 'BROWSER_RECYCLE_AFTER' | 'CERTIFICATE_RENDERER_IDLE_MS'
>;

/** Waiting renders allowed per page of the pool; beyond, a render is refused at once (retryable) instead of piling up. */
const QUEUE_PER_PAGE = 16;
/**
 * How long a render process told to close may take before it is killed with its browser: it gives Chromium 5 s
 * (chromium.ts CLOSE_GRACE_MS) before killing it itself. Also the margin past RENDER_TIMEOUT_MS after which a render
 * process that has not answered is taken for wedged.
 */
const EXIT_GRACE_MS = 8000;
/**
 * A render process that has not said ready by then (Node and puppeteer-core loaded: ~0.2 s idle, seconds on a
 * loaded machine, more from the sources through tsx) is wedged and killed; its renders fail (retryable).
 */
const READY_TIMEOUT_MS = 60_000;

/** RENDER_FAILED (retryable) with what went wrong as its cause (logged by the job, never shown to callers). */
const RendererErrors = {
  failed: (reason: string) => CertificateErrors.renderFailed(new Error(reason)),
  busy: () => CertificateErrors.renderBusy(),
};

/**
 * The render process's entry next to this file: the compiled .js in a build (`make run`, the image); from the
 * sources (Jest via SWC, tsx) the .ts itself, run through tsx's require hook — the same entry either way.
 */
function renderProcessEntry(): { file: string; execArgv: string[] } {
  if (path.extname(__filename) === '.ts') return { file: path.join(__dirname, 'render-process.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
  return { file: path.join(__dirname, 'render-process.js'), execArgv: [] };
}

interface PendingRender {
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
}

/** One forked render process and what it owes us. */
interface RenderProcess {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
  pending: Map<number, PendingRender>;
  /** Its browser's PID while one runs: killed (with its group) if the process dies without closing it. */
  browserPid: number | null;
  /** Told to close (idle, stop): its exit is expected. */
  closing: boolean;
  gone: boolean;
}

/**
 * The PdfRenderer: HTML → PDF in a separate process (render-process.ts) that alone loads puppeteer-core and
 * qrcode and drives the system's Chromium, so the service's heap never holds them (issue 16: idle RSS). The
 * process is forked by the first render (concurrent first renders share it), exits with its browser after
 * CERTIFICATE_RENDERER_IDLE_MS without a render, and the next render forks another (never two at once). Here: the
 * RENDER_CONCURRENCY slots with their bounded queue, cancellation, and the mapping of every failure — the browser's,
 * a timeout, the render process dying — to a retryable RENDER_FAILED; a crash of the render process never reaches
 * the service process.
 */
export function createChromiumRenderer(config: RendererConfig, logger: Logger): PdfRenderer {
  return new ProcessRenderer(config, logger);
}

class ProcessRenderer implements PdfRenderer {
  private current: RenderProcess | null = null;
  /** A render process being closed: the next fork waits for its exit (never two browsers). */
  private closingExit: Promise<void> | null = null;
  private readonly waiters: (() => void)[] = [];
  private active = 0;
  private nextId = 1;
  private readonly counters = { launches: 0, rendered: 0, failed: 0 };
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: RendererConfig,
    private readonly logger: Logger,
  ) {}

  stats(): RendererStats {
    const live = this.current && !this.current.gone ? this.current : null;
    return {
      rendererPid: live?.child.pid ?? null,
      browserPid: live?.browserPid ?? null,
      launches: this.counters.launches,
      rendered: this.counters.rendered,
      failed: this.counters.failed,
      inFlight: this.active,
      queued: this.waiters.length,
    };
  }

  async render(html: string, options: RenderOptions): Promise<Buffer> {
    clearTimeout(this.idleTimer);
    await this.acquireSlot(options.signal);
    try {
      const pdf = await this.renderInProcess(html, options);
      this.counters.rendered++;
      return pdf;
    } catch (err) {
      this.counters.failed++;
      throw err;
    } finally {
      this.releaseSlot();
      this.closeWhenIdle();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.current) this.closeProcess(this.current);
    await this.closingExit;
  }

  /**
   * An idle render process holds its Node heap with puppeteer-core, and its Chromium ~400 MiB PSS (bench/README.md,
   * idle memory): after CERTIFICATE_RENDERER_IDLE_MS without a render both exit, and the next render starts them
   * again (~1 s once). 0 keeps them.
   */
  private closeWhenIdle(): void {
    const after = this.config.CERTIFICATE_RENDERER_IDLE_MS;
    if (after <= 0 || this.active > 0 || !this.current) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.active === 0 && this.current) {
        this.logger.info({ pid: this.current.child.pid }, 'renderer: closing the idle render process');
        this.closeProcess(this.current);
      }
    }, after);
    this.idleTimer.unref();
  }

  private async acquireSlot(signal?: AbortSignal): Promise<void> {
    if (this.active < this.config.RENDER_CONCURRENCY) {
      this.active++;
      return;
    }
    if (this.waiters.length >= this.config.RENDER_CONCURRENCY * QUEUE_PER_PAGE) throw RendererErrors.busy();
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(wake);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(RendererErrors.failed('cancelled while queued'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(wake);
    });
  }

  /** Hands the slot straight to the next waiter (the active count stays), or frees it. */
  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }

  private async renderInProcess(html: string, options: RenderOptions): Promise<Buffer> {
    const renderer = await this.processForRender();
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        if (renderer.gone) return reject(RendererErrors.failed('the render process exited during the render'));
        renderer.pending.set(id, { resolve, reject });
        onAbort = () => {
          renderer.pending.delete(id);
          send(renderer, { type: 'cancel', id });
          reject(RendererErrors.failed('cancelled'));
        };
        if (options.signal?.aborted) return onAbort();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        // The render process times a render out itself (RENDER_TIMEOUT_MS); one that does not even answer that is wedged.
        timer = setTimeout(() => {
          this.logger.warn({ pid: renderer.child.pid }, 'renderer: the render process does not answer; killing it');
          reject(RendererErrors.failed('the render process did not answer'));
          this.kill(renderer);
        }, this.config.RENDER_TIMEOUT_MS + EXIT_GRACE_MS);
        send(renderer, { type: 'render', id, html, landscape: options.landscape, qrCode: options.qrCode });
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      renderer.pending.delete(id);
    }
  }

  /** The running render process, or a new one (after the exit of one being closed: never two browsers). */
  private async processForRender(): Promise<RenderProcess> {
    for (;;) {
      const renderer = this.current;
      if (renderer && !renderer.gone) {
        await renderer.ready;
        // close() while it was starting (the service stopping): no new process for this render.
        if (renderer.closing) throw RendererErrors.failed('the renderer was closed');
        return renderer;
      }
      if (this.closingExit) await this.closingExit;
      else this.spawn();
    }
  }

  private spawn(): RenderProcess {
    const entry = renderProcessEntry();
    const settings: RenderProcessConfig = {
      CHROMIUM_PATH: this.config.CHROMIUM_PATH,
      CHROMIUM_SANDBOX: this.config.CHROMIUM_SANDBOX,
      RENDER_TIMEOUT_MS: this.config.RENDER_TIMEOUT_MS,
      BROWSER_RECYCLE_AFTER: this.config.BROWSER_RECYCLE_AFTER,
    };
    // No execArgv of ours (a tracing preload, heap flags): the render process needs none of it.
    const child = fork(entry.file, [JSON.stringify(settings)], { execArgv: entry.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let markReady: () => void = () => undefined;
    let markFailed: (err: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => undefined);
    const renderer: RenderProcess = {
      child,
      ready,
      exited: new Promise<void>((resolve) => child.once('exit', () => resolve())),
      pending: new Map(),
      browserPid: null,
      closing: false,
      gone: false,
    };
    this.current = renderer;
    const startTimer = setTimeout(() => this.kill(renderer), READY_TIMEOUT_MS);
    child.on('message', (message: FromRenderProcess) => {
      if (message.type === 'ready') {
        clearTimeout(startTimer);
        markReady();
      } else this.onMessage(renderer, message);
    });
    child.on('error', (err) => {
      this.logger.warn({ err }, 'renderer: the render process failed');
      markFailed(RendererErrors.failed(`the render process could not be started: ${err.message}`));
      this.kill(renderer);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(startTimer);
      renderer.gone = true;
      markFailed(RendererErrors.failed(`the render process exited before it was ready (${signal ?? code})`));
      // It could not close its browser: Chromium would outlive it (puppeteer starts it in its own process group).
      if (renderer.browserPid !== null) killProcessGroup(renderer.browserPid);
      for (const pending of renderer.pending.values()) pending.reject(RendererErrors.failed('the render process exited during the render'));
      renderer.pending.clear();
      if (!renderer.closing) this.logger.warn({ pid: child.pid, code, signal }, 'renderer: the render process exited; the next render starts another');
      if (this.current === renderer) this.current = null;
    });
    return renderer;
  }

  private onMessage(renderer: RenderProcess, message: Exclude<FromRenderProcess, { type: 'ready' }>): void {
    switch (message.type) {
      case 'rendered':
        renderer.pending.get(message.id)?.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        break;
      case 'failed':
        renderer.pending.get(message.id)?.reject(RendererErrors.failed(message.reason));
        break;
      case 'launched':
        this.counters.launches++;
        renderer.browserPid = message.pid;
        this.logger.info({ pid: message.pid, ms: message.ms, renderer_pid: renderer.child.pid }, 'chromium: browser launched');
        break;
      case 'browser-exited':
        if (renderer.browserPid === message.pid) renderer.browserPid = null;
        break;
      case 'log':
        this.logger[message.level]({ ...message.fields, renderer_pid: renderer.child.pid }, message.msg);
        break;
    }
  }

  /** Asks the render process to close its browser and exit; kills both if it has not within EXIT_GRACE_MS. */
  private closeProcess(renderer: RenderProcess): void {
    if (renderer.closing) return;
    renderer.closing = true;
    if (this.current === renderer) this.current = null;
    // A message sent before the render process listens would be lost: one still starting is told once it is ready.
    renderer.ready.then(() => send(renderer, { type: 'close' }), () => undefined);
    const timer = setTimeout(() => {
      this.logger.warn({ pid: renderer.child.pid }, 'renderer: the render process did not exit; killing it');
      this.kill(renderer);
    }, EXIT_GRACE_MS);
    const exit: Promise<void> = renderer.exited.then(() => {
      clearTimeout(timer);
      if (this.closingExit === exit) this.closingExit = null;
    });
    this.closingExit = exit;
  }

  private kill(renderer: RenderProcess): void {
    if (!renderer.gone) renderer.child.kill('SIGKILL');
  }
}

function send(renderer: RenderProcess, message: ToRenderProcess): void {
  if (renderer.child.connected) renderer.child.send(message);
}

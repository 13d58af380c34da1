import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { AppError } from '@lms/kit/errors';
import type { Logger } from '@lms/kit/logging';
import type { CertificateConfig } from '../../config';
import type { PdfRenderer, RendererStats } from '../../app/ports';
import { CertificateErrors } from '../../domain/certificate.errors';

type RendererConfig = Pick<
  CertificateConfig,
  'CHROMIUM_PATH' | 'CHROMIUM_SANDBOX' | 'RENDER_CONCURRENCY' | 'RENDER_TIMEOUT_MS' | 'BROWSER_RECYCLE_AFTER' | 'BROWSER_IDLE_CLOSE_MS'
>;

/** Waiting renders allowed per page of the pool; beyond, a render is refused at once (retryable) instead of piling up. */
const QUEUE_PER_PAGE = 16;
/** How long `close()` lets Chromium shut down politely before its process group is killed. */
const CLOSE_GRACE_MS = 5000;

/** RENDER_FAILED (retryable) with what went wrong as its cause (logged by the job, never shown to callers). */
const RendererErrors = {
  failed: (reason: string, cause?: unknown) => CertificateErrors.renderFailed(new Error(reason, cause === undefined ? undefined : { cause })),
  busy: () => CertificateErrors.renderBusy(),
};

/** One launched Chromium: its idle pages, how many documents it has started, and whether it is still usable. */
interface BrowserSession {
  browser: Browser;
  pid: number | null;
  idle: Page[];
  started: number;
  inFlight: number;
  /** Set when it disconnected (crash, kill) or was retired: its pages are not reused. */
  gone: boolean;
  /** Rejects when the browser disconnects, so a render in flight fails at once instead of waiting for its timeout. */
  lost: Promise<never>;
  /** Retired after BROWSER_RECYCLE_AFTER documents: closed once its last render is done. */
  retiring: boolean;
  closed?: Promise<void>;
}

/**
 * The one PdfRenderer: puppeteer-core driving the system's Chromium. One browser per process, launched on the
 * first render (concurrent first renders share the launch), a pool of RENDER_CONCURRENCY reused pages, a bounded
 * queue in front of it. Pages run no scripts and load nothing but `data:` URLs, so a template cannot reach the
 * network or the file system. A browser that dies is dropped and the next render launches another; one that has
 * rendered BROWSER_RECYCLE_AFTER documents is drained and replaced.
 */
export function createChromiumRenderer(config: RendererConfig, logger: Logger): PdfRenderer {
  return new ChromiumRenderer(config, logger);
}

class ChromiumRenderer implements PdfRenderer {
  private current: Promise<BrowserSession> | null = null;
  private currentSession: BrowserSession | null = null;
  private readonly sessions = new Set<BrowserSession>();
  private readonly waiters: (() => void)[] = [];
  private active = 0;
  private readonly counters = { launches: 0, rendered: 0, failed: 0 };
  private idleTimer: NodeJS.Timeout | undefined;
  /** An idle browser being shut down: the next launch waits for it (never two browsers). */
  private closingIdle: Promise<void> | null = null;

  constructor(
    private readonly config: RendererConfig,
    private readonly logger: Logger,
  ) {}

  stats(): RendererStats {
    return {
      browserPid: this.currentSession && !this.currentSession.gone ? this.currentSession.pid : null,
      launches: this.counters.launches,
      rendered: this.counters.rendered,
      failed: this.counters.failed,
      inFlight: this.active,
      queued: this.waiters.length,
    };
  }

  async render(html: string, options: { landscape: boolean; signal?: AbortSignal }): Promise<Buffer> {
    clearTimeout(this.idleTimer);
    await this.acquireSlot(options.signal);
    try {
      return await this.renderInSlot(html, options);
    } finally {
      this.releaseSlot();
      this.closeWhenIdle();
    }
  }

  /**
   * An idle Chromium holds ~400 MiB (PSS) for nothing (bench/README.md, idle memory): after BROWSER_IDLE_CLOSE_MS
   * without a render it is shut down, and the next render launches another (~0.5–1 s once). 0 keeps it.
   */
  private closeWhenIdle(): void {
    const after = this.config.BROWSER_IDLE_CLOSE_MS;
    if (after <= 0 || this.active > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.closeIdleBrowser(), after);
    this.idleTimer.unref();
  }

  private async closeIdleBrowser(): Promise<void> {
    const pending = this.current;
    if (!pending || this.active > 0) return;
    const session = await pending.catch(() => null);
    // A render that began meanwhile keeps the browser (render() took a slot synchronously).
    if (this.current !== pending || this.active > 0 || !session || session.gone || session.inFlight > 0) return;
    this.current = null;
    this.logger.info({ pid: session.pid, documents: session.started }, 'chromium: closing the idle browser');
    session.retiring = true;
    this.closingIdle = this.shutDown(session).finally(() => {
      this.closingIdle = null;
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const pending = this.current;
    this.current = null;
    this.currentSession = null;
    if (pending) {
      const session = await pending.catch(() => null);
      if (session) this.sessions.add(session);
    }
    await Promise.all([...this.sessions].map((session) => this.shutDown(session)));
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

  private async renderInSlot(html: string, options: { landscape: boolean; signal?: AbortSignal }): Promise<Buffer> {
    const session = await this.sessionForNextDocument();
    session.started++;
    session.inFlight++;
    const lease: { page: Page | null } = { page: null };
    let timer: NodeJS.Timeout | undefined;
    let ok = false;
    const work = (async () => {
      lease.page = session.idle.pop() ?? (await this.openPage(session));
      return printPdf(lease.page, html, options.landscape);
    })();
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(RendererErrors.failed(`timed out after ${this.config.RENDER_TIMEOUT_MS} ms`)), this.config.RENDER_TIMEOUT_MS);
      });
      const racers: Promise<Buffer>[] = [work, timeout, session.lost];
      if (options.signal) racers.push(abortion(options.signal));
      const pdf = await Promise.race(racers);
      ok = true;
      this.counters.rendered++;
      return pdf;
    } catch (err) {
      this.counters.failed++;
      if (session.gone && !session.retiring) throw RendererErrors.failed('the browser exited during the render', err);
      throw err instanceof AppError ? err : RendererErrors.failed(err instanceof Error ? err.message : String(err), err);
    } finally {
      clearTimeout(timer);
      session.inFlight--;
      if (ok) this.returnPage(session, lease.page);
      else {
        // An abandoned page may still be loading or printing: closing it stops that; one opened later is closed when it arrives.
        closePage(lease.page);
        work.then(() => closePage(lease.page), () => closePage(lease.page)).catch(() => undefined);
      }
      if (session.retiring && session.inFlight === 0) void this.shutDown(session);
    }
  }

  /** A page that rendered cleanly goes back to the pool (failed ones are closed: their state is unknown). */
  private returnPage(session: BrowserSession, page: Page | null): void {
    if (!page) return;
    if (!session.gone && !session.retiring) session.idle.push(page);
    else closePage(page);
  }

  /** The browser for the next document: launches one if none, retires the current one when it has done its share. */
  private async sessionForNextDocument(): Promise<BrowserSession> {
    for (;;) {
      if (!this.current) this.current = this.closingIdle ? this.closingIdle.then(() => this.launch()) : this.launch();
      const pending = this.current;
      let session: BrowserSession;
      try {
        session = await pending;
      } catch (err) {
        if (this.current === pending) this.current = null;
        throw RendererErrors.failed('the browser could not be started', err);
      }
      if (session.gone) {
        if (this.current === pending) this.current = null;
        continue;
      }
      if (session.started < this.config.BROWSER_RECYCLE_AFTER) return session;
      if (this.current === pending) this.retire(session);
    }
  }

  /** Stops giving the browser documents; its last render closes it, and the next launch waits for that (never two browsers). */
  private retire(session: BrowserSession): void {
    session.retiring = true;
    this.logger.info({ pid: session.pid, documents: session.started }, 'chromium: recycling the browser');
    const drained = new Promise<void>((resolve) => {
      const check = () => (session.inFlight === 0 ? resolve() : setTimeout(check, 20));
      check();
    });
    this.current = drained.then(() => this.shutDown(session)).then(() => this.launch());
  }

  private async launch(): Promise<BrowserSession> {
    const started = Date.now();
    const args = [
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-extensions',
      '--font-render-hinting=none',
      // Every host name and IP resolves to nothing: interception stops requests, but Chromium still preconnects
      // (a TCP connection without a request) to the target of an <iframe> or a <meta refresh>; this stops those.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ];
    if (!this.config.CHROMIUM_SANDBOX) args.unshift('--no-sandbox');
    // puppeteer-core (~200 modules, ~5 MB of heap) is loaded with the first browser, not at start-up: an idle
    // certificate service has neither.
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ executablePath: this.config.CHROMIUM_PATH, headless: true, args });
    this.counters.launches++;
    let markLost: (err: Error) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => {
      markLost = reject;
    });
    lost.catch(() => undefined);
    const session: BrowserSession = { browser, pid: browser.process()?.pid ?? null, idle: [], started: 0, inFlight: 0, gone: false, lost, retiring: false };
    this.sessions.add(session);
    this.currentSession = session;
    browser.on('disconnected', () => {
      const expected = session.retiring || session.closed !== undefined;
      session.gone = true;
      session.idle = [];
      this.sessions.delete(session);
      if (this.currentSession === session) this.currentSession = null;
      if (!expected) this.logger.warn({ pid: session.pid }, 'chromium: the browser exited; the next render launches another');
      markLost(RendererErrors.failed('the browser exited during the render'));
    });
    this.logger.info({ pid: session.pid, ms: Date.now() - started }, 'chromium: browser launched');
    return session;
  }

  private async openPage(session: BrowserSession): Promise<Page> {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(this.config.RENDER_TIMEOUT_MS);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue().catch(() => undefined);
      // ERR_ABORTED, not "blocked": a blocked navigation (a <meta refresh>) would replace the document by an error
      // page, an aborted one is dropped and the document stays.
      else void request.abort('aborted').catch(() => undefined);
    });
    return page;
  }

  /** Closes politely; a browser that does not close within the grace period is killed with its process group. */
  private shutDown(session: BrowserSession): Promise<void> {
    session.closed ??= (async () => {
      session.gone = true;
      let timer: NodeJS.Timeout | undefined;
      const polite = session.browser.close().then(
        () => true,
        () => false,
      );
      const grace = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS);
      });
      const closed = await Promise.race([polite, grace]);
      clearTimeout(timer);
      if (!closed && session.pid !== null) {
        this.logger.warn({ pid: session.pid }, 'chromium: the browser did not close; killing it');
        killProcessGroup(session.pid);
      }
      this.sessions.delete(session);
      if (this.currentSession === session) this.currentSession = null;
    })();
    return session.closed;
  }
}

async function printPdf(page: Page, html: string, landscape: boolean): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  // Runs in puppeteer's isolated world over CDP: disabling the page's scripts does not block it.
  await page.evaluate('document.fonts.ready.then(() => true)');
  if (page.url() !== 'about:blank') throw new Error(`the document navigated away (${page.url().slice(0, 100)})`);
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, landscape, format: 'A4' });
  return Buffer.from(pdf);
}

function closePage(page: Page | null): void {
  if (page && !page.isClosed()) page.close().catch(() => undefined);
}

function abortion(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    const fail = () => reject(RendererErrors.failed('cancelled'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Puppeteer starts Chromium detached (its own process group): the group takes its renderer and GPU processes with it. */
function killProcessGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

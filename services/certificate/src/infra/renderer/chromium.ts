import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { killProcessGroup } from './process-group';
import type { LogLevel, RenderProcessConfig } from './protocol';

/** How long `close()` lets Chromium shut down politely before its process group is killed. */
export const CLOSE_GRACE_MS = 5000;

/** What the browser tells the process hosting it: launches and exits (the service tracks the PID), and its logs. */
export interface BrowserEvents {
  launched(pid: number | null, ms: number): void;
  exited(pid: number | null): void;
  log(level: LogLevel, fields: Record<string, unknown>, msg: string): void;
}

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
 * puppeteer-core driving the system's Chromium, inside the render process: one browser, launched by the first
 * render (concurrent first renders share the launch), its pages reused. Pages run no scripts and load nothing but
 * `data:` URLs, so a template cannot reach the network or the file system. A browser that dies is dropped and the
 * next render launches another; one that has rendered BROWSER_RECYCLE_AFTER documents is drained and replaced.
 * How many renders run at once is the service's business (it sends at most RENDER_CONCURRENCY); failures throw plain
 * Errors whose message the service logs as the cause of RENDER_FAILED.
 */
export class ChromiumBrowser {
  private current: Promise<BrowserSession> | null = null;
  private readonly sessions = new Set<BrowserSession>();

  constructor(
    private readonly config: RenderProcessConfig,
    private readonly events: BrowserEvents,
  ) {}

  async render(html: string, landscape: boolean, signal: AbortSignal): Promise<Buffer> {
    const session = await this.sessionForNextDocument();
    session.started++;
    session.inFlight++;
    const lease: { page: Page | null } = { page: null };
    let timer: NodeJS.Timeout | undefined;
    let ok = false;
    const work = (async () => {
      lease.page = session.idle.pop() ?? (await this.openPage(session));
      return printPdf(lease.page, html, landscape);
    })();
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${this.config.RENDER_TIMEOUT_MS} ms`)), this.config.RENDER_TIMEOUT_MS);
      });
      const pdf = await Promise.race([work, timeout, session.lost, abortion(signal)]);
      ok = true;
      return pdf;
    } catch (err) {
      if (session.gone && !session.retiring) throw new Error('the browser exited during the render', { cause: err });
      throw err;
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

  /** Closes every browser (idempotent): politely, then by killing its process group after CLOSE_GRACE_MS. */
  async close(): Promise<void> {
    const pending = this.current;
    this.current = null;
    if (pending) {
      const session = await pending.catch(() => null);
      if (session) this.sessions.add(session);
    }
    await Promise.all([...this.sessions].map((session) => this.shutDown(session)));
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
      this.current ??= this.launch();
      const pending = this.current;
      let session: BrowserSession;
      try {
        session = await pending;
      } catch (err) {
        if (this.current === pending) this.current = null;
        throw new Error('the browser could not be started', { cause: err });
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
    this.events.log('info', { pid: session.pid, documents: session.started }, 'chromium: recycling the browser');
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
    const browser = await puppeteer.launch({ executablePath: this.config.CHROMIUM_PATH, headless: true, args });
    let markLost: (err: Error) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => {
      markLost = reject;
    });
    lost.catch(() => undefined);
    const session: BrowserSession = { browser, pid: browser.process()?.pid ?? null, idle: [], started: 0, inFlight: 0, gone: false, lost, retiring: false };
    this.sessions.add(session);
    browser.on('disconnected', () => {
      const expected = session.retiring || session.closed !== undefined;
      session.gone = true;
      session.idle = [];
      this.sessions.delete(session);
      // A closed or retired one reports its exit once shutDown() is sure of it (it may have to kill it).
      if (!expected) {
        this.events.exited(session.pid);
        this.events.log('warn', { pid: session.pid }, 'chromium: the browser exited; the next render launches another');
      }
      markLost(new Error('the browser exited during the render'));
    });
    this.events.launched(session.pid, Date.now() - started);
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
        this.events.log('warn', { pid: session.pid }, 'chromium: the browser did not close; killing it');
        killProcessGroup(session.pid);
      }
      this.sessions.delete(session);
      this.events.exited(session.pid);
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
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

function closePage(page: Page | null): void {
  if (page && !page.isClosed()) page.close().catch(() => undefined);
}

function abortion(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    const fail = () => reject(new Error('cancelled'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

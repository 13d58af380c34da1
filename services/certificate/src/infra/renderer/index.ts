import type { Logger } from '@lms/kit/logging';
import type { CertificateConfig } from '../../config';
import type { PdfRenderer } from '../../app/ports';

/** The one PdfRenderer: puppeteer-core driving Chromium (skeleton; the implementation follows). */
export function createChromiumRenderer(config: CertificateConfig, logger: Logger): PdfRenderer {
  void config;
  void logger;
  return {
    render: () => Promise.reject(new Error('renderer not implemented yet')),
    stats: () => ({ browserPid: null, launches: 0, rendered: 0, failed: 0, inFlight: 0, queued: 0 }),
    close: () => Promise.resolve(),
  };
}

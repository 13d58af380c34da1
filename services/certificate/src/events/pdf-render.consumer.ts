import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { CertificateDeps } from '../app/deps';
import { recordCertificatePdf, renderCertificatePdf } from '../app/pdf/render-certificate-pdf';
import type { RecordedPdf } from '../infra/certificate-pdf.repository';
import { CERTIFICATE_RENDER_REQUESTED } from '../domain/certificate.events';

export const PDF_RENDER_QUEUE = 'certificate.pdf-render';

/** Internal: ours only (`requestRender`), so strict on what it needs. */
export const RenderRequestedV1 = z.object({ certificate_id: z.string().uuid() }).passthrough();

/**
 * Renders a certificate's PDF and stores it (`prepare`: Chromium and storage, outside the inbox transaction; a
 * duplicate may render again, harmlessly, to the same key), then records where it is (`handle`: DB only). A failed
 * render (browser crash, timeout, storage down) throws and is retried by the kit with backoff, then parked; a
 * download finding the PDF still missing asks again. It holds only as many jobs as the renderer has pages, so the
 * rest wait in the queue for another replica rather than in this process.
 */
export function pdfRenderConsumer(deps: CertificateDeps): ConsumerDefinition<z.infer<typeof RenderRequestedV1>, RecordedPdf | null> {
  return {
    queue: PDF_RENDER_QUEUE,
    bindings: [CERTIFICATE_RENDER_REQUESTED],
    schema: RenderRequestedV1,
    prefetch: deps.config.RENDER_CONCURRENCY,
    prepare: (event) => renderCertificatePdf(deps, event.data.certificate_id),
    async handle(event, transaction, pdf) {
      if (!pdf) return;
      await deps.units.join(transaction, (uow) => recordCertificatePdf(uow, event.data.certificate_id, pdf));
    },
  };
}

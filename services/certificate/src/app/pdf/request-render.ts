import type { DomainEvent } from '@lms/kit/events';
import type { UnitOfWorkCore } from '@lms/kit/db';
import type { CertificatePdfRepository } from '../../infra/certificate-pdf.repository';

/** Internal: the certificate's PDF should be (re)rendered. Consumed by our own `certificate.pdf-render` queue only. */
export const CERTIFICATE_RENDER_REQUESTED = 'certificate.render_requested';

export interface RenderRequestedV1 {
  certificate_id: string;
}

/**
 * Asks the render job for the certificate's PDF (issue, admin generate, a download finding it missing) and notes
 * when, so later re-asks are spaced.
 */
export async function requestRender(
  uow: UnitOfWorkCore & { pdfs: CertificatePdfRepository },
  ports: { clock: () => Date },
  certificate: { id: string },
): Promise<void> {
  const at = ports.clock();
  await uow.pdfs.markRequested(certificate.id, at);
  const event: DomainEvent<RenderRequestedV1> = {
    type: CERTIFICATE_RENDER_REQUESTED,
    subject: certificate.id,
    data: { certificate_id: certificate.id },
    time: at,
  };
  await uow.emit(event);
}

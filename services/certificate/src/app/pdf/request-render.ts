import type { DomainEvent } from '@lms/kit/events';
import { CERTIFICATE_RENDER_REQUESTED, type CertificateRenderRequestedV1 } from '../../domain/certificate.events';
import type { CertificatePorts, CertificateUnitOfWork } from '../deps';

/**
 * Asks the render job for the certificate's PDF (issue, admin generate, a download finding it missing) and notes
 * when, so re-asks are spaced. The event is internal: only our own `certificate.pdf-render` queue consumes it.
 */
export async function requestRender(
  uow: Pick<CertificateUnitOfWork, 'pdfs' | 'emit'>,
  ports: Pick<CertificatePorts, 'clock'>,
  certificate: { id: string },
): Promise<void> {
  const at = ports.clock();
  await uow.pdfs.markRequested(certificate.id, at);
  const event: DomainEvent<CertificateRenderRequestedV1> = {
    type: CERTIFICATE_RENDER_REQUESTED,
    subject: certificate.id,
    data: { certificate_id: certificate.id },
    time: at,
  };
  await uow.emit(event);
}

import { renderRequestIsStale, type CertificateRecord } from '../../domain/certificate.entities';
import type { CertificateDeps } from '../deps';
import { requestRender } from '../pdf/request-render';

/**
 * Self-healing of a PDF that is missing: when the last render request is older than a minute (its job failed
 * and was parked, or was lost), ask again. Checked again under the row's lock, so concurrent readers ask once.
 * Returns whether a request was made.
 */
export async function rerequestRenderIfStale(deps: Pick<CertificateDeps, 'units' | 'config' | 'clock' | 'logger'>, certificate: CertificateRecord): Promise<boolean> {
  if (!renderRequestIsStale(certificate, deps.clock())) return false;
  return deps.units.run(async (uow) => {
    const current = await uow.certificates.lockById(certificate.id);
    if (!current || current.pdfKey !== certificate.pdfKey || !renderRequestIsStale(current, deps.clock())) return false;
    await requestRender(uow, deps, current);
    deps.logger.info({ certificateId: current.id }, 'certificate PDF still missing: render requested again');
    return true;
  });
}

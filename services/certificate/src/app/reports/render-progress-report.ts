import type { ProgressReport__Output } from '@lms/kit/generated/lms/certificate/v1/ProgressReport';
import { CertificateErrors } from '../../domain/certificate.errors';
import { progressReportHtml } from '../../infra/templates/progress-report';
import type { CertificateDeps } from '../deps';

/** The services that may have a report rendered: analytics (its my-progress PDF export). */
const REPORT_CALLERS = ['analytics'];

/** A learner's progress report as an A4 portrait PDF, for the analytics service only (it checked the learner). */
export async function renderProgressReport(
  deps: Pick<CertificateDeps, 'renderer'>,
  callerService: string,
  report: ProgressReport__Output,
  signal?: AbortSignal,
): Promise<Buffer> {
  if (!REPORT_CALLERS.includes(callerService)) throw CertificateErrors.callerNotAllowed();
  return deps.renderer.render(progressReportHtml(report), { landscape: false, signal });
}

import { CertificateErrors } from '../../domain/certificate.errors';
import type { CertificateDeps } from '../deps';

/** The course must exist (catalog, as this service: every existing course is visible to it), else 404. */
export async function requireCourse(deps: Pick<CertificateDeps, 'catalog'>, courseId: string): Promise<void> {
  const { items } = await deps.catalog.BatchGetCourses({ ids: [courseId] });
  if (!items.some((course) => course.id === courseId)) throw CertificateErrors.courseNotFound();
}

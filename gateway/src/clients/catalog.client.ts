import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';

/** The catalog service's client: every call carries a deadline and the request's identity/trace metadata. */
export type CatalogClient = PromiseClient<CatalogServiceDefinition>;

/** Idempotent reads: retried on UNAVAILABLE by the kit's client (service-config retry policy). */
export const CATALOG_RETRYABLE_METHODS = [
  'GetCourse',
  'GetCourseBySlug',
  'ListCourses',
  'ListMyCourses',
  'ListCategories',
  'ListPopularCourses',
  'ListTopRatedCourses',
  'BatchGetCourses',
  'GetLesson',
  'ListLessons',
  'GetCourseOutline',
  'IsCourseOwner',
];

export function createCatalogClient(address: string, deadlineMs: number): CatalogClient {
  return createClient<CatalogServiceDefinition>(loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'), address, {
    deadlineMs,
    retryableMethods: CATALOG_RETRYABLE_METHODS,
  });
}

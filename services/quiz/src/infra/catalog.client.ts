import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { CatalogServiceDefinition } from '@lms/kit/generated/lms/catalog/v1/CatalogService';

/** The catalog service's client; calls forward the current request's end-user token (kit context). */
export type CatalogClient = PromiseClient<CatalogServiceDefinition>;

/** Idempotent reads this service makes, retried on UNAVAILABLE by the kit's client. */
export const CATALOG_RETRYABLE_METHODS = ['GetCourse', 'GetLesson'];

export function createCatalogClient(address: string, deadlineMs: number): CatalogClient {
  return createClient<CatalogServiceDefinition>(loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'), address, {
    deadlineMs,
    retryableMethods: CATALOG_RETRYABLE_METHODS,
  });
}

/**
 * Prometheus metrics of a process (`@lms/kit/metrics`): loaded only by a process that serves them
 * (METRICS_ENABLED), so prom-client costs nothing elsewhere. See docs/observability.md §Metrics.
 */
export * from './endpoint';
export * from './hooks';
export * from './lag';
export { countRedisErrors } from './common';
export { createGatewayMetrics, type GatewayMetrics, type HttpMetrics } from './http';
export { createServiceMetrics, SCRAPE_READ_TTL_MS, type ServiceMetrics, type ServiceMetricsOptions } from './service';

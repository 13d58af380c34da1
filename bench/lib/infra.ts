import { randomBytes } from 'node:crypto';
import { createTestDatabase, createTestVhost, testEnv, type TestResource } from '@lms/kit/testing';

/**
 * The local servers of scripts/infra.sh (`eval "$(bash scripts/infra.sh env)"` exports these; the
 * defaults are infra.sh's ports). The benchmark makes its own databases and vhost, all named
 * `bench_<what>_<random>`, and drops them at the end — with the kit's test helpers.
 */
export const infra = testEnv;

export const runId = randomBytes(4).toString('hex');

export type Resource = TestResource;

export function createDatabase(what: string): Promise<Resource> {
  return createTestDatabase(what, { name: `bench_${what}_${runId}` });
}

export function createVhost(what: string): Promise<Resource> {
  return createTestVhost(what, { name: `bench_${what}_${runId}` });
}

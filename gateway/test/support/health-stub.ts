import { GrpcServer } from '@lms/kit/grpc';
import { testLogger } from '@lms/kit/testing';

/**
 * A gRPC server that only answers grpc.health.v1 (SERVING): stands in for a service a suite does not
 * exercise, so /readyz can be green without starting it. Real servers and real health protocol.
 */
export async function startHealthStub(): Promise<{ address: string; setServing(serving: boolean): void; stop(): Promise<void> }> {
  const server = new GrpcServer({ logger: testLogger('health-stub') });
  const port = await server.start('127.0.0.1', 0);
  server.setServing(true);
  return {
    address: `127.0.0.1:${port}`,
    setServing: (serving) => server.setServing(serving),
    stop: () => server.stop(500),
  };
}

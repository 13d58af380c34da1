import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry, Counter } from 'prom-client';
import {
  InHandMessages,
  Throttled,
  clientMetricsFor,
  consumerLagSeconds,
  metricsPortFor,
  registerClientMetrics,
  serveMetrics,
  type GrpcClientMetrics,
} from '../src/metrics';
import { testLogger } from '../src/testing';

describe('metrics: consumer lag', () => {
  it('When messages are in hand, then the lag is the age of the oldest one, whatever waits in the queue', () => {
    expect(consumerLagSeconds({ nowMs: 10_000, oldestInHandMs: 7_500, waiting: 40, lastProgressMs: 9_900 })).toBe(2.5);
    expect(consumerLagSeconds({ nowMs: 10_000, oldestInHandMs: 7_500, waiting: 0, lastProgressMs: 0 })).toBe(2.5);
  });

  it('When none is in hand but some wait, then the lag is the time since the last progress; none anywhere is 0', () => {
    expect(consumerLagSeconds({ nowMs: 10_000, waiting: 3, lastProgressMs: 4_000 })).toBe(6);
    expect(consumerLagSeconds({ nowMs: 10_000, waiting: 0, lastProgressMs: 4_000 })).toBe(0);
  });

  it('When a timestamp is in the future (clock skew), then the lag is 0, never negative', () => {
    expect(consumerLagSeconds({ nowMs: 10_000, oldestInHandMs: 11_000, waiting: 0, lastProgressMs: 0 })).toBe(0);
  });

  it('When messages come and go, then the oldest in hand and the last progress follow; an unknown message changes nothing', () => {
    const inHand = new InHandMessages(1_000);
    const [a, b] = [{}, {}];
    expect(inHand.oldest()).toBeUndefined();
    inHand.add(a, 5_000);
    inHand.add(b, 3_000);
    expect(inHand.oldest()).toBe(3_000);
    inHand.delete(b, 6_000);
    expect([inHand.oldest(), inHand.lastProgressMs, inHand.size]).toEqual([5_000, 6_000, 1]);
    inHand.delete({}, 7_000);
    expect(inHand.lastProgressMs).toBe(6_000);
  });
});

describe('metrics: throttled scrape-time reads', () => {
  it('When scrapes come within the TTL, then one fetch serves them all; after it, the next scrape fetches again', async () => {
    let now = 0;
    let fetches = 0;
    const value = new Throttled(async () => ++fetches, 5_000, () => undefined, () => now);
    expect(await Promise.all([value.get(), value.get()])).toEqual([1, 1]);
    now = 4_999;
    expect(await value.get()).toBe(1);
    now = 5_000;
    expect(await value.get()).toBe(2);
    expect(fetches).toBe(2);
  });

  it('When a fetch fails, then the last value stays, the failure is reported, and the next scrape retries', async () => {
    let now = 0;
    let fail = false;
    const errors: string[] = [];
    const value = new Throttled(
      async () => {
        if (fail) throw new Error('broker down');
        return 'depths';
      },
      1_000,
      (err) => errors.push(err.message),
      () => now,
    );
    expect(await value.get()).toBe('depths');
    fail = true;
    now = 2_000;
    expect(await value.get()).toBe('depths');
    expect(errors).toEqual(['broker down']);
    fail = false;
    expect(await value.get()).toBe('depths');
    expect(errors).toHaveLength(1);
  });
});

describe('metrics: ports and endpoint', () => {
  it('When METRICS_PORT is not set, then it is the main port + 1000, and ephemeral for an ephemeral main port', () => {
    expect(metricsPortFor({}, 50052)).toBe(51052);
    expect(metricsPortFor({}, 8080)).toBe(9080);
    expect(metricsPortFor({}, 0)).toBe(0);
    expect(metricsPortFor({ METRICS_PORT: 9464 }, 50052)).toBe(9464);
    expect(metricsPortFor({ METRICS_PORT: 0 }, 50052)).toBe(0);
  });

  it('When /metrics is asked, then Prometheus text of the registry and the process comes back; anything else is 404', async () => {
    const registry = new Registry();
    new Counter({ name: 'lms_unit_total', help: 'unit', registers: [registry] }).inc(3);
    const endpoint = await serveMetrics(registry, '127.0.0.1', 0, testLogger());
    try {
      const base = `http://127.0.0.1:${endpoint!.port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('lms_unit_total 3');
      expect(text).toContain('process_resident_memory_bytes');
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    } finally {
      await endpoint?.close();
    }
  });

  it('When the port is taken, then the process goes on without the endpoint (undefined), and says so', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      expect(await serveMetrics(new Registry(), '127.0.0.1', (busy.address() as AddressInfo).port, testLogger())).toBeUndefined();
    } finally {
      busy.close();
    }
  });
});

describe('metrics: which process a gRPC client call counts for', () => {
  const sink = (): GrpcClientMetrics & { calls: string[] } => {
    const calls: string[] = [];
    return { calls, handled: (target, method, code) => void calls.push(`${target}/${method} ${code}`) };
  };

  it('When no process serves metrics, then calls count nowhere; with one, every call counts for it', () => {
    expect(clientMetricsFor(() => 'catalog')).toBeUndefined();
    const only = sink();
    const unregister = registerClientMetrics('catalog', only);
    try {
      expect(clientMetricsFor(() => undefined)).toBe(only);
      expect(clientMetricsFor(() => 'enrollment')).toBe(only);
    } finally {
      unregister();
    }
    expect(clientMetricsFor(() => 'catalog')).toBeUndefined();
  });

  it('When several share a process (tests), then a call counts for the service whose handler makes it, else the gateway', () => {
    const [catalog, gateway] = [sink(), sink()];
    const off = [registerClientMetrics('catalog', catalog), registerClientMetrics('gateway', gateway)];
    try {
      expect(clientMetricsFor(() => 'catalog')).toBe(catalog);
      expect(clientMetricsFor(() => undefined)).toBe(gateway);
      off.pop()!();
      expect(clientMetricsFor(() => undefined)).toBe(catalog);
    } finally {
      off.forEach((unregister) => unregister());
    }
  });
});

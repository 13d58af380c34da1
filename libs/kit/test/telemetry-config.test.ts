import { samplerSettings, serviceNameOfEntry, telemetrySettings, workspaceOfEntry } from '../src/telemetry/config';

describe('telemetry settings (the preload reads them before loading anything of OpenTelemetry)', () => {
  test('Off without an endpoint (an empty one as the k8s ConfigMap sets it too) or with OTEL_SDK_DISABLED=true', () => {
    expect(telemetrySettings({}, undefined).enabled).toBe(false);
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, undefined).enabled).toBe(false);
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'TRUE' }, undefined).enabled).toBe(false);
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'false' }, undefined)).toMatchObject({ enabled: true, endpoint: 'http://c:4318' });
    // the traces-only endpoint wins (used as is by the exporter)
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:4318/v1/traces' }, undefined).endpoint).toBe('http://t:4318/v1/traces');
  });

  test('The sampler: parentbased_always_on by default, the standard names and a ratio in [0, 1]; anything else refuses to start', () => {
    expect(samplerSettings(undefined, undefined)).toEqual({ name: 'parentbased_always_on' });
    expect(samplerSettings('always_off', '0.5')).toEqual({ name: 'always_off' });
    expect(samplerSettings('ParentBased_TraceIdRatio', '0.25')).toEqual({ name: 'parentbased_traceidratio', ratio: 0.25 });
    expect(samplerSettings('traceidratio', undefined)).toEqual({ name: 'traceidratio', ratio: 1 });
    expect(() => samplerSettings('sometimes', undefined)).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => samplerSettings('traceidratio', '1.5')).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => samplerSettings('parentbased_traceidratio', 'half')).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });

  test('The service name: OTEL_SERVICE_NAME, else service.name of OTEL_RESOURCE_ATTRIBUTES, else from the entry script', () => {
    const entry = '/app/services/catalog/dist/src/main.js';
    expect(telemetrySettings({}, entry).serviceName).toBe('catalog');
    expect(telemetrySettings({ OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod,service.name=catalog%2Dblue' }, entry).serviceName).toBe('catalog-blue');
    expect(telemetrySettings({ OTEL_SERVICE_NAME: 'catalog-canary', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x' }, entry).serviceName).toBe('catalog-canary');
    expect(serviceNameOfEntry('/work/main/gateway/dist/src/main.js')).toBe('gateway');
    expect(serviceNameOfEntry('C:\\lms\\services\\quiz\\dist\\src\\main.js')).toBe('quiz');
    expect(serviceNameOfEntry('/srv/scripts/demo-data.js')).toBe('demo-data');
    expect(serviceNameOfEntry(undefined)).toBe('lms');
    expect(workspaceOfEntry(entry)).toBe('/app/services/catalog');
    expect(workspaceOfEntry('/work/main/gateway/dist/src/main.js')).toBe('/work/main/gateway');
    expect(workspaceOfEntry('/srv/scripts/demo-data.js')).toBeUndefined();
  });
});

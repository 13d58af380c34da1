import { basename, sep } from 'node:path';

/**
 * What the standard OTEL_* variables ask of this process's tracing. Pure and free of OpenTelemetry imports: the
 * preload (register.ts) reads it before deciding whether to load the SDK at all.
 */
export interface TelemetrySettings {
  /** False without an OTLP endpoint, or with OTEL_SDK_DISABLED=true: then no OpenTelemetry module is loaded. */
  enabled: boolean;
  /** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as is), else OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces). */
  endpoint?: string;
  /** OTEL_SERVICE_NAME, else `service.name` of OTEL_RESOURCE_ATTRIBUTES, else derived from the entry script. */
  serviceName: string;
  sampler: SamplerSettings;
}

export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

export interface SamplerSettings {
  name: SamplerName;
  /** The ratio of the *traceidratio samplers (OTEL_TRACES_SAMPLER_ARG, default 1). */
  ratio?: number;
}

const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

type Env = Record<string, string | undefined>;

/**
 * Reads the settings; a sampler the SDK would silently replace by its default (a typo, a ratio outside [0, 1])
 * throws instead, so a misconfigured process fails at start like any other bad configuration.
 */
export function telemetrySettings(env: Env, entryScript: string | undefined): TelemetrySettings {
  const endpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const disabled = nonEmpty(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true';
  return {
    enabled: !!endpoint && !disabled,
    ...(endpoint ? { endpoint } : {}),
    serviceName: nonEmpty(env.OTEL_SERVICE_NAME) ?? resourceAttribute(env.OTEL_RESOURCE_ATTRIBUTES, 'service.name') ?? serviceNameOfEntry(entryScript),
    sampler: samplerSettings(env.OTEL_TRACES_SAMPLER, env.OTEL_TRACES_SAMPLER_ARG),
  };
}

export function samplerSettings(name: string | undefined, arg: string | undefined): SamplerSettings {
  const chosen = (nonEmpty(name)?.toLowerCase() ?? 'parentbased_always_on') as SamplerName;
  if (!SAMPLERS.includes(chosen)) throw new Error(`OTEL_TRACES_SAMPLER: "${name}" is not one of ${SAMPLERS.join(', ')}`);
  if (!chosen.endsWith('traceidratio')) return { name: chosen };
  const ratio = nonEmpty(arg) === undefined ? 1 : Number(arg);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new Error(`OTEL_TRACES_SAMPLER_ARG: "${arg}" is not a ratio between 0 and 1`);
  return { name: chosen, ratio };
}

/**
 * `…/services/<name>/dist/src/main.js` → `<name>`, `…/gateway/…` → `gateway` (the repository's layout, also in the
 * image); any other script → its file name without extension; none (a REPL) → `lms`.
 */
export function serviceNameOfEntry(entryScript: string | undefined): string {
  if (!entryScript) return 'lms';
  const parts = entryScript.split(/[\\/]/);
  const services = parts.lastIndexOf('services');
  if (services >= 0 && parts[services + 1] && services + 2 < parts.length) return parts[services + 1];
  if (parts.slice(0, -1).includes('gateway')) return 'gateway';
  return basename(entryScript).replace(/\.[cm]?[jt]s$/, '') || 'lms';
}

/** The workspace folder of an entry script (`…/services/catalog`, `…/gateway`), where its package.json is. */
export function workspaceOfEntry(entryScript: string | undefined): string | undefined {
  if (!entryScript) return undefined;
  const parts = entryScript.split(/[\\/]/);
  const services = parts.lastIndexOf('services');
  if (services >= 0 && services + 2 < parts.length) return parts.slice(0, services + 2).join(sep);
  const gateway = parts.slice(0, -1).lastIndexOf('gateway');
  return gateway >= 0 ? parts.slice(0, gateway + 1).join(sep) : undefined;
}

/** One key of OTEL_RESOURCE_ATTRIBUTES (`k=v,k2=v2`, values percent-encoded). */
function resourceAttribute(value: string | undefined, key: string): string | undefined {
  for (const pair of value?.split(',') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === key) {
      try {
        return nonEmpty(decodeURIComponent(pair.slice(at + 1).trim()));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

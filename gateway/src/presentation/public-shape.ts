import type { ZodTypeAny } from 'zod';
import { z } from '../openapi/zod';

/**
 * The one place where proto3 answers become the public JSON contract.
 *
 * proto3 has no "absent" for scalars: an unset timestamp, id or optional text arrives as `""`, and
 * a few numbers use a sentinel for "none/unlimited" (`-1`). JSON clients (and the seed's documented
 * contract) expect `null`. Every response schema declares its absent-able fields with `nullable()`
 * below; `toPublic` walks the route's success schema once per response and turns `""`/`undefined`
 * (and a field's declared sentinels) into `null`. The same declaration makes the OpenAPI document
 * say the field is nullable, so the document and the wire cannot disagree.
 */

interface SentinelDef {
  /** Values of the inner type that mean "none" for this field (besides "" and absence). */
  nullSentinels?: readonly unknown[];
  /** The value arrives wrapped in a one-field message (`{value}`): the field's value is that field. */
  unwrapField?: string;
}

/** A response field that is `null` when absent: `""`, `undefined` and the given sentinels become null. */
export function nullable<T extends ZodTypeAny>(schema: T, ...sentinels: unknown[]) {
  const out = schema.nullable();
  // Kept in `_def` (not a side table) because `.openapi()` clones a schema with its `_def`.
  (out._def as SentinelDef).nullSentinels = sentinels;
  return out;
}

/**
 * A number sent as a proto `OptionalNumber` message (`{value}`, unset when there is no data): the public
 * JSON has the plain number, or null when the message is unset.
 */
export function optionalNumber() {
  const out = nullable(z.number());
  (out._def as SentinelDef).unwrapField = 'value';
  return out;
}

/** RFC 3339 UTC timestamp, or null when not set. */
export const NullableTimestamp = () =>
  nullable(z.string()).openapi({ description: 'RFC 3339 UTC; null when not set', example: '2026-02-17T18:00:00.000Z' });

/** A uuid reference, or null when there is none. */
export const NullableId = () => nullable(z.string().uuid());

/** Optional text or URL: null when not set. */
export const NullableText = () => nullable(z.string());

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** Reshapes `value` by `schema` (see the module comment). Keys the schema does not declare pass through. */
export function toPublic(schema: ZodTypeAny | undefined, value: unknown): unknown {
  if (!schema) return value;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal _def differs per schema type
  const def = schema._def as { typeName: string } & Record<string, any>;
  switch (def.typeName) {
    case 'ZodNullable': {
      if (value === undefined || value === null || value === '') return null;
      const unwrap = (def as SentinelDef).unwrapField;
      if (unwrap !== undefined && isPlainObject(value)) return toPublic(def.innerType, value[unwrap] ?? null);
      if ((def as SentinelDef).nullSentinels?.includes(value)) return null;
      return toPublic(def.innerType, value);
    }
    case 'ZodOptional':
      return value === undefined ? undefined : toPublic(def.innerType, value);
    case 'ZodDefault':
    case 'ZodCatch':
    case 'ZodReadonly':
      return toPublic(def.innerType, value);
    case 'ZodBranded':
      return toPublic(def.type, value);
    case 'ZodEffects':
      return toPublic(def.schema, value);
    case 'ZodLazy':
      return toPublic(def.getter(), value);
    case 'ZodPipeline':
      return toPublic(def.out, value);
    case 'ZodArray':
      return Array.isArray(value) ? value.map((item) => toPublic(def.type, item)) : value;
    case 'ZodRecord':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPublic(def.valueType, v)]));
    case 'ZodObject': {
      if (!isPlainObject(value)) return value;
      const shape = (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
      const out: Record<string, unknown> = { ...value };
      for (const [key, field] of Object.entries(shape)) {
        const shaped = toPublic(field, value[key]);
        if (shaped === undefined) delete out[key];
        else out[key] = shaped;
      }
      return out;
    }
    case 'ZodDiscriminatedUnion': {
      if (!isPlainObject(value)) return value;
      const option = (def.optionsMap as Map<unknown, ZodTypeAny>).get(value[def.discriminator as string]);
      return option ? toPublic(option, value) : value;
    }
    case 'ZodUnion': {
      // The first option whose declared required keys are all present describes the value.
      const options = def.options as ZodTypeAny[];
      if (!isPlainObject(value)) return value;
      const fits = options.find((o) => {
        const shape = objectShape(o);
        return shape !== undefined && Object.entries(shape).every(([k, f]) => f.isOptional() || k in value);
      });
      return fits ? toPublic(fits, value) : value;
    }
    default:
      return value;
  }
}

function objectShape(schema: ZodTypeAny): Record<string, ZodTypeAny> | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal _def differs per schema type
  const def = schema._def as { typeName: string } & Record<string, any>;
  if (def.typeName === 'ZodObject') return (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
  if (def.typeName === 'ZodEffects') return objectShape(def.schema);
  return undefined;
}

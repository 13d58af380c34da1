import type { ZodTypeAny } from 'zod';
import { z } from '../openapi/zod';

/**
 * The one place where proto3 answers become the public JSON contract.
 *
 * proto3 has no "absent" for scalars: an unset timestamp, id or optional text arrives as `""`, and
 * a few numbers use a sentinel for "none/unlimited" (`-1`). JSON clients (and the seed's documented
 * contract) expect `null`. Every response schema declares its absent-able fields with `nullable()`
 * below; `toPublic` (the route's success schema compiled once into a shaper) turns `""`/`undefined`
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

type Shaper = (value: unknown) => unknown;

/**
 * Each schema compiled once into its shaper. `undefined` marks a schema with nothing to reshape anywhere
 * inside (no `nullable()`): its values go out as they are, so most of a response is never walked at all.
 */
const compiled = new WeakMap<ZodTypeAny, { shape: Shaper | undefined }>();

/** Reshapes `value` by `schema` (see the module comment). Keys the schema does not declare pass through. */
export function toPublic(schema: ZodTypeAny | undefined, value: unknown): unknown {
  if (!schema) return value;
  const shape = shaperOf(schema);
  return shape ? shape(value) : value;
}

function shaperOf(schema: ZodTypeAny): Shaper | undefined {
  let entry = compiled.get(schema);
  if (!entry) {
    entry = { shape: compile(schema) };
    compiled.set(schema, entry);
  }
  return entry.shape;
}

/**
 * The shaper of one schema, specialised by its type once (not by walking zod's definitions per value). JSON
 * sees the same as before: a key whose shaped value is `undefined` is dropped.
 */
function compile(schema: ZodTypeAny): Shaper | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal _def differs per schema type
  const def = schema._def as { typeName: string } & Record<string, any>;
  switch (def.typeName) {
    case 'ZodNullable': {
      const inner = shaperOf(def.innerType);
      const unwrap = (def as SentinelDef).unwrapField;
      const sentinels = (def as SentinelDef).nullSentinels ?? [];
      return (value) => {
        if (value === undefined || value === null || value === '') return null;
        if (unwrap !== undefined && isPlainObject(value)) {
          const own = value[unwrap] ?? null;
          return inner ? inner(own) : own;
        }
        if (sentinels.includes(value)) return null;
        return inner ? inner(value) : value;
      };
    }
    case 'ZodOptional': {
      const inner = shaperOf(def.innerType);
      return inner && ((value) => (value === undefined ? undefined : inner(value)));
    }
    case 'ZodDefault':
    case 'ZodCatch':
    case 'ZodReadonly':
      return shaperOf(def.innerType);
    case 'ZodBranded':
      return shaperOf(def.type);
    case 'ZodEffects':
      return shaperOf(def.schema);
    case 'ZodLazy': {
      // Compiled at first use: a recursive schema refers to itself through its getter.
      let inner: { shape: Shaper | undefined } | undefined;
      return (value) => {
        inner ??= { shape: shaperOf(def.getter()) };
        return inner.shape ? inner.shape(value) : value;
      };
    }
    case 'ZodPipeline':
      return shaperOf(def.out);
    case 'ZodArray': {
      const item = shaperOf(def.type);
      return item && ((value) => (Array.isArray(value) ? value.map((v) => item(v)) : value));
    }
    case 'ZodRecord': {
      const item = shaperOf(def.valueType);
      return (
        item &&
        ((value) => (isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, item(v)])) : value))
      );
    }
    case 'ZodObject': {
      const shape = (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
      const fields = Object.entries(shape).flatMap(([key, field]) => {
        const shapeField = shaperOf(field);
        return shapeField ? [[key, shapeField] as const] : [];
      });
      if (!fields.length) return undefined;
      return (value) => {
        if (!isPlainObject(value)) return value;
        const out: Record<string, unknown> = { ...value };
        for (const [key, shapeField] of fields) {
          const shaped = shapeField(value[key]);
          if (shaped === undefined) delete out[key];
          else out[key] = shaped;
        }
        return out;
      };
    }
    case 'ZodDiscriminatedUnion': {
      const options = new Map([...(def.optionsMap as Map<unknown, ZodTypeAny>)].map(([tag, option]) => [tag, shaperOf(option)]));
      if (![...options.values()].some(Boolean)) return undefined;
      const discriminator = def.discriminator as string;
      return (value) => {
        if (!isPlainObject(value)) return value;
        const option = options.get(value[discriminator]);
        return option ? option(value) : value;
      };
    }
    case 'ZodUnion': {
      // The first option whose declared required keys are all present describes the value.
      const options = (def.options as ZodTypeAny[]).flatMap((o) => {
        const shape = objectShape(o);
        if (!shape) return [];
        const required = Object.entries(shape).flatMap(([k, f]) => (f.isOptional() ? [] : [k]));
        return [{ required, shape: shaperOf(o) }];
      });
      if (!options.some((o) => o.shape)) return undefined;
      return (value) => {
        if (!isPlainObject(value)) return value;
        const fits = options.find((o) => o.required.every((k) => k in value));
        return fits?.shape ? fits.shape(value) : value;
      };
    }
    default:
      return undefined;
  }
}

function objectShape(schema: ZodTypeAny): Record<string, ZodTypeAny> | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal _def differs per schema type
  const def = schema._def as { typeName: string } & Record<string, any>;
  if (def.typeName === 'ZodObject') return (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
  if (def.typeName === 'ZodEffects') return objectShape(def.schema);
  return undefined;
}

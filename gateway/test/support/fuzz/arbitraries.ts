import fc from 'fast-check';
import { resolve, type JsonSchema, type OpenApiDocument } from './schema';

/**
 * fast-check arbitraries derived from the document's schemas: values that fit the schema (so the request gets past
 * validation into the services) and hostile ones (wrong types, odd Unicode, huge numbers, SQL-ish text, malformed
 * ids, `__proto__` keys, deep nesting), mixed at every level.
 */

/** Strings nobody types by accident: direction overrides, NUL, lone surrogates, emoji, combining marks, SQL, paths. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u202Egnp.exe',
  '\u200F\u202B مرحبا \u202C',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̷̢̛͎̹a̶̡͚l̴̢̮g̵̣̈o̸͉̍',
  '\uFEFF\u200B\u2028\u2029',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(0)',
  '%',
  '%zz',
  '%00',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9007199254740993',
  'null',
  'true',
  '\r\nX-Injected: 1',
];

const MALFORMED_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '123',
  '0',
  '-1',
  '{6f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3b}',
  '6F1C2E0E-8D0A-4A63-9B9E-4F0C5D1E2A3B',
  '6f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3',
  '6f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3bb',
  '6f1c2e0e8d0a4a639b9e4f0c5d1e2a3b',
  'g f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3b',
  "6f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3b' OR 1=1",
];

const ODD_NUMBERS = [0, -0, -1, 1.5, -1e-9, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, 1e308, -1e308, Number.MIN_VALUE];

/** Keys that reach prototype machinery when an object is merged or copied naïvely. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_UUIDS) },
  // Very long: past every documented maxLength (names 100, bio 2,000, tokens 1,000).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '\u202E', "'"), fc.integer({ min: 2_001, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value of the wrong kind, including deep nesting and prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  // Deeper nesting is sent as text (engine's `deep` bodies): fast-check and JSON.stringify recurse over values.
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map(nested) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).map((key) => withKey({}, key, { polluted: true, isAdmin: true })) },
);

/** `[[[…]]]` or `{"a":{"a":…}}` `depth` levels deep. */
export function nested(depth: number): unknown {
  let v: unknown = depth % 2 ? 1 : 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Sets an own enumerable property even for `__proto__` (a plain assignment would change the prototype instead). */
export function withKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Ids the fleet knows (a course, a lesson, a quiz…): a valid value of a uuid field sometimes names a real thing. */
export interface Known {
  ids: string[];
}

function uuidArb(known: Known): fc.Arbitrary<string> {
  return known.ids.length ? fc.oneof(fc.constantFrom(...known.ids), fc.uuid()) : fc.uuid();
}

/** A value that fits `schema` (best effort: patterns and formats are honoured, lengths capped to stay small). */
export function validValue(doc: OpenApiDocument, schema: JsonSchema, known: Known, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  const alternatives: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => validValue(doc, alt, known, depth + 1)));
  if (s.allOf) {
    const parts = s.allOf.map((p: JsonSchema) => resolve(doc, p));
    const merged = { type: 'object', properties: {}, required: [] as string[] } as JsonSchema;
    for (const p of parts) {
      Object.assign(merged.properties, p.properties ?? {});
      merged.required.push(...(p.required ?? []));
    }
    return validValue(doc, merged, known, depth + 1);
  }
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue(doc, { ...s, type }, known, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringValue(s, known);
    case 'integer': {
      const min = s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case 'number':
      return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? -1000, max: s.maximum ?? s.exclusiveMaximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(validValue(doc, s.items ?? {}, known, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)) });
    case 'object':
      return depth > 4 ? fc.constant({}) : objectValue(doc, s, known, depth, false);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringValue(s: JsonSchema, known: Known): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return uuidArb(known);
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl().filter((u) => u.length <= (s.maxLength ?? 500));
    default:
      break;
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 500));
  const min = s.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 30, 30)) });
}

function objectValue(doc: OpenApiDocument, s: JsonSchema, known: Known, depth: number, hostile: boolean): fc.Arbitrary<Record<string, unknown>> {
  const props: Record<string, JsonSchema> = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const entries = Object.entries(props).map(([name, sub]) => {
    const value = hostile ? mixedValue(doc, sub, known, depth + 1) : validValue(doc, sub, known, depth + 1);
    // Optional fields come and go; absent is the usual case for a hostile caller too.
    return fc.tuple(fc.constant(name), required.has(name) ? value.map((v) => ({ v })) : fc.option(value.map((v) => ({ v })), { nil: undefined }));
  });
  return fc.tuple(...entries).map((pairs) => {
    const out: Record<string, unknown> = {};
    for (const [name, slot] of pairs) if (slot) withKey(out, name, slot.v);
    return out;
  });
}

/** Mostly a fitting value, sometimes a hostile one: how a field of a mutated body is filled. */
export function mixedValue(doc: OpenApiDocument, schema: JsonSchema, known: Known, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const fitting = types.includes('object') && depth <= 4 ? objectValue(doc, s, known, depth, true) : validValue(doc, s, known, depth);
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: hostileValue });
}

/** A JSON body for `op`: fitting, or mutated (fields of the wrong kind, a required one dropped, extra and prototype keys). */
export function jsonBody(doc: OpenApiDocument, schema: JsonSchema, known: Known): fc.Arbitrary<unknown> {
  const mutated = fc
    .record({
      base: mixedValue(doc, schema, known),
      drop: fc.nat(20),
      extras: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), hostileValue), { maxLength: 2 }),
    })
    .map(({ base, drop, extras }) => {
      if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
      const keys = Object.keys(base);
      const copy: Record<string, unknown> = {};
      keys.forEach((key, i) => i !== drop && withKey(copy, key, (base as Record<string, unknown>)[key]));
      for (const [key, value] of extras) withKey(copy, key, value);
      return copy;
    });
  return fc.oneof({ weight: 3, arbitrary: validValue(doc, schema, known) }, { weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: hostileValue });
}

/** A path or query parameter's value: fitting (an id the fleet knows, a number in range) or hostile text. */
export function paramValue(doc: OpenApiDocument, schema: JsonSchema, known: Known): fc.Arbitrary<string> {
  const fitting = validValue(doc, schema, known).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof(
    { weight: 4, arbitrary: fitting },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_UUIDS) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: hostileNumber.map(String) },
  );
}

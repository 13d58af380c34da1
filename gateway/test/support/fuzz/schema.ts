/**
 * The served OpenAPI 3.1 document as the fuzzer reads it: its operations (path × method with their parameters and
 * JSON body schema) and a JSON Schema checker for the subset zod-to-openapi emits, used to hold every 4xx body to
 * the document's own `Error` schema. An unknown keyword fails loudly: a check that silently skipped a keyword
 * would pass bodies the document does not allow.
 */
export type JsonSchema = Record<string, any>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, JsonSchema>; responses?: Record<string, any> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  /** `METHOD /path` — how reports and failures name it. */
  key: string;
  params: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  /** `public`, `optional` (anonymous or bearer) or `bearer`. */
  security: 'public' | 'optional' | 'bearer';
  roles?: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let hops = 0; s.$ref; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${s.$ref}`);
    const ref = String(s.$ref);
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
    s = doc.components.schemas[ref.slice(prefix.length)];
    if (!s) throw new Error(`dangling $ref ${ref}`);
  }
  return s;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: Parameter[] = (op.parameters ?? []).map((p: any) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: resolve(doc, p.schema),
      }));
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      const security: Operation['security'] = !op.security?.length
        ? 'public'
        : op.security.some((s: object) => Object.keys(s).length === 0)
          ? 'optional'
          : 'bearer';
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params,
        ...(contentType ? { body: { contentType, schema: resolve(doc, content[contentType].schema), required: Boolean(op.requestBody.required) } } : {}),
        security,
        ...(op['x-roles'] ? { roles: op['x-roles'] } : {}),
      });
    }
  }
  return out;
}

const KNOWN = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'nullable',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'pattern',
  'format', 'default', 'description', 'example', 'examples', 'title', '$ref', 'deprecated', 'readOnly', 'writeOnly',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema` (empty = valid), each with its JSON path. */
export function validate(doc: OpenApiDocument, schema: JsonSchema, value: unknown, at = '$'): string[] {
  const s = resolve(doc, schema);
  for (const key of Object.keys(s)) if (!KNOWN.has(key)) throw new Error(`schema keyword "${key}" at ${at} is not checked by the fuzzer`);
  const problems: string[] = [];
  if (s.type !== undefined) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual}, expected ${types.join('|')}`];
  }
  if (s.enum && !s.enum.some((e: unknown) => e === value)) problems.push(`${at}: not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && s.const !== value) problems.push(`${at}: not ${JSON.stringify(s.const)}`);
  if (typeof value === 'string') {
    if (s.minLength !== undefined && [...value].length < s.minLength) problems.push(`${at}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && [...value].length > s.maxLength) problems.push(`${at}: longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) problems.push(`${at}: does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) problems.push(`${at}: < ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) problems.push(`${at}: > ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) problems.push(`${at}: <= ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) problems.push(`${at}: >= ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) problems.push(`${at}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) problems.push(`${at}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((v, i) => problems.push(...validate(doc, s.items, v, `${at}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of s.required ?? []) if (!Object.hasOwn(obj, name)) problems.push(`${at}.${name}: required`);
    for (const [name, v] of Object.entries(obj)) {
      if (s.properties?.[name]) problems.push(...validate(doc, s.properties[name], v, `${at}.${name}`));
      else if (s.additionalProperties === false) problems.push(`${at}.${name}: not allowed`);
      else if (typeof s.additionalProperties === 'object') problems.push(...validate(doc, s.additionalProperties, v, `${at}.${name}`));
    }
  }
  if (s.allOf) for (const part of s.allOf) problems.push(...validate(doc, part, value, at));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const results = alternatives.map((alt: JsonSchema) => validate(doc, alt, value, at));
    const passing = results.filter((r: string[]) => r.length === 0).length;
    if (passing === 0) problems.push(`${at}: matches none of ${alternatives.length} alternatives (${results[0].join('; ')})`);
    else if (s.oneOf && passing > 1) problems.push(`${at}: matches ${passing} of oneOf`);
  }
  return problems;
}

/** The schema every documented 4xx answer's body follows: the document's `Error` (via the BadRequest response). */
export function errorSchemaOf(doc: OpenApiDocument): JsonSchema {
  const schema = doc.components.responses?.BadRequest?.content?.['application/json']?.schema;
  if (!schema) throw new Error('the document has no components.responses.BadRequest JSON schema');
  return resolve(doc, schema);
}

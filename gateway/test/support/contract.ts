/**
 * Checks a response against the seed's documented fields: each documented field is present with the
 * documented type. Field specs are compact strings: `string`, `number`, `integer`, `boolean`, `uuid`,
 * `timestamp`, `date`, `array`, `object`, a literal in quotes (`'bearer'`), with `|null` when the seed
 * documents the value as nullable. `key[]` is an array of objects, each checked against the nested spec.
 */
export type FieldType = string;
export interface FieldSpec {
  [field: string]: FieldType | FieldSpec;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function matchesType(value: unknown, type: string): boolean {
  if (type.startsWith("'")) return value === type.slice(1, -1);
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      throw new Error(`unknown field type in a contract spec: ${type}`);
  }
}

/** Every problem, so one run shows the whole gap between the response and the documentation. */
export function contractProblems(value: unknown, spec: FieldSpec, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [`${path} is ${JSON.stringify(value)}, expected an object`];
  const obj = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [rawKey, type] of Object.entries(spec)) {
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const where = `${path}.${key}`;
    if (!(key in obj)) {
      problems.push(`${where} is missing`);
      continue;
    }
    const v = obj[key];
    if (typeof type === 'object') {
      if (isList) {
        if (!Array.isArray(v)) problems.push(`${where} is not an array`);
        else v.forEach((item, i) => problems.push(...contractProblems(item, type, `${where}[${i}]`)));
      } else {
        problems.push(...contractProblems(v, type, where));
      }
      continue;
    }
    const alternatives = type.split('|');
    if (!alternatives.some((t) => matchesType(v, t))) problems.push(`${where} is ${JSON.stringify(v)}, documented as ${type}`);
  }
  return problems;
}

export function expectDocumented(value: unknown, spec: FieldSpec, where: string): void {
  const problems = contractProblems(value, spec);
  if (problems.length > 0) throw new Error(`${where} does not match the seed's documented response:\n  ${problems.join('\n  ')}`);
}

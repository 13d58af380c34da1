import type { ZodTypeAny, z } from 'zod';
import { fieldErrorsFromZod, validationError } from '../errors/http-errors';

export type Where = 'body' | 'query' | 'path';

/** Parses one part of the request with its schema; failures become a 422 listing every field. */
export function parsePart<S extends ZodTypeAny>(where: Where, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(fieldErrorsFromZod(where, result.error));
  return result.data;
}

import type { ZodTypeAny } from 'zod';
import { z } from '../openapi/zod';

/**
 * Lists are named after what they hold (`{"courses": [...], "total", "page", "page_size",
 * "total_pages"}`), as the seed documents them and its own client reads them. The services answer
 * `items`; these helpers give every route the same public shape.
 */
export interface PageLike<T> {
  items: T[];
  total: number | string;
  page: number;
  page_size: number;
  total_pages?: number;
}

export type Page<K extends string, U> = { [P in K]: U[] } & { total: number; page: number; page_size: number; total_pages: number };
export type List<K extends string, U> = { [P in K]: U[] } & { total: number };

export function pageOf<K extends string, T, U = T>(key: K, page: PageLike<T>, present: (item: T) => U = (i) => i as unknown as U): Page<K, U> {
  const total = Number(page.total);
  const pageSize = Number(page.page_size);
  return {
    [key]: page.items.map(present),
    total,
    page: Number(page.page),
    page_size: pageSize,
    total_pages: page.total_pages !== undefined ? Number(page.total_pages) : pageSize > 0 ? Math.ceil(total / pageSize) : 0,
  } as Page<K, U>;
}

export function listOf<K extends string, T, U = T>(key: K, items: T[], present: (item: T) => U = (i) => i as unknown as U, total = items.length): List<K, U> {
  return { [key]: items.map(present), total } as List<K, U>;
}

const Count = z.number().int();

/** The OpenAPI shape of `pageOf(key, …)`. */
export function pageSchema<S extends ZodTypeAny>(name: string, key: string, item: S) {
  return z
    .object({ [key]: z.array(item), total: Count, page: Count, page_size: Count, total_pages: Count })
    .openapi(name);
}

/** The OpenAPI shape of `listOf(key, …)`. */
export function listSchema<S extends ZodTypeAny>(name: string, key: string, item: S) {
  return z.object({ [key]: z.array(item), total: Count }).openapi(name);
}

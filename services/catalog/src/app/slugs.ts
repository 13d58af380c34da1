import { baseSlug, firstFreeSlug, slugCandidate } from '../domain/slug';
import type { CatalogPorts } from './deps';

const MAX_ATTEMPTS = 20;

/**
 * Race-safe slug allocation: try the base, and on a collision (the unique index decides, also against
 * concurrent transactions) the first free `-2`, `-3`, … candidate, re-reading what is taken each time.
 * After MAX_ATTEMPTS (a storm of identical titles), a random suffix.
 */
export async function allocateSlug<T>(
  ports: Pick<CatalogPorts, 'randomHex'>,
  base: string,
  taken: () => Promise<Set<string>>,
  tryWith: (slug: string) => Promise<T | undefined>,
): Promise<T> {
  let candidate = slugCandidate(base, 1);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const done = await tryWith(candidate);
    if (done !== undefined) return done;
    candidate = firstFreeSlug(base, await taken());
  }
  for (;;) {
    const done = await tryWith(`${base}-${ports.randomHex()}`);
    if (done !== undefined) return done;
  }
}

export function courseBaseSlug(ports: Pick<CatalogPorts, 'randomHex'>, title: string): string {
  return baseSlug(title, 'course', ports.randomHex);
}

export function lessonBaseSlug(ports: Pick<CatalogPorts, 'randomHex'>, title: string): string {
  return baseSlug(title, 'lesson', ports.randomHex);
}

/** True when `slug` already belongs to the family of `base` (base, base-2, …): no need to change it. */
export function inSlugFamily(slug: string, base: string): boolean {
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)));
}

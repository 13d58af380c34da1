/**
 * Slugs: lower-case Unicode letters, marks and digits separated by single hyphens, so Arabic, Chinese
 * or Cyrillic titles give readable slugs too ("The Art of Arabic — فن الخط" → "the-art-of-arabic-فن-الخط").
 */
export const SLUG_MAX = 100;
/** Generated slugs are cut here, leaving room for a collision suffix ("-2", or "-<8 hex>" at worst). */
const GENERATED_BASE_MAX = 90;

const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max).join('');
}

/** The slug form of any text; "" when nothing usable is left (e.g. only punctuation or emoji). */
export function slugify(text: string, max = GENERATED_BASE_MAX): string {
  const slug = text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '-').replace(/^-+|-+$/g, '');
  return cut(slug, max).replace(/-+$/, '');
}

/** A client-chosen slug is valid when it is already in slug form, not too long and not UUID-shaped. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && [...slug].length <= SLUG_MAX && slugify(slug, SLUG_MAX) === slug && !UUID_SHAPE.test(slug);
}

/**
 * The slug to try first for a title: its slug form, or `<kind>-<8 hex>` when the title has nothing
 * usable (or would look like a UUID). `randomHex` gives 8 random hex characters.
 */
export function baseSlug(title: string, kind: 'course' | 'lesson', randomHex: () => string): string {
  const slug = slugify(title);
  if (!slug) return `${kind}-${randomHex()}`;
  if (UUID_SHAPE.test(slug)) return `${kind}-${slug}`.slice(0, GENERATED_BASE_MAX);
  return slug;
}

/** The n-th candidate for a base slug: base, base-2, base-3, … */
export function slugCandidate(base: string, n: number): string {
  return n <= 1 ? base : `${base}-${n}`;
}

/** The first free candidate given the slugs already taken among base, base-2, base-3, … */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

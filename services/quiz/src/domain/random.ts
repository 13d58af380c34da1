import { randomInt } from 'node:crypto';

/**
 * A seeded PRNG (mulberry32). An attempt stores only its seed; its question draw and every shuffle are
 * recomputed from it, so the same seed must always give the same sequence, on any host and any Node version
 * (Math.random cannot be seeded). Not for secrets: the seed itself comes from `newSeed`.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy: every permutation equally likely, the input untouched. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A fresh unsigned 32-bit seed from the OS CSPRNG, so students cannot predict another attempt's paper. */
export function newSeed(): number {
  // randomInt's upper bound is exclusive and must be <= 2^48; 2^32 gives the full unsigned 32-bit range.
  return randomInt(0, 2 ** 32);
}

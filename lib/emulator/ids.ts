/**
 * Identifier generation. API Gateway ids are 10 lowercase alphanumerics (e.g. `o81lxisefl`). The
 * generator is a seeded PRNG so a freshly seeded emulator hands out the same ids on every start,
 * which keeps screenshots, e2e fixtures and bug reports stable.
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export interface IdGenerator {
  next(length?: number): string;
  reset(): void;
}

export function createIdGenerator(seed = 0x5eed): IdGenerator {
  let state = seed >>> 0;
  // mulberry32: tiny, fast, good enough for unique-looking ids (uniqueness is still checked by callers).
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next(length = 10) {
      let id = "";
      for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
      return id;
    },
    reset() {
      state = seed >>> 0;
    },
  };
}

export function epochSeconds(now = Date.now()): number {
  return Math.floor(now / 1000);
}

/** Deterministic, realistic-looking identifiers: same seed, same IDs. */

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** FNV-1a: a stable 32-bit hash of a string, used to seed per-name generators. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChars(random: () => number, length: number, alphabet = ID_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** An ID derived only from a name: seeded data keeps its IDs whatever order the tables are in. */
export function stableId(prefix: string, name: string, length = 18): string {
  return prefix + randomChars(seededRandom(hash32(name)), length);
}

/** The emulator's running sequence of new IDs (rule IDs, RequestIds); `reset` restarts it. */
export class IdSequence {
  private random: () => number;
  constructor(private readonly seed: string) {
    this.random = seededRandom(hash32(seed));
  }

  reset(): void {
    this.random = seededRandom(hash32(this.seed));
  }

  /** A new resource ID such as `sg-bp…` for a group made by CreateSecurityGroup. */
  resourceId(prefix: string, length = 18): string {
    return prefix + randomChars(this.random, length);
  }

  ruleId(regionPrefix: string): string {
    return `sgr-${regionPrefix}${randomChars(this.random, 18)}`;
  }

  /** An upper-case UUID v4 like the ones ECS returns as RequestId. */
  requestId(): string {
    const hex = randomChars(this.random, 32, '0123456789ABCDEF').split('');
    hex[12] = '4';
    hex[16] = '89AB'[Math.floor(this.random() * 4)] ?? '8';
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/**
 * A small pure-TypeScript 64-bit hash (two independent 32-bit passes), for revisions that detect
 * a stale preview. Not cryptographic: it guards against accidents, not adversaries.
 */

/**
 * Incremental form of `hashPair`: feed several strings without concatenating them (large rule
 * sets would otherwise allocate a string per rule just to hash it).
 */
export class PairHasher {
  private fnv = 0x811c9dc5;
  private murmur = 0x9747b28c;

  /** Feeds a string followed by a separator code, so field boundaries count. */
  feed(text: string): this {
    let fnv = this.fnv;
    let murmur = this.murmur;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0x1f;
      fnv = Math.imul(fnv ^ code, 0x01000193);
      let k = Math.imul(code, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      murmur ^= Math.imul(k, 0x1b873593);
      murmur = (murmur << 13) | (murmur >>> 19);
      murmur = (Math.imul(murmur, 5) + 0xe6546b64) | 0;
    }
    this.fnv = fnv;
    this.murmur = murmur;
    return this;
  }

  /** The two finalized 32-bit hashes; the hasher can be reset and reused. */
  digest(): [number, number] {
    return [finalize(this.fnv) >>> 0, finalize(this.murmur) >>> 0];
  }

  /**
   * Adds the current hash to `digest`, the same as `digest.add(this.digest())`. Large rule sets
   * hash one item per rule: this way no pair array and no boxed (above 2^31) number per item.
   */
  addTo(digest: MultisetDigest): void {
    digest.addSigned(finalize(this.fnv), finalize(this.murmur));
  }

  reset(): this {
    this.fnv = 0x811c9dc5;
    this.murmur = 0x9747b28c;
    return this;
  }
}

/** Two 32-bit hashes of a string: FNV-1a and a murmur-style multiply-rotate pass. */
export function hashPair(text: string): [number, number] {
  return new PairHasher().feed(text).digest();
}

/** Murmur3's avalanche step, so nearby inputs spread over all bits; the bits as a signed int32. */
function finalize(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Order-independent digest of a multiset of items: the sum of their hashes. Equivalent to
 * hashing the sorted list for our purpose, without the O(n log n) sort.
 */
export class MultisetDigest {
  // Sums modulo 2^32 kept as signed int32 (small integers stay unboxed); unsigned in `toString`.
  private sumA = 0;
  private sumB = 0;
  private count = 0;

  /** Adds one item, given as its pair of hashes. */
  add([a, b]: [number, number]): void {
    this.addSigned(a, b);
  }

  /** `add` with the two hashes as separate numbers (either signed or unsigned 32-bit). */
  addSigned(a: number, b: number): void {
    this.sumA = (this.sumA + a) | 0;
    this.sumB = (this.sumB + b) | 0;
    this.count++;
  }

  toString(): string {
    return `${this.count}:${(this.sumA >>> 0).toString(16)}:${(this.sumB >>> 0).toString(16)}`;
  }
}

/** 16 lower-case hex characters. */
export function hashHex(text: string): string {
  const [a, b] = hashPair(text);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** nanoid's URL-safe alphabet, so demo ids look exactly like the service's. */
const NANOID_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyrzict';
const HEX = '0123456789abcdef';

/** splitmix32: spreads a small seed over the 128-bit state of sfc32. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a, to derive one independent stream per table from the seed and a name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Seeded sfc32 generator (128-bit state, fast in plain JS): the same seed gives the same demo
 * database, and a million nanoids do not cost a crypto call each.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed ^ hashName(stream)) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks by weight; `weights` lists each item's relative frequency */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** `count` distinct items, in list order */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]!);
  }

  /** roughly log-normal: most values near `median`, a long tail above */
  logNormal(median: number, spread: number): number {
    const gauss = this.next() + this.next() + this.next() - 1.5; // cheap bell curve in [-1.5, 1.5]
    return median * Math.exp(gauss * spread);
  }

  /** a 21-character nanoid */
  nanoid(): string {
    let out = '';
    for (let i = 0; i < 4; i++) {
      const r = this.u32();
      out += NANOID_ALPHABET[r & 63]! + NANOID_ALPHABET[(r >>> 6) & 63]! + NANOID_ALPHABET[(r >>> 12) & 63]! + NANOID_ALPHABET[(r >>> 18) & 63]! + NANOID_ALPHABET[(r >>> 24) & 63]!;
    }
    return out + NANOID_ALPHABET[this.u32() & 63]!;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const r = this.u32();
      for (let s = 0; s < 32 && out.length < length; s += 4) out += HEX[(r >>> s) & 15]!;
    }
    return out;
  }

  /** a string of `length` characters from `alphabet` */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]!;
    return out;
  }
}

/** Seeded randomness for the bench data: the same seed always builds the same database. */
import { mulberry32 } from '../../support/prng';

export type Rand = () => number;

/** mulberry32: small, fast, good enough to spread test data. */
export const prng: (seedValue: number) => Rand = mulberry32;

export function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** An integer in [min, max]. */
export function between(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** `n` random decimal digits. */
export function digits(rand: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
  return s;
}

/** A random (seeded) UUID v4, as `crypto.randomUUID()` gives the UI: ids land all over the primary index. */
export function uuid(rand: Rand): string {
  const word = () => Math.floor(rand() * 0x100000000).toString(16).padStart(8, '0');
  const a = word();
  const b = word();
  const c = word();
  const d = word();
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

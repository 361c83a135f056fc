/**
 * A minimal sRGB ICC profile (version 2.1, display class, matrix/TRC), built in code because PDF/A
 * needs an OutputIntent with an embedded ICC profile and no profile file may be fetched or shipped
 * from an unknown source. It carries the nine tags a v2 RGB display profile requires: desc, cprt,
 * wtpt, rXYZ/gXYZ/bXYZ (the sRGB primaries adapted to the D50 connection space with Bradford, as
 * the ICC's own sRGB profile has them) and rTRC/gTRC/bTRC (the exact sRGB curve sampled at 1024
 * points, the way v2 expresses a piecewise curve; the three tags share one curve).
 */

/** The ICC connection space illuminant (D50) as the header and XYZ tags encode it. */
export const D50 = [0.9642, 1, 0.8249] as const;

/** sRGB's white (D65) from its xy chromaticity (0.3127, 0.3290). */
const D65 = [0.3127 / 0.329, 1, (1 - 0.3127 - 0.329) / 0.329] as const;

/** sRGB primaries (IEC 61966-2-1) as xy chromaticities. */
const PRIMARIES: readonly (readonly [number, number])[] = [
  [0.64, 0.33],
  [0.3, 0.6],
  [0.15, 0.06],
];

/** Bradford cone response matrix (the adaptation the ICC specifies for v4 and most v2 profiles use). */
const BRADFORD = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];

type Vec3 = [number, number, number];
type Mat3 = Vec3[];

const mulVec = (m: number[][], v: readonly number[]): Vec3 =>
  [0, 1, 2].map((r) => m[r]![0]! * v[0]! + m[r]![1]! * v[1]! + m[r]![2]! * v[2]!) as Vec3;

const mulMat = (a: number[][], b: number[][]): Mat3 =>
  [0, 1, 2].map((r) => [0, 1, 2].map((c) => a[r]![0]! * b[0]![c]! + a[r]![1]! * b[1]![c]! + a[r]![2]! * b[2]![c]!)) as Mat3;

function invert(m: number[][]): Mat3 {
  const [a, b, c] = m[0]! as Vec3;
  const [d, e, f] = m[1]! as Vec3;
  const [g, h, i] = m[2]! as Vec3;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/** Columns of the RGB→XYZ matrix, D50-adapted: the rXYZ, gXYZ and bXYZ tag values. */
export function srgbColorantsD50(): [Vec3, Vec3, Vec3] {
  // RGB→XYZ under D65: primaries as XYZ columns, scaled so that RGB (1,1,1) gives the white.
  const xyz = PRIMARIES.map(([x, y]) => [x / y, 1, (1 - x - y) / y]);
  const p: Mat3 = [0, 1, 2].map((r) => [xyz[0]![r]!, xyz[1]![r]!, xyz[2]![r]!]) as Mat3;
  const s = mulVec(invert(p), D65);
  const toXyz65 = p.map((row) => row.map((v, c) => v * s[c]!)) as Mat3;
  // Bradford: to cone space, scale by the ratio of the whites, back.
  const cone65 = mulVec(BRADFORD, D65);
  const cone50 = mulVec(BRADFORD, D50);
  const scale: Mat3 = [
    [cone50[0] / cone65[0], 0, 0],
    [0, cone50[1] / cone65[1], 0],
    [0, 0, cone50[2] / cone65[2]],
  ];
  const adapt = mulMat(invert(BRADFORD), mulMat(scale, BRADFORD));
  const m = mulMat(adapt, toXyz65);
  return [0, 1, 2].map((c) => [m[0]![c]!, m[1]![c]!, m[2]![c]!]) as [Vec3, Vec3, Vec3];
}

/** The sRGB electro-optical transfer function (encoded 0–1 → linear 0–1). */
export const srgbToLinear = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

export const CURVE_POINTS = 1024;

/** Growable big-endian byte writer, just enough for ICC tags. */
class Bytes {
  private chunks: number[] = [];
  get length(): number {
    return this.chunks.length;
  }
  u8(v: number): this {
    this.chunks.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  /** s15Fixed16Number: signed 16.16 fixed point. */
  s15f16(v: number): this {
    return this.u32(Math.round(v * 65536) >>> 0);
  }
  ascii(s: string): this {
    for (const ch of s) this.u8(ch.charCodeAt(0));
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  pad4(): this {
    return this.zeros((4 - (this.length % 4)) % 4);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

function textDescription(text: string): Uint8Array {
  // textDescriptionType (ICC.1:2001-04 §6.5.17): ASCII, then empty Unicode and ScriptCode parts.
  return new Bytes()
    .ascii('desc')
    .zeros(4)
    .u32(text.length + 1)
    .ascii(text)
    .u8(0)
    .u32(0)
    .u32(0)
    .u16(0)
    .u8(0)
    .zeros(67)
    .bytes();
}

const textTag = (text: string): Uint8Array => new Bytes().ascii('text').zeros(4).ascii(text).u8(0).bytes();

const xyzTag = ([x, y, z]: readonly number[]): Uint8Array => new Bytes().ascii('XYZ ').zeros(4).s15f16(x!).s15f16(y!).s15f16(z!).bytes();

function curveTag(): Uint8Array {
  const out = new Bytes().ascii('curv').zeros(4).u32(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) out.u16(Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
  return out.bytes();
}

export const ICC_DESCRIPTION = 'sRGB IEC61966-2.1';

let cached: Uint8Array | null = null;

/** The profile bytes (about 2.6 KB); the same bytes every time. */
export function srgbIccProfile(): Uint8Array {
  if (cached) return cached.slice();
  const [r, g, b] = srgbColorantsD50();
  const curve = curveTag();
  // Tags in signature order; the three TRC tags point at one shared curve element.
  const elements: [string, Uint8Array][] = [
    ['desc', textDescription(ICC_DESCRIPTION)],
    ['cprt', textTag('No copyright, use freely (motcua, generated)')],
    // v2 display profiles (like the ICC's sRGB) give the media white as measured: D65.
    ['wtpt', xyzTag(D65)],
    ['rXYZ', xyzTag(r)],
    ['gXYZ', xyzTag(g)],
    ['bXYZ', xyzTag(b)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableEnd = 128 + 4 + 12 * elements.length;
  const data = new Bytes();
  const placed = new Map<Uint8Array, number>();
  const table = new Bytes().u32(elements.length);
  for (const [sig, bytes] of elements) {
    let offset = placed.get(bytes);
    if (offset === undefined) {
      offset = tableEnd + data.length;
      placed.set(bytes, offset);
      for (const v of bytes) data.u8(v);
      data.pad4();
    }
    table.ascii(sig).u32(offset).u32(bytes.length);
  }
  const size = tableEnd + data.length;
  const header = new Bytes()
    .u32(size)
    .zeros(4) // preferred CMM: none
    .u32(0x02100000) // version 2.1.0
    .ascii('mntr')
    .ascii('RGB ')
    .ascii('XYZ ')
    .u16(2026).u16(1).u16(1).u16(0).u16(0).u16(0) // fixed creation date: same bytes every build
    .ascii('acsp')
    .zeros(4) // primary platform: none
    .u32(0) // flags
    .zeros(8) // manufacturer, model
    .zeros(8) // attributes
    .u32(0) // perceptual intent
    .s15f16(D50[0]).s15f16(D50[1]).s15f16(D50[2])
    .zeros(4) // creator
    .zeros(16) // profile ID (v4 only)
    .zeros(28);
  const out = new Uint8Array(size);
  out.set(header.bytes(), 0);
  out.set(table.bytes(), 128);
  out.set(data.bytes(), tableEnd);
  cached = out;
  return out.slice();
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURVE_POINTS, D50, srgbColorantsD50, srgbIccProfile, srgbToLinear } from '../../../../src-main/services/digitize/pdf/icc';

const icc = srgbIccProfile();
const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
const ascii = (at: number, n = 4) => String.fromCharCode(...icc.subarray(at, at + n));
const s15 = (at: number) => view.getInt32(at) / 65536;

/** The tag table read back from the bytes: signature → { offset, size, type }. */
function tags(bytes: Uint8Array): Map<string, { offset: number; size: number; type: string }> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, { offset: number; size: number; type: string }>();
  for (let i = 0, n = v.getUint32(128); i < n; i++) {
    const at = 132 + 12 * i;
    const offset = v.getUint32(at + 4);
    out.set(String.fromCharCode(...bytes.subarray(at, at + 4)), { offset, size: v.getUint32(at + 8), type: String.fromCharCode(...bytes.subarray(offset, offset + 4)) });
  }
  return out;
}

const xyzAt = (offset: number) => [s15(offset + 8), s15(offset + 12), s15(offset + 16)];

describe('minimal sRGB ICC v2 profile', () => {
  it('has a valid v2 display-profile header', () => {
    expect(view.getUint32(0)).toBe(icc.length);
    expect(icc.length % 4).toBe(0);
    expect(view.getUint32(8)).toBe(0x02100000);
    expect([ascii(12), ascii(16), ascii(20), ascii(36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp']);
    expect([s15(68), s15(72), s15(76)].map((v) => v.toFixed(4))).toEqual(D50.map((v) => v.toFixed(4)));
    console.log(`ICC profile: ${icc.length} bytes`);
  });

  it('carries the nine required tags, typed, aligned and inside the file', () => {
    const t = tags(icc);
    const expected = { desc: 'desc', cprt: 'text', wtpt: 'XYZ ', rXYZ: 'XYZ ', gXYZ: 'XYZ ', bXYZ: 'XYZ ', rTRC: 'curv', gTRC: 'curv', bTRC: 'curv' };
    expect(Object.fromEntries([...t].map(([sig, tag]) => [sig, tag.type]))).toEqual(expected);
    for (const tag of t.values()) {
      expect(tag.offset % 4).toBe(0);
      expect(tag.offset + tag.size).toBeLessThanOrEqual(icc.length);
    }
    const desc = t.get('desc')!;
    expect(ascii(desc.offset + 12, view.getUint32(desc.offset + 8) - 1)).toBe('sRGB IEC61966-2.1');
  });

  it('has the D50-adapted sRGB primaries (as in the ICC sRGB profile) that add up to D50', () => {
    const t = tags(icc);
    const [r, g, b] = ['rXYZ', 'gXYZ', 'bXYZ'].map((sig) => xyzAt(t.get(sig)!.offset));
    const published = [
      [0.4361, 0.2225, 0.0139],
      [0.3851, 0.7169, 0.0971],
      [0.1431, 0.0606, 0.7141],
    ];
    [r, g, b].forEach((c, i) => c!.forEach((v, j) => expect(v).toBeCloseTo(published[i]![j]!, 3)));
    [0, 1, 2].forEach((j) => expect(r![j]! + g![j]! + b![j]!).toBeCloseTo(D50[j]!, 3));
    expect(srgbColorantsD50()[0][0]).toBeCloseTo(r![0]!, 4);
  });

  it('has the sRGB tone curve, sampled and increasing', () => {
    const { offset } = tags(icc).get('rTRC')!;
    expect(view.getUint32(offset + 8)).toBe(CURVE_POINTS);
    const at = (i: number) => view.getUint16(offset + 12 + 2 * i) / 65535;
    expect(at(0)).toBe(0);
    expect(at(CURVE_POINTS - 1)).toBe(1);
    for (let i = 1; i < CURVE_POINTS; i++) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
    const mid = Math.round((CURVE_POINTS - 1) / 2);
    expect(at(mid)).toBeCloseTo(srgbToLinear(mid / (CURVE_POINTS - 1)), 4);
    expect(at(mid)).toBeCloseTo(0.214, 2);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(srgbIccProfile()).equals(Buffer.from(icc))).toBe(true);
  });

  describe('read by LittleCMS (libvips through sharp)', () => {
    let dir: string;
    const colours = Buffer.from([200, 30, 40, 20, 180, 60, 30, 60, 200, 128, 128, 128, 250, 250, 250, 10, 10, 10]);
    const raw = () => sharp(colours, { raw: { width: 6, height: 1, channels: 3 } });
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'motcua-icc-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const maxDiff = (a: Buffer, b: Buffer) => Math.max(...[...a].map((v, i) => Math.abs(v - b[i]!)));

    it('converts like the built-in sRGB profile, and a profile with red and blue swapped does not', async () => {
      const ours = path.join(dir, 'ours.icc');
      await writeFile(ours, icc);
      // sRGB → ours: the same colours come out (ours is sRGB).
      const tagged = await raw().withIccProfile(ours).png().toBuffer();
      expect(maxDiff(await sharp(tagged).raw().toBuffer(), colours)).toBeLessThanOrEqual(1);
      expect((await sharp(tagged).metadata()).icc?.length).toBe(icc.length);
      // ours → Display P3 equals built-in sRGB → Display P3.
      const viaOurs = await sharp(tagged).withIccProfile('p3').raw().toBuffer();
      const viaBuiltin = await raw().withIccProfile('p3').raw().toBuffer();
      expect(maxDiff(viaOurs, viaBuiltin)).toBeLessThanOrEqual(1);
      expect(maxDiff(viaBuiltin, colours)).toBeGreaterThan(5);
      // Control: the same bytes with the red and blue colorants swapped change the colours, so
      // LittleCMS really reads the tags (it is not falling back to sRGB).
      const swapped = Uint8Array.from(icc);
      const t = tags(icc);
      swapped.set(icc.subarray(t.get('bXYZ')!.offset, t.get('bXYZ')!.offset + 20), t.get('rXYZ')!.offset);
      swapped.set(icc.subarray(t.get('rXYZ')!.offset, t.get('rXYZ')!.offset + 20), t.get('bXYZ')!.offset);
      const control = path.join(dir, 'swapped.icc');
      await writeFile(control, swapped);
      expect(maxDiff(await raw().withIccProfile(control).raw().toBuffer(), colours)).toBeGreaterThan(20);
    });
  });
});

/**
 * Reads a QR symbol's module matrix back from a rasterised page, without a decoder: find the three
 * finder patterns (1:1:3:1:1 runs, checked across and down), derive the module size and grid from
 * their centres, and sample each module's centre. Only for clean renderings of our own pages.
 */
import type { GrayImage } from './pdf-tools';

interface Finder {
  x: number;
  y: number;
  unit: number;
}

const dark = (img: GrayImage, x: number, y: number) => (img.data[Math.round(y) * img.width + Math.round(x)] ?? 255) < 128;

/** Run lengths along a line through (x, y) in direction (dx, dy): the 5 runs centred on the point. */
function runsThrough(img: GrayImage, x: number, y: number, dx: number, dy: number): number[] | undefined {
  if (!dark(img, x, y)) return undefined;
  const inside = (px: number, py: number) => px >= 0 && py >= 0 && px < img.width && py < img.height;
  const walk = (sx: number, sy: number): number[] => {
    const runs: number[] = [];
    let px = x;
    let py = y;
    let state = true;
    let len = 0;
    while (runs.length < 3 && inside(px, py)) {
      if (dark(img, px, py) === state) len++;
      else {
        runs.push(len);
        state = !state;
        len = 1;
      }
      px += sx;
      py += sy;
    }
    if (runs.length < 3) runs.push(len);
    return runs;
  };
  const fwd = walk(dx, dy);
  const back = walk(-dx, -dy);
  if (fwd.length < 3 || back.length < 3) return undefined;
  const centre = (fwd[0] ?? 0) + (back[0] ?? 0) - 1;
  return [back[2] ?? 0, back[1] ?? 0, centre, fwd[1] ?? 0, fwd[2] ?? 0];
}

function isFinderRatio(runs: number[] | undefined, minUnit: number): number | undefined {
  if (!runs) return undefined;
  const total = runs.reduce((s, v) => s + v, 0);
  const unit = total / 7;
  if (unit < minUnit) return undefined;
  const want = [1, 1, 3, 1, 1];
  return runs.every((r, i) => Math.abs(r - (want[i] ?? 0) * unit) <= unit * 0.5) ? unit : undefined;
}

function findFinders(img: GrayImage, minUnit: number): Finder[] {
  const found: Finder[] = [];
  const step = Math.max(1, Math.floor(minUnit / 2));
  for (let y = 0; y < img.height; y += step) {
    for (let x = 0; x < img.width; x += step) {
      const hu = isFinderRatio(runsThrough(img, x, y, 1, 0), minUnit);
      if (!hu) continue;
      const vu = isFinderRatio(runsThrough(img, x, y, 0, 1), minUnit);
      if (!vu || Math.abs(hu - vu) > hu * 0.3) continue;
      if (found.some((f) => Math.hypot(f.x - x, f.y - y) < f.unit * 4)) continue;
      const c = centreOf(img, x, y, (hu + vu) / 2);
      // Diagonally too (in steps of √2 px): data modules rarely pass all three.
      if (!isFinderRatio(runsThrough(img, c.x, c.y, 1, 1), minUnit)) continue;
      found.push(c);
    }
  }
  return found;
}

/** The centre of the finder's 3×3 core around a point inside it. */
function centreOf(img: GrayImage, x: number, y: number, unit: number): Finder {
  const extent = (dx: number, dy: number) => {
    let n = 0;
    while (dark(img, x + dx * (n + 1), y + dy * (n + 1))) n++;
    return n;
  };
  const cx = x + (extent(1, 0) - extent(-1, 0)) / 2;
  const cy = y + (extent(0, 1) - extent(0, -1)) / 2;
  return { x: cx, y: cy, unit };
}

export interface ReadMatrix {
  matrix: boolean[][];
  /** Module size in pixels. */
  module: number;
  /** Top-left corner of the symbol in pixels. */
  origin: { x: number; y: number };
}

/** The module matrix of the one QR symbol on the image (finder units of at least `minUnit` px). */
export function readQrMatrix(img: GrayImage, minUnit = 4): ReadMatrix {
  const finders = bestTriangle(findFinders(img, minUnit));
  const tl = [...finders].sort((a, b) => a.x + a.y - (b.x + b.y))[0] as Finder;
  const others = finders.filter((f) => f !== tl);
  const tr = [...others].sort((a, b) => b.x - a.x)[0] as Finder;
  const bl = others.find((f) => f !== tr) as Finder;
  const unit = (tl.unit + tr.unit + bl.unit) / 3;
  const n = Math.round((tr.x - tl.x) / unit) + 7;
  const m = ((tr.x - tl.x) / (n - 7) + (bl.y - tl.y) / (n - 7)) / 2;
  const origin = { x: tl.x - 3.5 * m, y: tl.y - 3.5 * m };
  const matrix = Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => {
      const cx = origin.x + (c + 0.5) * m;
      const cy = origin.y + (r + 0.5) * m;
      let votes = 0;
      for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) if (dark(img, cx + dx * m * 0.2, cy + dy * m * 0.2)) votes++;
      return votes >= 5;
    }),
  );
  return { matrix, module: m, origin };
}

/** The three candidates forming a right isosceles triangle (the symbol's three corners). */
function bestTriangle(found: Finder[]): Finder[] {
  let best: { score: number; set: Finder[] } | undefined;
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++)
      for (let k = j + 1; k < found.length; k++) {
        const set = [found[i], found[j], found[k]] as Finder[];
        const [a, b, c] = set as [Finder, Finder, Finder];
        const d = [Math.hypot(a.x - b.x, a.y - b.y), Math.hypot(b.x - c.x, b.y - c.y), Math.hypot(a.x - c.x, a.y - c.y)].sort((p, q) => p - q) as [number, number, number];
        const score = Math.abs(d[0] - d[1]) / d[1] + Math.abs(d[2] - d[1] * Math.SQRT2) / d[2];
        if (score < 0.05 && (!best || score < best.score)) best = { score, set };
      }
  if (!best) throw new Error(`no three finder patterns form a QR symbol: ${JSON.stringify(found)}`);
  return best.set;
}

/** Crops an image to the rectangle (in pixels). */
export function crop(img: GrayImage, x: number, y: number, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) data.set(img.data.subarray((y + r) * img.width + x, (y + r) * img.width + x + width), r * width);
  return { width, height, data };
}

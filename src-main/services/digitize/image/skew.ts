/**
 * Finds the small turn that makes text lines horizontal, and whether they run across the page or
 * up it (a page scanned a quarter turned), by searching projection profiles of the ink.
 */
import type { InkPoints } from './ink';
import { peakiness, profile } from './projection';

/** Largest skew looked for, in degrees either way. */
export const MAX_SKEW = 10;
const COARSE_STEP = 0.5;
const FINE_STEP = 0.05;

export interface LineAngle {
  /** Clockwise turn (degrees) that makes the lines level, within ±MAX_SKEW. */
  degrees: number;
  /** Peakiness of the best profile (1 = no structure). */
  score: number;
}

/** Below this many ink points a page has no lines worth measuring. */
const MIN_POINTS = 200;

/** Every ~n-th point for the coarse pass: its optimum is broad, and it runs 41 angles per direction. */
function sample(points: InkPoints, max: number): InkPoints {
  if (points.count <= max) return points;
  const step = points.count / max;
  const xs = new Float32Array(max);
  const ys = new Float32Array(max);
  for (let i = 0; i < max; i++) {
    const k = Math.floor(i * step);
    xs[i] = points.xs[k]!;
    ys[i] = points.ys[k]!;
  }
  return { xs, ys, count: max, width: points.width, height: points.height };
}

function best(points: InkPoints, transposed: boolean, from: number, to: number, step: number): LineAngle {
  let result: LineAngle = { degrees: 0, score: -1 };
  const steps = Math.round((to - from) / step);
  for (let i = 0; i <= steps; i++) {
    const d = from + i * step;
    const score = peakiness(profile(points, d, transposed), points.count, transposed ? points.width : points.height);
    // Ties go to the angle nearer level: no turn is better than a needless one.
    if (score > result.score + 1e-9 || (Math.abs(score - result.score) <= 1e-9 && Math.abs(d) < Math.abs(result.degrees))) {
      result = { degrees: d, score };
    }
  }
  return result;
}

/** The best line angle to within COARSE_STEP, on a sample: enough to tell across from down. */
export function coarseLineAngle(points: InkPoints, transposed: boolean): LineAngle {
  if (points.count < MIN_POINTS) return { degrees: 0, score: 0 };
  return best(sample(points, 40_000), transposed, -MAX_SKEW, MAX_SKEW, COARSE_STEP);
}

/** The best line angle with the page read as is (`transposed` false) or a quarter turned. */
export function lineAngle(points: InkPoints, transposed: boolean, coarse = coarseLineAngle(points, transposed)): LineAngle {
  if (points.count < MIN_POINTS) return { degrees: 0, score: 0 };
  const lo = Math.max(-MAX_SKEW, coarse.degrees - COARSE_STEP);
  const hi = Math.min(MAX_SKEW, coarse.degrees + COARSE_STEP);
  const fine = best(points, transposed, lo, hi, FINE_STEP);
  return { degrees: Math.round(fine.degrees * 100) / 100, score: fine.score };
}

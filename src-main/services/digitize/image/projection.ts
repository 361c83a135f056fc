/**
 * Projection profiles: ink summed along lines at a given angle. Text lines at the right angle give
 * a profile of sharp peaks (lines) and empty gaps (leading), which the sum of squares rewards.
 */
import type { InkPoints } from './ink';

/**
 * Row profile of the ink after turning the page by `degrees` clockwise (image y points down), with
 * `transposed` reading columns instead of rows (the page turned a quarter).
 */
export function profile(points: InkPoints, degrees: number, transposed: boolean): Float64Array {
  const theta = (degrees * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const us = transposed ? points.ys : points.xs;
  const vs = transposed ? points.xs : points.ys;
  let min = Infinity;
  let max = -Infinity;
  const projected = new Float64Array(points.count);
  for (let i = 0; i < points.count; i++) {
    // Turning clockwise by theta moves a point's y to x·sin + y·cos (y down).
    const v = us[i]! * sin + vs[i]! * cos;
    projected[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const offset = Math.round(min);
  const bins = new Float64Array(Math.round(max) - offset + 1);
  // Nearest bin, no split between two: a split smooths the profile at every angle but 0 and so
  // biases the search towards (or, with half-pixel centres, away from) exactly level.
  for (let i = 0; i < points.count; i++) bins[Math.round(projected[i]!) - offset]!++;
  return bins;
}

/**
 * Sum of squares, scaled so ink spread evenly over the image's side (`span` rows or columns) scores
 * 1. Scaling by the side, not by the ink's own extent, keeps one short line from looking like a
 * column: its rows hold all its ink in a few bins, which is exactly what a text line is.
 */
export function peakiness(bins: Float64Array, count: number, span: number): number {
  if (count === 0) return 0;
  let squares = 0;
  for (let i = 0; i < bins.length; i++) squares += bins[i]! * bins[i]!;
  return (squares * span) / (count * count);
}

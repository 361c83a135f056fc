/**
 * Upright or upside down (0° vs 180°), from the ink around each text line's x-height band. In
 * Vietnamese, tone and vowel marks (dấu thanh, dấu mũ, dấu móc) and ascenders put far more ink above
 * the band than descenders and the dot below (dấu nặng) put under it; turned over, the reverse.
 */
import type { InkPoints } from './ink';
import { profile } from './projection';

export interface FlipVote {
  /** log(ink above the bands / ink below); > 0 means upright. */
  logRatio: number;
  /** Text lines the vote is based on. */
  lines: number;
}

interface Run {
  from: number;
  to: number;
}

/** Rows of the profile that hold ink, as runs, with a mark separated by a thin gap joined to its line. */
function lineRuns(bins: Float64Array): Run[] {
  let peak = 0;
  for (const c of bins) peak = Math.max(peak, c);
  const floor = Math.max(1, peak * 0.02);
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= bins.length; i++) {
    const inked = i < bins.length && bins[i]! >= floor;
    if (inked && start < 0) start = i;
    if (!inked && start >= 0) {
      runs.push({ from: start, to: i - 1 });
      start = -1;
    }
  }
  if (runs.length === 0) return runs;
  const heights = runs.map((r) => r.to - r.from + 1).sort((a, b) => a - b);
  const median = heights[heights.length >> 1]!;
  const maxGap = Math.max(1, Math.round(median * 0.2));
  const merged: Run[] = [runs[0]!];
  for (const run of runs.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (run.from - last.to - 1 <= maxGap) last.to = run.to;
    else merged.push({ ...run });
  }
  return merged;
}

/** Votes with the page turned `degrees` clockwise (its lines level) and read across (`transposed` false) or down. */
export function flipVote(points: InkPoints, degrees: number, transposed: boolean): FlipVote {
  const bins = profile(points, degrees, transposed);
  let above = 0;
  let below = 0;
  let lines = 0;
  const runs = lineRuns(bins);
  const heights = runs.map((r) => r.to - r.from + 1).sort((a, b) => a - b);
  const median = heights[heights.length >> 1] ?? 0;
  for (const run of runs) {
    // Rules, stamps and single specks are not text lines.
    const height = run.to - run.from + 1;
    if (height < 3 || height > median * 2.5) continue;
    let peak = 0;
    for (let i = run.from; i <= run.to; i++) peak = Math.max(peak, bins[i]!);
    let core0 = run.to;
    let core1 = run.from;
    for (let i = run.from; i <= run.to; i++) {
      if (bins[i]! >= peak * 0.5) {
        core0 = Math.min(core0, i);
        core1 = Math.max(core1, i);
      }
    }
    for (let i = run.from; i < core0; i++) above += bins[i]!;
    for (let i = core1 + 1; i <= run.to; i++) below += bins[i]!;
    lines++;
  }
  return { logRatio: Math.log((above + 1) / (below + 1)), lines };
}

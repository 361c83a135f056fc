/**
 * Which quarter turn makes the text lines horizontal and upright, and the small skew left after it.
 * Across or down (0 vs 90) comes from projection profiles, which are sure; upright or upside down
 * from the marks above the lines (flip.ts), which can be unsure.
 */
import type { QuarterTurn } from '../../../../src-shared/contract/digitize';
import { flipVote } from './flip';
import type { InkPoints } from './ink';
import { coarseLineAngle, lineAngle } from './skew';

/**
 * |log(above/below)| under this leaves 0 vs 180 open. Measured on 42 generated pages (7 classes ×
 * 6 variants, all turned right): the smallest margin was 0.57 (8 pt serif), most were 0.8–2.2.
 */
export const FLIP_MARGIN = 0.3;
/**
 * Lines must run down the page this much more clearly than across it before the page is turned a
 * quarter: on the 42 generated pages the winning direction scored 2.8–5× the other, while a page
 * with no text (a photo, a coloured block) scores about even and must stay as scanned.
 */
const QUARTER_MARGIN = 1.5;
/** Fewer lines than this are too little to vote on. */
const MIN_LINES = 3;
/** A skew smaller than this is left alone: turning by it would only blur the page. */
export const MIN_DESKEW = 0.15;

export interface Orientation {
  rotation: QuarterTurn;
  skewDegrees: number;
  flipUncertain: boolean;
}

/** The points turned clockwise by a quarter turn (image y points down). */
export function turnPoints(points: InkPoints, turn: QuarterTurn): InkPoints {
  if (turn === 0) return points;
  const xs = new Float32Array(points.count);
  const ys = new Float32Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const x = points.xs[i]!;
    const y = points.ys[i]!;
    xs[i] = turn === 90 ? -y : turn === 180 ? -x : y;
    ys[i] = turn === 90 ? x : turn === 180 ? -y : -x;
  }
  const swap = turn === 90 || turn === 270;
  return { xs, ys, count: points.count, width: swap ? points.height : points.width, height: swap ? points.width : points.height };
}

const deskew = (degrees: number) => (Math.abs(degrees) < MIN_DESKEW ? 0 : degrees);

/** The skew of a page once turned by `turn` (the clerk chose the turn). */
export function skewAfterTurn(points: InkPoints, turn: QuarterTurn): number {
  return deskew(lineAngle(turnPoints(points, turn), false).degrees);
}

export function detectOrientation(points: InkPoints): Orientation {
  const across = coarseLineAngle(points, false);
  const down = coarseLineAngle(points, true);
  const quarter: QuarterTurn = down.score > across.score * QUARTER_MARGIN ? 90 : 0;
  // Measured again once turned rather than mapping the angle through the transposition.
  const level = quarter === 0 ? lineAngle(points, false, across) : lineAngle(turnPoints(points, 90), false);
  const vote = flipVote(turnPoints(points, quarter), level.degrees, false);
  const upsideDown = vote.logRatio < 0;
  return {
    rotation: (upsideDown ? quarter + 180 : quarter) as QuarterTurn,
    // Turning a further 180° about the same centre leaves the skew as it is.
    skewDegrees: deskew(level.degrees),
    flipUncertain: vote.lines < MIN_LINES || Math.abs(vote.logRatio) < FLIP_MARGIN,
  };
}

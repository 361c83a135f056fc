/** One pass over a page's small grey copy: its cleaned ink, as a share and as points for the searches. */
import type { RasterPage } from '../types';
import { cleanInk } from './clean-ink';
import type { Levels } from './encode';
import { analysisCopy } from './grey-analysis';
import { binarise, inkPoints, inkThreshold, type InkPoints } from './ink';
import { contrastLevels } from './levels';

export interface PageAnalysis {
  inkRatio: number;
  points: InkPoints;
  colour: boolean;
  levels: Levels;
}

export async function analysePage(page: RasterPage): Promise<PageAnalysis> {
  const { grey, colour } = await analysisCopy(page);
  const { mask, inkPixels } = cleanInk(binarise(grey, inkThreshold(grey)), grey.width, grey.height);
  return { inkRatio: inkPixels / (grey.width * grey.height), points: inkPoints(mask, grey.width, grey.height), colour, levels: contrastLevels(grey) };
}

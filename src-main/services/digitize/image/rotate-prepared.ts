/** Turns an already prepared page by quarter turns (the clerk's turn button, or the OCR preferring the other way up). */
import sharp from 'sharp';
import type { QuarterTurn } from '../../../../src-shared/contract/digitize';
import type { PreparedPage } from '../types';
import { encodeJpeg, reencodeOcrPng } from './encode';

/**
 * The JPEG is decoded and encoded again (sharp has no lossless JPEG turn); at quality 75 one more
 * generation is not visible. The OCR PNG is turned losslessly.
 */
export async function rotatePrepared(page: PreparedPage, turns: QuarterTurn): Promise<PreparedPage> {
  if (turns === 0) return page;
  const grey = (await sharp(page.jpeg).metadata()).channels === 1;
  const [jpeg, ocrPng] = await Promise.all([
    encodeJpeg(sharp(page.jpeg).rotate(turns), page.dpi, grey),
    reencodeOcrPng(sharp(page.ocrPng).rotate(turns), page.dpi),
  ]);
  const swap = turns === 90 || turns === 270;
  return {
    ...page,
    jpeg,
    ocrPng,
    width: swap ? page.height : page.width,
    height: swap ? page.width : page.height,
    rotation: ((page.rotation + turns) % 360) as QuarterTurn,
    // The turn is now a decision (the clerk's, or the OCR's), not a guess.
    flipUncertain: false,
  };
}

/**
 * Raster images (charts) in the page flow: a PNG scaled to the content width, keeping its aspect
 * ratio, never taller than what a page can hold, with an optional caption kept on the same page.
 */
import type { PDFImage } from 'pdf-lib';
import type { Align, Flow } from './flow';
import { wrapText } from './wrap';

export interface FlowImageOptions {
  /**
   * Intended size in pixels (CSS pixels of the chart as drawn on screen): gives the aspect ratio,
   * which a chart rendered at a device pixel ratio of 2 keeps while its PNG is twice as large.
   * Default: the PNG's own size.
   */
  widthPx?: number;
  heightPx?: number;
  /** Largest width in points (default: the content width). The image is never drawn wider. */
  maxWidth?: number;
  /** Largest height in points (default: a full page less the caption). */
  maxHeight?: number;
  /** Bold line above the image, kept on the same page. */
  caption?: string;
  captionSize?: number;
  align?: Align;
  /** Space after the image. */
  after?: number;
}

/** Embeds PNG bytes; the error names the image when they are not a PNG pdf-lib can read. */
export async function embedPng(flow: Flow, png: Uint8Array, name = 'image'): Promise<PDFImage> {
  try {
    return await flow.doc.embedPng(png);
  } catch (e) {
    throw new Error(`Cannot embed "${name}" as PNG: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The drawn size of an image: the content width (or less), aspect ratio kept, capped in height. */
export function fitImage(aspect: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const w = aspect.width > 0 ? aspect.width : 1;
  const h = aspect.height > 0 ? aspect.height : 1;
  let width = maxWidth;
  let height = (width * h) / w;
  if (height > maxHeight) {
    height = maxHeight;
    width = (height * w) / h;
  }
  return { width, height };
}

/**
 * Draws an embedded image (and its caption) at the cursor, starting a new page first when they do
 * not fit below it, and moves the cursor under the image.
 */
export function drawImage(flow: Flow, image: PDFImage, options: FlowImageOptions = {}): void {
  const captionSize = options.captionSize ?? 10;
  const lh = captionSize * 1.3;
  const captionLines = options.caption ? wrapText(options.caption, { font: flow.fonts.bold, size: captionSize }, flow.contentWidth) : [];
  const captionH = captionLines.length * lh + (captionLines.length ? 3 : 0);
  const maxWidth = Math.min(options.maxWidth ?? flow.contentWidth, flow.contentWidth);
  const maxHeight = Math.max(1, Math.min(options.maxHeight ?? Infinity, flow.pageContentHeight - captionH));
  const { width, height } = fitImage(
    { width: options.widthPx ?? image.width, height: options.heightPx ?? image.height },
    maxWidth,
    maxHeight,
  );
  flow.ensure(captionH + height);
  const align = options.align ?? 'center';
  let top = flow.y;
  for (const line of captionLines) {
    flow.drawLine(line, flow.left, flow.contentWidth, top, align);
    top += lh;
  }
  if (captionLines.length) top += 3;
  const x = align === 'center' ? flow.left + (flow.contentWidth - width) / 2 : align === 'right' ? flow.right - width : flow.left;
  flow.page.drawImage(image, { x, y: flow.pdfY(top + height), width, height });
  flow.y = top + height;
  flow.gap(options.after ?? 0);
}

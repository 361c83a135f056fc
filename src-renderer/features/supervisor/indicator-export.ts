/** The indicator report as a PDF (form engine, charts as PNG); the CSV is src-shared/export/csv.ts. */
import type { IndicatorReport } from '../../../src-shared/domain/indicators/record';
import type { Workspace } from '../../runtime';
import { formBaseInput } from '../../print/form-base';
import { base64ToBytes } from '../../bridge/base64';

function canvasPng(canvas: HTMLCanvasElement) {
  const data = canvas.toDataURL('image/png');
  return { png: base64ToBytes(data.slice(data.indexOf(',') + 1)), widthPx: canvas.width, heightPx: canvas.height };
}

export async function indicatorPdf(ws: Workspace, report: IndicatorReport, canvases: HTMLCanvasElement[], scopeLabel: string): Promise<Uint8Array> {
  const [{ buildIndicatorReport }, base] = await Promise.all([import('../../../src-shared/forms'), formBaseInput(ws)]);
  return buildIndicatorReport({
    ...base,
    report,
    scopeLabel,
    charts: canvases.map((c) => ({ title: c.getAttribute('aria-label') ?? '', ...canvasPng(c) })),
  });
}

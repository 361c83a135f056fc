/** Small print at the foot of each page: template version (left) and page numbers (right). */
import { grayscale } from 'pdf-lib';
import type { Flow } from './flow';

export function stampFooters(flow: Flow, options: { version: string; pageNumbers: boolean }): void {
  const font = flow.fonts.italic;
  const size = 7;
  const total = flow.pages.length;
  const y = flow.spec.margin.bottom / 2 - size / 2;
  flow.pages.forEach((page, i) => {
    page.drawText(`motcua · mẫu in ${options.version}`, { x: flow.left, y, font, size, color: grayscale(0.35) });
    if (!options.pageNumbers) return;
    const label = `Trang ${i + 1}/${total}`;
    page.drawText(label, { x: flow.right - font.widthOfTextAtSize(label, size), y, font, size, color: grayscale(0.2) });
  });
}

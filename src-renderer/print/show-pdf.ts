/** Shows a PDF for printing: Electron opens its own viewer window; the browser opens a new tab. */
import { desktop } from '../bridge';
import { bytesToBase64 } from '../bridge/base64';

export function pdfUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}

export async function showPdf(title: string, bytes: Uint8Array): Promise<void> {
  const { host } = await desktop().invoke('app.info', {});
  if (host === 'electron') {
    await desktop().invoke('document.show', { title, pdfBase64: bytesToBase64(bytes) });
    return;
  }
  window.open(pdfUrl(bytes), '_blank', 'noopener');
}

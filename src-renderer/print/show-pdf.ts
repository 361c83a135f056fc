/** Shows a PDF for printing: Electron opens its own viewer window; the browser opens a new tab. */
import { desktop } from '../bridge';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function pdfUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}

export async function showPdf(title: string, bytes: Uint8Array): Promise<void> {
  const { host } = await desktop().invoke('app.info', {});
  if (host === 'electron') {
    await desktop().invoke('document.show', { title, pdfBase64: base64(bytes) });
    return;
  }
  window.open(pdfUrl(bytes), '_blank', 'noopener');
}

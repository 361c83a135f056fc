/** The fonts embedded in printed forms, bundled by vite and fetched once from the app itself (no network). */
import type { FormFonts } from '../../src-shared/forms/types';
import regularUrl from '../../resources/fonts/DejaVuSerif.ttf?url';
import boldUrl from '../../resources/fonts/DejaVuSerif-Bold.ttf?url';
import italicUrl from '../../resources/fonts/DejaVuSerif-Italic.ttf?url';

let loading: Promise<FormFonts> | undefined;

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Font ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadFormFonts(): Promise<FormFonts> {
  loading ??= Promise.all([bytes(regularUrl), bytes(boldUrl), bytes(italicUrl)]).then(([regular, bold, italic]) => ({ regular, bold, italic }));
  loading.catch(() => (loading = undefined));
  return loading;
}

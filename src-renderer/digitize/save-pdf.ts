/**
 * "Lưu PDF": the searchable PDF of one dossier component, built on the Node side from the
 * component's finished pages, recorded as the dossier's file exactly like an attachment (outbox
 * rows, upload queue), and only then are the pages taken out of the batch.
 */
import type { AssembledPdf } from '../../src-shared/contract/digitize';
import type { FileMetaDoc } from '../../src-shared/contract/documents';
import { desktop } from '../bridge';
import { recordVaultFile } from '../files/attach';
import type { Workspace } from '../runtime';
import { batchStore } from './batch-store';
import { componentReady, pagesOf } from './pages';
import { pdfFileName, pdfMeta } from './pdf-file';

export interface SavedPdf {
  file: FileMetaDoc;
  pdf: AssembledPdf;
}

export class NotReadyError extends Error {
  override name = 'NotReadyError';
}

export async function saveComponentPdf(
  ws: Workspace,
  dossier: { id: string; agencyId: string; code: string },
  batchId: string,
  component: { id: string; name: string },
): Promise<SavedPdf> {
  const store = batchStore(batchId);
  await store.getState().refresh();
  const batch = store.getState().batch;
  if (!batch || !componentReady(batch, component.id)) throw new NotReadyError('Pages are still being read');
  // The pages the PDF is made of: those removed afterwards (a page added meanwhile stays).
  const pageIds = pagesOf(batch, component.id).map((p) => p.id);
  const meta = pdfMeta(dossier.code, component.name, ws.user.displayName || ws.user.username);
  const pdf = await desktop().invoke('digitize.assemble', { batchId, componentId: component.id, meta });
  const file = await recordVaultFile(ws, dossier, {
    componentId: component.id,
    name: pdfFileName(dossier.code, component.name),
    mime: 'application/pdf',
    sha256: pdf.sha256,
    size: pdf.size,
  });
  store.getState().apply(await desktop().invoke('digitize.remove', { batchId, pageIds }));
  return { file, pdf };
}

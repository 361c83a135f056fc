import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryLedger, type LedgerFilter } from '../../dossiers/ledger-query';
import { pdfUrl, showPdf } from '../../print/show-pdf';
import { useWorkspace } from '../../workspace-context';
import { ledgerPdf, ledgerXlsx } from './ledger-export';
import { ledgerCsv } from '../../../src-shared/export/csv';

type Kind = 'pdf' | 'xlsx' | 'csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export buttons: every row of the filter (not just the screenful), as PDF, XLSX or CSV. */
export function LedgerExport({ filter }: { filter: LedgerFilter }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [file, setFile] = useState<{ url: string; name: string; kind: Kind } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportAs(kind: Kind) {
    setBusy(true);
    setError(null);
    try {
      const rows = await queryLedger(ws.db, filter);
      const name = `so-theo-doi-${filter.from}_${filter.to}.${kind}`;
      if (file) URL.revokeObjectURL(file.url);
      if (kind === 'pdf') {
        const bytes = await ledgerPdf(ws, rows, filter);
        setFile({ url: pdfUrl(bytes), name, kind });
        await showPdf(t('ledger.title'), bytes);
      } else {
        const blob = kind === 'xlsx' ? new Blob([ledgerXlsx(rows, filter) as BlobPart], { type: XLSX_TYPE }) : new Blob([ledgerCsv(rows)], { type: 'text/csv;charset=utf-8' });
        setFile({ url: URL.createObjectURL(blob), name, kind });
      }
    } catch (e) {
      setError(t('forms.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void exportAs('pdf')} disabled={busy} data-testid="ledger-pdf">
        {t('ledger.exportPdf')}
      </button>
      <button type="button" className="secondary" onClick={() => void exportAs('xlsx')} disabled={busy} data-testid="ledger-xlsx">
        {t('ledger.exportXlsx')}
      </button>
      <button type="button" className="secondary" onClick={() => void exportAs('csv')} disabled={busy} data-testid="ledger-csv">
        {t('ledger.exportCsv')}
      </button>
      {file && (
        <a href={file.url} download={file.name} data-testid={`download-ledger-${file.kind}`}>
          {t('forms.download')} ({file.name})
        </a>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

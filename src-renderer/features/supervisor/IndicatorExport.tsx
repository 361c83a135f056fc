import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorReport } from '../../../src-shared/domain/indicators/record';
import { toCsv } from '../../../src-shared/export/csv';
import { pdfUrl, showPdf } from '../../print/show-pdf';
import { useWorkspace } from '../../workspace-context';
import { indicatorCsvRows, indicatorPdf } from './indicator-export';

/** The report as a PDF (tables and the charts as drawn) or as CSV. */
export function IndicatorExport({ report, canvases }: { report: IndicatorReport; canvases: ReadonlyMap<string, HTMLCanvasElement> }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [file, setFile] = useState<{ url: string; name: string; kind: 'pdf' | 'csv' } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportAs(kind: 'pdf' | 'csv') {
    setBusy(true);
    setError(null);
    try {
      const name = `chi-so-${report.period.from}_${report.period.to}.${kind}`;
      if (file) URL.revokeObjectURL(file.url);
      if (kind === 'pdf') {
        const bytes = await indicatorPdf(ws, report, [...canvases.values()], t('supervisor.indicators.scopeAll'));
        setFile({ url: pdfUrl(bytes), name, kind });
        await showPdf(t('supervisor.tabs.indicators'), bytes);
      } else {
        const url = URL.createObjectURL(new Blob([toCsv(indicatorCsvRows(report))], { type: 'text/csv;charset=utf-8' }));
        setFile({ url, name, kind });
      }
    } catch (e) {
      setError(t('forms.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void exportAs('pdf')} disabled={busy} data-testid="indicators-pdf">
        {t('supervisor.indicators.exportPdf')}
      </button>
      <button type="button" className="secondary" onClick={() => void exportAs('csv')} disabled={busy} data-testid="indicators-csv">
        {t('supervisor.indicators.exportCsv')}
      </button>
      {file && (
        <a href={file.url} download={file.name} data-testid={`download-indicators-${file.kind}`}>
          {t('forms.download')} ({file.name})
        </a>
      )}
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { queryLedger, type LedgerFilter } from '../../dossiers/ledger-query';
import { useWorkspace } from '../../workspace-context';
import { csvBlob, ExportButtons, type ExportFile } from '../shell/ExportButtons';
import { ledgerPdf, ledgerXlsx } from './ledger-export';
import { ledgerCsv } from '../../../src-shared/export/csv';

type Kind = 'pdf' | 'xlsx' | 'csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export buttons: every row of the filter (not just the screenful), as PDF, XLSX or CSV. */
export function LedgerExport({ filter }: { filter: LedgerFilter }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const formats = [
    { kind: 'pdf', label: t('ledger.exportPdf') },
    { kind: 'xlsx', label: t('ledger.exportXlsx') },
    { kind: 'csv', label: t('ledger.exportCsv') },
  ] as const;

  async function build(kind: Kind): Promise<ExportFile> {
    const rows = await queryLedger(ws.db, filter);
    if (kind === 'pdf') return { pdf: await ledgerPdf(ws, rows, filter), title: t('ledger.title') };
    if (kind === 'xlsx') return { blob: new Blob([ledgerXlsx(rows, filter) as BlobPart], { type: XLSX_TYPE }) };
    return { blob: csvBlob(ledgerCsv(rows)) };
  }

  return <ExportButtons formats={formats} testId="ledger" fileName={(kind) => `so-theo-doi-${filter.from}_${filter.to}.${kind}`} build={build} />;
}

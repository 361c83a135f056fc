import { useTranslation } from 'react-i18next';
import type { IndicatorReport } from '../../../src-shared/domain/indicators/record';
import { indicatorCsv } from '../../../src-shared/export/csv';
import { useWorkspace } from '../../workspace-context';
import { csvBlob, ExportButtons, type ExportFile } from '../shell/ExportButtons';
import { indicatorPdf } from './indicator-export';

type Kind = 'pdf' | 'csv';

/** The report as a PDF (tables and the charts as drawn) or as CSV. */
export function IndicatorExport({ report, canvases }: { report: IndicatorReport; canvases: ReadonlyMap<string, HTMLCanvasElement> }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const formats = [
    { kind: 'pdf', label: t('supervisor.indicators.exportPdf') },
    { kind: 'csv', label: t('supervisor.indicators.exportCsv') },
  ] as const;

  async function build(kind: Kind): Promise<ExportFile> {
    if (kind === 'pdf') return { pdf: await indicatorPdf(ws, report, [...canvases.values()], t('supervisor.indicators.scopeAll')), title: t('supervisor.tabs.indicators') };
    return { blob: csvBlob(indicatorCsv(report)) };
  }

  return <ExportButtons formats={formats} testId="indicators" fileName={(kind) => `chi-so-${report.period.from}_${report.period.to}.${kind}`} build={build} />;
}

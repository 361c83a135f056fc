/** The ledger as files: XLSX (official columns, grouped date header) and PDF (form 07, landscape). */
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { buildXlsx, type CellValue } from '../../../src-shared/export/xlsx';
import { columnLetters } from '../../../src-shared/export/xlsx';
import type { Workspace } from '../../runtime';
import { formBaseInput } from '../../print/form-base';
import type { LedgerFilter } from '../../dossiers/ledger-query';
import { LEDGER_COLUMNS, LEDGER_DATE_GROUP, ledgerRow } from '../../../src-shared/forms/ledger-table';

/** Volume printed on the ledger title: the one volume of the rows, or all of them. */
export function volumeOf(dossiers: readonly DossierDoc[]): string {
  const volumes = [...new Set(dossiers.map((d) => d.ledgerVolume).filter(Boolean))];
  return volumes.join(', ');
}

export function ledgerXlsx(dossiers: readonly DossierDoc[], filter: LedgerFilter): Uint8Array {
  const dated = (i: number) => LEDGER_COLUMNS[i]?.group === LEDGER_DATE_GROUP;
  const first = LEDGER_COLUMNS.findIndex((_c, i) => dated(i));
  const last = LEDGER_COLUMNS.findLastIndex((_c, i) => dated(i));
  const top: CellValue[] = LEDGER_COLUMNS.map((c, i) => (dated(i) ? (i === first ? LEDGER_DATE_GROUP : null) : c.header));
  const second: CellValue[] = LEDGER_COLUMNS.map((c, i) => (dated(i) ? c.header : null));
  const merges = [
    ...LEDGER_COLUMNS.map((_c, i) => (dated(i) ? '' : `${columnLetters(i)}1:${columnLetters(i)}2`)).filter(Boolean),
    `${columnLetters(first)}1:${columnLetters(last)}1`,
  ];
  return buildXlsx({
    title: `Sổ theo dõi hồ sơ ${filter.from} – ${filter.to}`,
    creator: 'motcua',
    sheets: [
      {
        name: 'So theo doi ho so',
        // The printed ledger's relative widths, in Excel's character units.
        columns: LEDGER_COLUMNS.map((c) => ({ width: Math.round(c.weight * 2.2) })),
        headerRows: [top, second],
        merges,
        rows: dossiers.map((d, i) => ledgerRow(d, i)),
        landscape: true,
      },
    ],
  });
}

export async function ledgerPdf(ws: Workspace, dossiers: DossierDoc[], filter: LedgerFilter): Promise<Uint8Array> {
  const [{ buildLedger }, base] = await Promise.all([import('../../../src-shared/forms'), formBaseInput(ws)]);
  return buildLedger({
    ...base,
    volume: volumeOf(dossiers),
    from: filter.from,
    to: filter.to,
    dossiers,
  });
}

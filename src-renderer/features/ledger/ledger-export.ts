/** The ledger as files: XLSX (official columns, grouped date header) and PDF (form 07, landscape). */
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { buildXlsx, type CellValue } from '../../../src-shared/export/xlsx';
import { columnLetters } from '../../../src-shared/export/xlsx';
import type { Workspace } from '../../runtime';
import { readAgencyProfile, readFormRegime } from '../../print/agency-profile';
import { loadFormFonts } from '../../print/fonts';
import type { LedgerFilter } from '../../dossiers/ledger-query';
import { DATE_GROUP, LEDGER_COLUMNS } from './ledger-columns';

/** Volume printed on the ledger title: the one volume of the rows, or all of them. */
export function volumeOf(dossiers: readonly DossierDoc[]): string {
  const volumes = [...new Set(dossiers.map((d) => d.ledgerVolume).filter(Boolean))];
  return volumes.join(', ');
}

export function ledgerXlsx(dossiers: readonly DossierDoc[], filter: LedgerFilter): Uint8Array {
  const first = LEDGER_COLUMNS.findIndex((c) => c.dated);
  const last = first + LEDGER_COLUMNS.filter((c) => c.dated).length - 1;
  const top: CellValue[] = LEDGER_COLUMNS.map((c, i) => (c.dated ? (i === first ? DATE_GROUP : null) : c.header));
  const second: CellValue[] = LEDGER_COLUMNS.map((c) => (c.dated ? c.header : null));
  const merges = [
    ...LEDGER_COLUMNS.map((c, i) => (c.dated ? '' : `${columnLetters(i)}1:${columnLetters(i)}2`)).filter(Boolean),
    `${columnLetters(first)}1:${columnLetters(last)}1`,
  ];
  return buildXlsx({
    title: `Sổ theo dõi hồ sơ ${filter.from} – ${filter.to}`,
    creator: 'motcua',
    sheets: [
      {
        name: 'So theo doi ho so',
        columns: LEDGER_COLUMNS.map((c) => ({ width: c.width })),
        headerRows: [top, second],
        merges,
        rows: dossiers.map((d, i) => LEDGER_COLUMNS.map((c) => c.value(d, i))),
        landscape: true,
      },
    ],
  });
}

export async function ledgerPdf(ws: Workspace, dossiers: DossierDoc[], filter: LedgerFilter): Promise<Uint8Array> {
  const [{ buildLedger }, fonts, agency, regime] = await Promise.all([import('../../../src-shared/forms'), loadFormFonts(), readAgencyProfile(ws.db, ws.user.agencyId), readFormRegime(ws.db)]);
  return buildLedger({
    regime,
    fonts,
    agency,
    printedAt: Date.now(),
    clerkName: ws.user.displayName || ws.user.username,
    volume: volumeOf(dossiers),
    from: filter.from,
    to: filter.to,
    dossiers,
  });
}

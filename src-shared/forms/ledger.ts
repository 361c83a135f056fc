/**
 * Form 07 (2018: 06): the ledger (Sổ theo dõi hồ sơ), A4 landscape, with the official columns
 * (DOMAIN.md §5). The column heading is repeated on every page; pages are numbered.
 */
import { drawFormTop, finishForm, startForm } from './form';
import { text } from './layout/fields';
import type { Flow } from './layout/flow';
import { drawTable } from './layout/table';
import { LEDGER_COLUMNS, ledgerOrder, ledgerRow } from './ledger-table';
import type { LedgerInput } from './types';
import { viLongDateOfDay } from './vi-format';
import { formatViDate } from '../domain/civil-date';

function runningHead(volume: string): (flow: Flow) => void {
  return (flow) => {
    flow.paragraph([{ text: `SỔ THEO DÕI HỒ SƠ – Quyển số: ${volume} (tiếp theo)`, font: flow.fonts.italic, size: 8 }], { align: 'right', after: 4 });
  };
}

export async function buildLedger(input: LedgerInput): Promise<Uint8Array> {
  const from = formatViDate(input.from);
  const to = formatViDate(input.to);
  const ctx = await startForm(input, 'ledger');
  const { flow } = ctx;
  drawFormTop(ctx, input);
  text(flow, `Quyển số: ${input.volume}`, { bold: true, align: 'center', after: 1 });
  text(flow, `Từ ${viLongDateOfDay(input.from)} đến ${viLongDateOfDay(input.to)}`, { italic: true, align: 'center', after: 8 });

  flow.onPageBreak = runningHead(input.volume);
  const rows = ledgerOrder(input.dossiers).map(ledgerRow);
  drawTable(flow, LEDGER_COLUMNS, rows, { size: 7, headerSize: 7, pad: 2.2, numberRow: true });
  flow.onPageBreak = undefined;
  return finishForm(ctx, input, { about: `Quyển số ${input.volume} (${from} – ${to})`, keywords: [`Quyển số ${input.volume}`], pageNumbers: true });
}

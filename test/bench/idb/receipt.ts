/**
 * From pressing "Tiếp nhận" to the receipt PDF (form 01) being ready, as the app does it: the steps
 * of saveCheck (src-renderer/dossiers/actions.ts: validation, issueNumbers, recordCheck,
 * writeDossierChange), timed one by one, then what the print button runs (buildDossierForm: agency
 * profile, events and procedure from the database, fonts loaded once, buildReceipt). Also the
 * single-save figure: saveCheck itself, many times.
 */
import { checkReceptionInput, recordCheck, ReceptionError, type CheckOutcome, type ReceptionInput } from '../../../src-shared/domain/reception';
import { vnIso } from '../../../src-shared/domain/vn-time';
import { saveCheck } from '../../../src-renderer/dossiers/actions';
import { issueNumbers } from '../../../src-renderer/dossiers/numbers';
import { writeDossierChange } from '../../../src-renderer/dossiers/write';
import { buildDossierForm } from '../../../src-renderer/print/dossier-forms';
import type { Workspace } from '../../../src-renderer/runtime';
import { log, now, timing } from './measure';
import type { ReceiptMeasure, Timing } from './protocol';
import { receptionInputs } from './workstation';

const RECEIVE: CheckOutcome = { kind: 'receive' };

interface Steps {
  validate: number;
  issue: number;
  record: number;
  write: number;
  save: number;
  pdf: number;
  total: number;
  bytes: Uint8Array;
  sample: ReceiptMeasure['sample'];
}

/** One reception and its receipt; milliseconds per step. */
async function receiptOnce(ws: Workspace, input: ReceptionInput): Promise<Steps> {
  const t0 = now();
  const { errors } = checkReceptionInput(input, RECEIVE);
  if (errors.length) throw new ReceptionError(errors);
  const t1 = now();
  const at = Date.now();
  const issued = await issueNumbers(ws.db, ws.user.agencyId, ws.holder, ws.workstationId, at);
  const t2 = now();
  const ctx = { agencyId: ws.user.agencyId, workstationId: ws.workstationId, clerk: ws.user.username, now: at, newId: () => crypto.randomUUID(), calendar: ws.calendar };
  const { dossier, event } = recordCheck(input, RECEIVE, ctx, issued);
  const t3 = now();
  await writeDossierChange(ws.db, dossier, event);
  const t4 = now();
  const bytes = await buildDossierForm(ws, 'receipt', dossier);
  const t5 = now();
  if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') throw new Error('buildDossierForm did not return a PDF');
  return {
    validate: t1 - t0,
    issue: t2 - t1,
    record: t3 - t2,
    write: t4 - t3,
    save: t4 - t0,
    pdf: t5 - t4,
    total: t5 - t0,
    bytes,
    sample: { code: dossier.code, ledger: `${dossier.ledgerVolume} #${dossier.ledgerNumber}`, appointmentAt: vnIso(dossier.appointmentAt) },
  };
}

/** The first receipt in the page: fonts fetched and parsed, pdf-lib cold. */
export async function coldReceipt(ws: Workspace, seedValue: number): Promise<{ saveMs: number; pdfMs: number; totalMs: number }> {
  const steps = await receiptOnce(ws, receptionInputs(seedValue)());
  log(`first receipt: ${Math.round(steps.total)} ms (save ${Math.round(steps.save)}, PDF ${Math.round(steps.pdf)})`);
  return { saveMs: Math.round(steps.save), pdfMs: Math.round(steps.pdf), totalMs: Math.round(steps.total) };
}

/** One untimed warm-up, then `runs` receipts. */
export async function measureReceipts(ws: Workspace, runs: number, seedValue: number): Promise<ReceiptMeasure> {
  log(`receipts: warm-up + ${runs} runs`);
  const next = receptionInputs(seedValue);
  await receiptOnce(ws, next());
  const all: Steps[] = [];
  for (let i = 0; i < runs; i++) all.push(await receiptOnce(ws, next()));
  const of = (key: keyof Omit<Steps, 'bytes' | 'sample'>): Timing => timing(all.map((s) => s[key]));
  const last = all[all.length - 1]!;
  const measured: ReceiptMeasure = {
    runs,
    validate: of('validate'),
    issue: of('issue'),
    record: of('record'),
    write: of('write'),
    save: of('save'),
    pdf: of('pdf'),
    total: of('total'),
    pdfBytes: last.bytes.length,
    sample: last.sample,
  };
  log(`receipts: median ${measured.total.medianMs} ms (save ${measured.save.medianMs}, PDF ${measured.pdf.medianMs})`);
  return measured;
}

/** saveCheck as the reception screen calls it, `count` times after a warm-up; ms each. */
export async function timeSingleSaves(ws: Workspace, count: number, seedValue: number): Promise<Timing> {
  const next = receptionInputs(seedValue);
  await saveCheck(ws, next(), RECEIVE);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const input = next();
    const t0 = now();
    await saveCheck(ws, input, RECEIVE);
    samples.push(now() - t0);
  }
  return timing(samples);
}

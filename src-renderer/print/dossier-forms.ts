/** Builds a dossier's printed form from what the database holds (events, catalog, agency profile). */
import type { DossierDoc, DossierEventDoc, DossierEventType } from '../../src-shared/contract/documents';
import type { FormKind } from '../../src-shared/forms/templates';
import type { SupplementItem } from '../../src-shared/forms/types';
import type { Workspace } from '../runtime';
import { formBaseInput } from './form-base';

export type DossierFormKind = Exclude<FormKind, 'ledger'>;

/** Which forms a dossier can print, given its history. */
export function printableForms(dossier: DossierDoc, events: readonly DossierEventDoc[]): DossierFormKind[] {
  const has = (type: DossierEventType) => events.some((e) => e.type === type);
  const forms: DossierFormKind[] = [];
  if (dossier.code) forms.push('receipt');
  if (has('supplementRequested')) forms.push('supplementRequest');
  if (has('refused')) forms.push('refusal');
  if (has('rescheduled')) forms.push('apology');
  if (has('stopped')) forms.push('stopNotice');
  forms.push('controlSlip');
  return forms;
}

export async function dossierEvents(ws: Workspace, dossierId: string): Promise<DossierEventDoc[]> {
  const docs = await ws.db.dossierEvents.find({ selector: { dossierId }, sort: [{ dossierId: 'asc' }, { at: 'asc' }] }).exec();
  return docs.map((d) => d.toJSON() as DossierEventDoc);
}

const latest = (events: readonly DossierEventDoc[], type: DossierEventType) => [...events].reverse().find((e) => e.type === type);

export async function buildDossierForm(ws: Workspace, kind: DossierFormKind, dossier: DossierDoc): Promise<Uint8Array> {
  // pdf-lib and fontkit are loaded on the first print, not at start-up.
  const [forms, common, events] = await Promise.all([import('../../src-shared/forms'), formBaseInput(ws), dossierEvents(ws, dossier.id)]);
  const { buildApology, buildControlSlip, buildReceipt, buildRefusal, buildStopNotice, buildSupplementRequest } = forms;
  const base = { ...common, dossier };
  const event = (type: DossierEventType) => {
    const found = latest(events, type);
    if (!found) throw new Error(`No ${type} event on dossier ${dossier.id}`);
    return found;
  };
  switch (kind) {
    case 'receipt': {
      const procedure = await ws.db.procedures.findOne(dossier.procedureCode).exec();
      return buildReceipt({ ...base, ...(procedure ? { fee: procedure.fee } : {}) });
    }
    case 'supplementRequest': {
      const e = event('supplementRequested');
      return buildSupplementRequest({ ...base, issuedAt: e.at, items: (e.data.missing as SupplementItem[]) ?? [] });
    }
    case 'refusal': {
      const e = event('refused');
      return buildRefusal({ ...base, issuedAt: e.at, reasons: (e.data.reasons as string[]) ?? [e.reason] });
    }
    case 'apology': {
      const e = event('rescheduled');
      return buildApology({ ...base, issuedAt: e.at, reason: e.reason, previousAppointmentAt: Number(e.data.previousAppointmentAt), newAppointmentAt: Number(e.data.appointmentAt) });
    }
    case 'stopNotice': {
      const e = event('stopped');
      return buildStopNotice({ ...base, issuedAt: e.at, reason: e.reason });
    }
    case 'controlSlip':
      return buildControlSlip({ ...base, events });
  }
}

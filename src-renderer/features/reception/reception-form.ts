/** The reception form's state and its conversion to the domain's input. */
import type { Applicant } from '../../../src-shared/contract/documents';
import { emptyApplicant } from '../../../src-shared/domain/applicant/empty';
import { CHANNEL, type Channel } from '../../../src-shared/domain/dossier-status';
import type { Procedure } from '../../../src-shared/domain/procedure';
import type { ReceptionInput } from '../../../src-shared/domain/reception';

export interface ReceptionForm {
  procedure: Procedure | null;
  applicant: Applicant;
  channel: Channel;
  sets: number;
  submitted: Record<string, number>;
  notes: string;
}

export const emptyForm = (): ReceptionForm => ({
  procedure: null,
  applicant: emptyApplicant(),
  channel: CHANNEL.inPerson,
  sets: 1,
  submitted: {},
  notes: '',
});

export function toReceptionInput(form: ReceptionForm): ReceptionInput {
  if (!form.procedure) throw new Error('toReceptionInput: no procedure');
  return { procedure: form.procedure, applicant: form.applicant, channel: form.channel, sets: form.sets, submitted: form.submitted, notes: form.notes };
}

/** `dd/mm/yyyy` as typed at the counter ⇄ `yyyy-MM-dd` stored. */
export function parseViDate(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return text.trim() === '' ? '' : null;
  const [, d, mo, y] = m;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function formatViDateInput(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Every required component marked as handed in with the copies asked for ("Đã nộp đủ"). */
export function fillRequired(procedure: Procedure, submitted: Record<string, number>): Record<string, number> {
  const next = { ...submitted };
  for (const c of procedure.components) if (!c.optional) next[c.id] = Math.max(next[c.id] ?? 0, c.quantity);
  return next;
}

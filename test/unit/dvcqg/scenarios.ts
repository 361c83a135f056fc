/**
 * A month of dossiers made through the real reception and lifecycle code (recordCheck, applyAction),
 * covering every status and the edges of the indicators: one and two supplement requests, a wait
 * still running at the end of the period, reschedules before, during and after a supplement wait,
 * withdrawal and stop (also during a wait), fees, settlement on the spot, refusals and counter-check
 * supplements (never received), every channel, digitised or not. Times are whole minutes (DVCQG
 * dates have whole seconds).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Applicant, DossierDoc, DossierEventDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import type { Procedure } from '../../../src-shared/domain/procedure';
import type { WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { emptyApplicant } from '../../../src-shared/domain/applicant/empty';
import { applyAction, type LifecycleAction } from '../../../src-shared/domain/lifecycle/apply';
import { recordCheck, type CheckOutcome, type ReceptionInput } from '../../../src-shared/domain/reception';
import { PROCEDURE } from '../lifecycle/fixtures';

export const AGENCY = '000.17.22.H56';
export const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Vietnam wall-clock time as epoch ms. */
export const vn = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);

/** A second procedure: three components, settled the same day. */
export const SAME_DAY: Procedure = {
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  field: 'Chứng thực',
  processingBody: 'Ủy ban nhân dân cấp xã',
  limit: { unit: 'sameDay', value: 0 },
  components: [
    { id: 'BC', name: 'Bản chính giấy tờ, văn bản', form: 'original', quantity: 1 },
    { id: 'BS', name: 'Bản sao cần chứng thực', form: 'copy', quantity: 1 },
    { id: 'GT', name: 'Giấy tờ tùy thân', form: 'originalOrCopy', quantity: 1, optional: true },
  ],
  fee: { amountVnd: 2000 },
  paperResult: true,
};

export interface Built {
  kind: string;
  dossier: DossierDoc;
  events: DossierEventDoc[];
  files: FileMetaDoc[];
}

const applicants: Applicant[] = [
  { ...emptyApplicant(), name: 'Nguyễn Thị Hồng Nhung', idNumber: '038190123456', birthDate: '1990-05-12', gender: 'female', phone: '0912345678', email: 'nhung@example.vn', address: 'Số 12, đường Lê Lợi, Thanh Hóa' },
  { ...emptyApplicant(), kind: 'organisation', name: 'Công ty TNHH Sao Mai', taxCode: '0314409058', phone: '02373851234', address: 'Khu công nghiệp Lễ Môn, Thanh Hóa' },
  { ...emptyApplicant(), name: 'Lê Văn Bình', idNumber: '038085004321', birthDate: '1985-01-30', gender: 'male', phone: '0987654321', address: 'Thôn 3, xã Quảng Phú, Thanh Hóa' },
];

class Story {
  dossier!: DossierDoc;
  readonly events: DossierEventDoc[] = [];
  readonly files: FileMetaDoc[] = [];

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly input: ReceptionInput,
    private readonly clerk: string,
    private readonly workstation: string,
  ) {}

  private ctx(now: number) {
    return { agencyId: AGENCY, workstationId: this.workstation, clerk: this.clerk, now, newId: randomUUID, calendar: this.calendar };
  }

  check(outcome: CheckOutcome, now: number, code?: string): this {
    const existing = this.events.length ? this.dossier : undefined;
    const issued = code ? { code, ledgerVolume: '2026.WS1.01', ledgerNumber: 1 } : undefined;
    const { dossier, event } = recordCheck(this.input, outcome, this.ctx(now), issued, existing);
    this.dossier = dossier;
    this.events.push(event);
    return this;
  }

  act(action: LifecycleAction, now: number, by = 'officer.ha'): this {
    const { dossier, event } = applyAction(this.dossier, action, { now, by, newId: randomUUID, calendar: this.calendar });
    this.dossier = dossier;
    this.events.push(event);
    return this;
  }

  /** A second supplement request, which the rules forbid but data from elsewhere can hold. */
  forceSecondSupplement(now: number): this {
    const count = this.dossier.supplementRequests;
    this.dossier = { ...this.dossier, supplementRequests: 0 };
    this.act(supplement, now);
    this.dossier = { ...this.dossier, supplementRequests: count + 1 };
    return this;
  }

  attach(componentId: string, now: number, name = `${componentId}.pdf`): this {
    const id = randomUUID();
    this.files.push({
      id,
      dossierId: this.dossier.id,
      agencyId: AGENCY,
      componentId,
      name,
      mime: 'application/pdf',
      size: 120_000 + this.files.length,
      sha256: createHash('sha256').update(id).digest('hex'),
      createdAt: now,
    });
    return this;
  }
}

const supplement: LifecycleAction = { type: 'supplementRequested', missing: [{ componentId: 'TP2', name: 'Giấy tờ chứng minh việc ly hôn', reason: 'Bản sao không rõ' }], reason: 'Bổ sung trong 5 ngày' };
const transfer: LifecycleAction = { type: 'transferred', to: 'Phòng Tư pháp' };
const result: LifecycleAction = { type: 'resultReceived', reason: 'Có kết quả' };
const returned: LifecycleAction = { type: 'returned', method: 'inPerson', signedBy: 'Người nhận' };

type Script = (s: Story, t: number) => void;

/** What happens to a dossier received at `t` (the reception itself is done by the caller). */
const SCRIPTS: Record<string, Script> = {
  open: () => undefined,
  transferred: (s, t) => s.act(transfer, t + HOUR),
  returnedOnTime: (s, t) => s.act(transfer, t + HOUR).act(result, t + DAY).act(returned, t + DAY + 2 * HOUR),
  processedLate: (s, t) => s.act(transfer, t + HOUR).act(result, t + 9 * DAY),
  supplementOnce: (s, t) =>
    s.act(transfer, t + HOUR).act(supplement, t + 2 * HOUR).act({ type: 'supplemented' }, t + 3 * DAY).act(result, t + 5 * DAY).act(returned, t + 6 * DAY),
  supplementWaiting: (s, t) => s.act(supplement, t + 2 * HOUR),
  supplementAfterPeriod: (s, t) => s.act(supplement, t + HOUR).act({ type: 'supplemented' }, vn(2026, 12, 10, 9, 15)),
  supplementTwice: (s, t) =>
    s
      .act(transfer, t + HOUR)
      .act(supplement, t + 2 * HOUR)
      .act({ type: 'supplemented' }, t + DAY)
      .forceSecondSupplement(t + DAY + 3 * HOUR)
      .act({ type: 'supplemented' }, t + 2 * DAY)
      .act(result, t + 3 * DAY),
  rescheduled: (s, t) =>
    s
      .act(transfer, t + HOUR)
      .act({ type: 'rescheduled', appointmentAt: s.dossier.appointmentAt + 4 * DAY, reason: 'Chờ xác minh' }, t + DAY)
      .act(result, t + 6 * DAY),
  rescheduleThenSupplement: (s, t) =>
    s
      .act(transfer, t + HOUR)
      .act({ type: 'rescheduled', appointmentAt: s.dossier.appointmentAt + 2 * DAY, reason: 'Chờ xác minh' }, t + 2 * HOUR)
      .act(supplement, t + DAY)
      .act({ type: 'supplemented' }, t + 2 * DAY + 3 * HOUR)
      .act(result, t + 4 * DAY),
  supplementThenReschedule: (s, t) =>
    s
      .act(supplement, t + HOUR)
      .act({ type: 'supplemented' }, t + DAY + HOUR)
      .act({ type: 'rescheduled', appointmentAt: s.dossier.appointmentAt + 7 * DAY, reason: 'Liên thông chậm' }, t + 2 * DAY)
      .act(result, t + 8 * DAY)
      .act(returned, t + 9 * DAY),
  rescheduleDuringWait: (s, t) =>
    s
      .act(transfer, t + HOUR)
      .act(supplement, t + 3 * HOUR)
      .act({ type: 'rescheduled', appointmentAt: s.dossier.appointmentAt + 3 * DAY, reason: 'Chờ bổ sung' }, t + DAY)
      .act({ type: 'supplemented' }, t + 2 * DAY)
      .act(result, t + 3 * DAY),
  withdrawn: (s, t) => s.act(transfer, t + HOUR).act({ type: 'withdrawn', reason: 'Công dân xin rút' }, t + DAY),
  withdrawnWaiting: (s, t) => s.act(supplement, t + HOUR).act({ type: 'withdrawn', reason: 'Không bổ sung được' }, t + 2 * DAY),
  stopped: (s, t) => s.act(transfer, t + HOUR).act({ type: 'stopped', reason: 'Thuộc trường hợp dừng' }, t + 2 * DAY),
  stoppedWaiting: (s, t) => s.act(transfer, t + HOUR).act(supplement, t + 2 * HOUR).act({ type: 'stopped', reason: 'Quá hạn bổ sung' }, t + 5 * DAY),
  feeOpen: (s, t) => s.act(transfer, t + HOUR).act({ type: 'feeRequested', amountVnd: 50_000, reason: 'Lệ phí cấp bản sao' }, t + 2 * HOUR),
  feePaidReturned: (s, t) =>
    s
      .act(transfer, t + HOUR)
      .act({ type: 'feeRequested', amountVnd: 30_000, reason: 'Lệ phí' }, t + 2 * HOUR)
      .act({ type: 'feePaid' }, t + DAY)
      .act(result, t + 2 * DAY)
      .act({ ...returned, method: 'postal' }, t + 3 * DAY),
  settledOnSpot: (s, t) => s.act(result, t + 30 * MINUTE).act({ ...returned, method: 'electronic' }, t + 40 * MINUTE),
};

/** Dossiers that never get a code (no DVCQG record). */
const NEVER_RECEIVED = ['refused', 'counterSupplement', 'counterSupplementWithdrawn'] as const;

export const SCENARIO_KINDS = [...Object.keys(SCRIPTS), 'receivedAfterCounterSupplement', ...NEVER_RECEIVED];

/**
 * `count` dossiers (every kind at least once when count ≥ the number of kinds), received on working
 * and non-working days of November 2026 and a few on 31 October (outside the period).
 */
export function buildScenarios(calendar: WorkingCalendar, count = SCENARIO_KINDS.length * 3): Built[] {
  const out: Built[] = [];
  const seqByDay = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const kind = SCENARIO_KINDS[i % SCENARIO_KINDS.length]!;
    const day = i % 31 === 30 ? 0 : 2 + (i % 29); // 0 = 31 October
    const t = day === 0 ? vn(2026, 10, 31, 9, 5) : vn(2026, 11, day, 8 + (i % 8), (i * 7) % 60);
    const procedure = i % 5 === 4 ? SAME_DAY : PROCEDURE;
    const submitted: Record<string, number> = procedure === SAME_DAY ? { BC: 1, BS: 1, ...(i % 2 ? { GT: 1 } : {}) } : { TP1: 1, ...(i % 3 === 0 ? { TP2: 1 } : {}) };
    const input: ReceptionInput = { procedure, applicant: applicants[i % applicants.length]!, channel: ((i % 3) + 1) as 1 | 2 | 3, sets: 1, submitted, notes: '' };
    const story = new Story(calendar, input, `clerk.${i % 4}`, `ws-${i % 3}`);

    const dayKey = new Date(t + 7 * HOUR).toISOString().slice(2, 10).replace(/-/g, '');
    const seq = (seqByDay.get(dayKey) ?? 0) + 1;
    seqByDay.set(dayKey, seq);
    const code = `${AGENCY}-${dayKey}-${String(seq).padStart(4, '0')}`;

    if (kind === 'refused') story.check({ kind: 'refuse', reasons: ['Không thuộc thẩm quyền'] }, t);
    else if (kind === 'counterSupplement') story.check({ kind: 'supplement', missing: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: '' }, t);
    else if (kind === 'counterSupplementWithdrawn') {
      story.check({ kind: 'supplement', missing: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: '' }, t).act({ type: 'withdrawn', reason: 'Không quay lại' }, t + DAY);
    } else if (kind === 'receivedAfterCounterSupplement') {
      story.check({ kind: 'supplement', missing: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: '' }, t - DAY).check({ kind: 'receive' }, t, code);
      story.act(transfer, t + HOUR).act(result, t + 2 * DAY);
    } else {
      story.check({ kind: 'receive' }, t, code);
      SCRIPTS[kind]!(story, t);
    }

    // Digitisation: every submitted component scanned, none, only some, several scans of one,
    // or a scan of a component that was not handed in.
    const components = story.dossier.components.filter((c) => c.submitted > 0).map((c) => c.id);
    const scanAt = t + 10 * MINUTE;
    switch (i % 5) {
      case 0:
        for (const c of components) story.attach(c, scanAt);
        break;
      case 1:
        break;
      case 2:
        if (components[0]) story.attach(components[0], scanAt);
        break;
      case 3:
        for (const c of components) story.attach(c, scanAt, `${c}-trang-1.pdf`).attach(c, scanAt + MINUTE, `${c}-trang-2.pdf`);
        break;
      case 4:
        for (const c of components) story.attach(c, scanAt);
        story.attach(procedure === SAME_DAY ? 'GT' : 'TP2', scanAt + MINUTE, 'them.pdf');
        break;
    }
    out.push({ kind, dossier: story.dossier, events: story.events, files: story.files });
  }
  return out;
}

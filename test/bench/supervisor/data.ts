/**
 * The supervisor bench's data: the `idb` bench's dossiers (idb/data.ts, same seed, same dossiers)
 * plus what the supervisor's numbers read that the idb generator does not write:
 *
 * - file metadata (the vault's `files` collection) for the digitised indicator: one scan per
 *   component handed in for most received dossiers, some components without a scan for a few, none
 *   for the rest;
 * - the events of a supplement requested after reception (`supplementRequested`, and
 *   `supplemented` with the paused working time once the applicant came back), for the dossiers the
 *   idb ageing sent back for a supplement;
 * - a reschedule (`rescheduled`, the dossier's `reschedules` and `appointmentAt` moved) for about a
 *   third of the dossiers that were or are late on a multi-day procedure.
 *
 * Deterministic for a seed, from its own random stream, so the idb part stays exactly idb's data.
 * Runs in the page (the fill) and in Node (the DVCQG file of the CLI figure).
 */
import type { DossierDoc, DossierEventDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS } from '../../../src-shared/domain/dossier-status';
import { after, endOfDay, officeMsBetween, randomOfficeTime, workingDay, workingDays } from '../idb/calendar';
import { createGenerator } from '../idb/data';
import { between, digits, pick, prng, uuid, type Rand } from '../idb/random';

export interface SupervisorBatch {
  dossiers: DossierDoc[];
  /** The idb check event of every dossier, then this module's supplement and reschedule events. */
  events: DossierEventDoc[];
  files: FileMetaDoc[];
}

export interface SupervisorGenerator {
  next(count: number): SupervisorBatch;
}

/** What the extra data holds, counted as it is made. */
export interface ExtraCounts {
  files: number;
  /** Received dossiers with a scan of every component handed in. */
  fullyScanned: number;
  supplementRequested: number;
  supplemented: number;
  rescheduled: number;
}

const SUPPLEMENT_REASONS = [
  'Bản sao giấy khai sinh không rõ nét, đề nghị bổ sung bản sao có chứng thực',
  'Thiếu giấy tờ chứng minh quan hệ nhân thân',
  'Tờ khai chưa ghi đầy đủ thông tin theo mẫu',
];
const RESCHEDULE_REASONS = [
  'Hồ sơ cần xác minh thêm với cơ quan liên quan',
  'Cán bộ thụ lý đi công tác, chưa kịp trình ký',
  'Chờ ý kiến phối hợp của phòng chuyên môn',
];

/** The appointment written at reception (the check event's data), else the dossier's own. */
function initialAppointment(d: DossierDoc, check: DossierEventDoc | undefined): number {
  const v = check?.data.appointmentAt;
  return typeof v === 'number' && v > 0 ? v : d.appointmentAt;
}

function sha256(rand: Rand): string {
  let s = '';
  while (s.length < 64) s += Math.floor(rand() * 0x100000000).toString(16).padStart(8, '0');
  return s;
}

/**
 * Scans of the components handed in: all of them (82%), none (8%), and for 10% a subset: meant as
 * "all but one", but `pick` runs once per component inside the filter, so each component is left
 * out with a chance of 1 in the number handed in (a dossier may keep all, lose several, and one with
 * a single component loses it). Kept as it is: the measured figures (test/bench/README.md) used it.
 */
function filesOf(rand: Rand, d: DossierDoc, counts: ExtraCounts): FileMetaDoc[] {
  const handedIn = d.components.filter((c) => c.submitted > 0);
  if (handedIn.length === 0) return [];
  const r = rand();
  const scanned = r < 0.82 ? handedIn : r < 0.92 ? handedIn.filter((c) => c !== pick(rand, handedIn)) : [];
  if (scanned.length === handedIn.length) counts.fullyScanned++;
  return scanned.map((c, i) => ({
    id: uuid(rand),
    dossierId: d.id,
    agencyId: d.agencyId,
    componentId: c.id,
    name: `${d.code}-${c.id}-scan${digits(rand, 3)}.pdf`,
    mime: 'application/pdf',
    size: between(rand, 60_000, 2_500_000),
    sha256: sha256(rand),
    createdAt: d.receivedAt + (i + 1) * between(rand, 20, 90) * 1000,
  }));
}

function event(rand: Rand, d: DossierDoc, type: DossierEventDoc['type'], at: number, from: number, to: number, by: string, reason: string, data: Record<string, unknown>): DossierEventDoc {
  return { id: uuid(rand), dossierId: d.id, agencyId: d.agencyId, type, at, by, from, to, reason, data };
}

/**
 * The supplement the idb ageing made (it wrote `supplementRequests: 1`, and `pausedSince` while the
 * applicant has not come back) as events: the request, and once back, `supplemented` with the
 * working time the appointment moved by.
 */
function supplementEvents(rand: Rand, d: DossierDoc, check: DossierEventDoc | undefined, now: number, counts: ExtraCounts): DossierEventDoc[] {
  if (d.supplementRequests < 1 || !d.code || !d.transferredAt) return [];
  const S = DOSSIER_STATUS;
  const officer = 'canbo.thuly';
  const first = initialAppointment(d, check);
  const missing = [{ name: pick(rand, d.components.filter((c) => !c.optional).concat(d.components)).name, reason: 'không rõ nét' }];
  if (d.pausedSince) {
    counts.supplementRequested++;
    return [event(rand, d, 'supplementRequested', d.pausedSince, S.processing, S.supplementRequested, officer, pick(rand, SUPPLEMENT_REASONS), { missing })];
  }
  const pausedWorkingMs = officeMsBetween(first, d.appointmentAt);
  const requestedAt = randomOfficeTime(rand, d.transferredAt, first);
  const back = Math.min(after(requestedAt, pausedWorkingMs), now);
  counts.supplementRequested++;
  counts.supplemented++;
  return [
    event(rand, d, 'supplementRequested', requestedAt, S.processing, S.supplementRequested, officer, pick(rand, SUPPLEMENT_REASONS), { missing }),
    event(rand, d, 'supplemented', back, S.supplementRequested, S.processing, d.receivedBy, '', { pausedWorkingMs, previousAppointmentAt: first, appointmentAt: d.appointmentAt }),
  ];
}

/**
 * About a third of the dossiers of a multi-day procedure that finished late or are open past their
 * appointment were rescheduled (apology letter, new date) before the appointment: the dossier's
 * appointment moves, `reschedules` becomes 1; the on-time rule still judges against the old date.
 */
function rescheduleEvent(rand: Rand, d: DossierDoc, now: number, earlier: readonly DossierEventDoc[], counts: ExtraCounts): DossierEventDoc[] {
  if (!d.code || d.limit.unit === 'sameDay' || !d.appointmentAt || d.reschedules > 0 || d.pausedSince) return [];
  if (d.status === DOSSIER_STATUS.withdrawn || d.status === DOSSIER_STATUS.stopped) return [];
  const end = d.finishedAt || now;
  if (end <= d.appointmentAt || rand() >= 0.35) return [];
  // After the supplement came back, if there was one: the appointment it moved is the one postponed.
  const from = Math.max(d.transferredAt || d.receivedAt, ...earlier.map((e) => e.at));
  if (from >= d.appointmentAt) return [];
  const at = randomOfficeTime(rand, from, d.appointmentAt);
  if (at > now) return [];
  const previousAppointmentAt = d.appointmentAt;
  const appointmentAt = after(previousAppointmentAt, between(rand, 2, 10) * workingDay);
  d.appointmentAt = appointmentAt;
  d.reschedules = 1;
  d.updatedAt = Math.max(d.updatedAt, at);
  counts.rescheduled++;
  const status = d.transferredAt ? DOSSIER_STATUS.processing : d.status;
  return [event(rand, d, 'rescheduled', at, status, status, 'canbo.thuly', pick(rand, RESCHEDULE_REASONS), { previousAppointmentAt, appointmentAt })];
}

/** `size` dossiers over `days` working days (idb's generator and seed) with files and the extra events. */
export function createSupervisorGenerator(size: number, days: string[], seedValue: number, counts: ExtraCounts = emptyCounts()): SupervisorGenerator {
  const base = createGenerator(size, days, seedValue);
  const rand = prng(seedValue ^ 0x5a5a5a5a);
  const now = endOfDay(days[days.length - 1]!);
  return {
    next(count) {
      const { dossiers, events } = base.next(count);
      const files: FileMetaDoc[] = [];
      const extra: DossierEventDoc[] = [];
      dossiers.forEach((d, i) => {
        const check = events[i];
        if (d.code) {
          const scans = filesOf(rand, d, counts);
          counts.files += scans.length;
          files.push(...scans);
        }
        const supplement = supplementEvents(rand, d, check, now, counts);
        extra.push(...supplement, ...rescheduleEvent(rand, d, now, supplement, counts));
      });
      return { dossiers, events: [...events, ...extra], files };
    },
  };
}

export const emptyCounts = (): ExtraCounts => ({ files: 0, fullyScanned: 0, supplementRequested: 0, supplemented: 0, rescheduled: 0 });

/** The working days of the data (idb's spread), oldest first. */
export const dataDays = (lastDay: string, count: number) => workingDays(lastDay, count);

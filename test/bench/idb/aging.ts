/**
 * Ages a received dossier to the bench's "now": what happened to it since the counter (transfer,
 * supplement, fee, result on time or late, return, withdrawal, stop), written into the fields the
 * app keeps for each step, as far as the dossier got.
 */
import type { DossierDoc, ReturnMethod } from '../../../src-shared/contract/documents';
import { CHANNEL, DOSSIER_STATUS } from '../../../src-shared/domain/dossier-status';
import { after, officeMsBetween, randomOfficeTime, workingDay } from './calendar';
import { between, pick, weighted, type Rand } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Who collects a company's result. */
const PROXIES = ['Lê Văn Hùng', 'Trần Thị Mai', 'Nguyễn Đức Thắng', 'Phạm Thị Hồng Nhung'];

/**
 * What happened to a received dossier by `now`: transfer, maybe a supplement or a fee, the result
 * (on time for most), the return. Only what happened before `now` is written into the dossier.
 */
export function age(rand: Rand, d: DossierDoc, now: number): void {
  const S = DOSSIER_STATUS;
  const sameDay = d.limit.unit === 'sameDay';
  const at = (t: number) => t <= now;
  let last = d.receivedAt;
  const set = (patch: Partial<DossierDoc>, t: number) => {
    Object.assign(d, patch);
    last = Math.max(last, t);
  };

  if (rand() < 0.006) {
    const t = after(d.receivedAt, Math.floor(rand() * 3 * workingDay));
    if (at(t)) set({ status: S.withdrawn, finishedAt: t }, t);
    return finish(d, last);
  }
  // Same-day procedures are often settled on the spot, without a transfer to the processing body.
  const settledOnSpot = sameDay && rand() < 0.5;
  const transferredAt = settledOnSpot ? 0 : after(d.receivedAt, between(rand, 5, sameDay ? 60 : 480) * MINUTE);
  if (transferredAt && at(transferredAt)) set({ status: S.processing, transferredAt }, transferredAt);

  let appointmentAt = d.appointmentAt;
  const start = transferredAt || d.receivedAt;
  if (!sameDay && transferredAt && rand() < 0.04) {
    // Supplement requested after reception: the clock pauses until the applicant brings it.
    const pausedSince = randomOfficeTime(rand, transferredAt, appointmentAt);
    const back = after(pausedSince, between(rand, 1, 10) * workingDay);
    if (at(pausedSince)) set({ status: S.supplementRequested, pausedSince, supplementRequests: 1 }, pausedSince);
    if (!at(back)) return finish(d, last);
    appointmentAt = after(appointmentAt, officeMsBetween(pausedSince, back));
    set({ status: S.processing, pausedSince: 0, appointmentAt }, back);
  }
  if (transferredAt && rand() < 0.003) {
    const t = randomOfficeTime(rand, transferredAt, appointmentAt);
    if (at(t)) set({ status: S.stopped, finishedAt: t }, t);
    return finish(d, last);
  }
  if (!sameDay && transferredAt && rand() < 0.03) {
    // Financial obligation: waiting for the applicant to pay (status 6) for a day or two.
    const requested = randomOfficeTime(rand, transferredAt, appointmentAt);
    const paid = after(requested, between(rand, 2, 16) * HOUR);
    if (at(requested) && !at(paid)) return finish(Object.assign(d, { status: S.feeRequested }), requested);
  }
  const late = rand() < (sameDay ? 0.03 : 0.1);
  const resultAt = late
    ? after(appointmentAt, between(rand, 1, 5 * 8) * HOUR)
    : settledOnSpot
      ? after(d.receivedAt, between(rand, 15, 120) * MINUTE)
      : randomOfficeTime(rand, start, appointmentAt);
  if (!at(resultAt)) return finish(d, last);
  set({ status: S.processed, resultAt, finishedAt: resultAt }, resultAt);

  if (rand() < 0.035) return finish(d, last); // never collected
  const returnedAt = settledOnSpot && rand() < 0.8 ? after(resultAt, between(rand, 1, 30) * MINUTE) : after(resultAt, Math.floor(rand() * rand() * 10 * workingDay));
  if (!at(returnedAt)) return finish(d, last);
  const method = weighted<ReturnMethod>(rand, [['inPerson', 88], ['postal', 8], ['electronic', d.channel === CHANNEL.online ? 20 : 0]]);
  const signer = method === 'inPerson' && d.applicant.kind === 'organisation' ? `${pick(rand, PROXIES)} (được ủy quyền)` : d.applicant.name;
  set({ status: S.returned, returnedAt, returnedTo: method === 'electronic' ? '' : signer, returnMethod: method }, returnedAt);
  return finish(d, last);
}

function finish(d: DossierDoc, last: number): void {
  d.updatedAt = Math.max(d.updatedAt, last);
}

/** Hand-built indicator records for the rule tests: September 2026 (01–02/09 are holidays). */
import type { IndicatorRecord } from '../../../src-shared/domain/indicators/record';
import { parseVnDateTime } from '../../../src-shared/domain/vn-time';
import { mulberry32 } from '../../support/prng';

export const at = (local: string): number => parseVnDateTime(local)!;

export const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };

/** A maker of records: an open dossier received Mon 07/09 09:00, due Thu 10/09 17:00, with `defaults` and then `patch` laid over. */
export function recordMaker(defaults: Partial<IndicatorRecord> = {}, code = (n: number) => `C-${n}`): (patch?: Partial<IndicatorRecord>) => IndicatorRecord {
  let n = 0;
  return (patch = {}) => {
    n++;
    return {
      id: `r${n}`,
      code: code(n),
      agencyId: '000.17.22.H56',
      procedureCode: 'P1',
      procedureName: 'Thủ tục P1',
      counter: 'ws-1',
      clerk: 'an',
      channel: 1,
      status: 4,
      receivedAt: at('2026-09-07T09:00'),
      dueAt: at('2026-09-10T17:00'),
      pausedSince: 0,
      supplementWaitMs: 0,
      finishedAt: 0,
      supplementRequests: 0,
      reschedules: 0,
      digitised: true,
      synced: true,
      ...defaults,
      ...patch,
    };
  };
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
export const random = mulberry32;

import { describe, expect, it } from 'vitest';
import { effectiveAppointment, timeliness } from '../../../src-shared/domain/lifecycle/timeliness';
import { dossierIn, officialCalendar } from './fixtures';

const vn = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m);

describe('overdue and due soon, computed from dates', async () => {
  const calendar = await officialCalendar();
  // Appointment Thu 19/11 17:00.
  const open = dossierIn(4);

  it('is on track, then due soon within one working day, then overdue', () => {
    expect(timeliness(open, vn(17, 9), calendar)).toBe('onTrack');
    expect(timeliness(open, vn(18, 17), calendar)).toBe('dueSoon'); // 8 working hours left
    expect(timeliness(open, vn(19, 16), calendar)).toBe('dueSoon');
    expect(timeliness(open, vn(19, 17, 1), calendar)).toBe('overdue');
  });

  it('stops the clock while waiting for a supplement', () => {
    const waiting = { ...open, status: 5 as const, pausedSince: vn(18, 9) };
    // Waiting since Wed 18/11 09:00; by Mon 23/11 09:00 that is 6.5 + 8 + 8 + 1.5 = 24 working hours,
    // so the appointment (Thu 19/11 17:00) has moved three working days, to Tue 24/11 17:00.
    expect(effectiveAppointment(waiting, vn(23, 9), calendar)).toBe(vn(24, 17));
    expect(timeliness(waiting, vn(23, 9), calendar)).toBe('onTrack');
  });

  it('grades finished dossiers; more than one supplement request counts as late', () => {
    expect(timeliness({ ...open, finishedAt: vn(18, 10) }, vn(30, 9), calendar)).toBe('early');
    expect(timeliness({ ...open, finishedAt: vn(19, 16) }, vn(30, 9), calendar)).toBe('onTime');
    expect(timeliness({ ...open, finishedAt: vn(20, 8) }, vn(30, 9), calendar)).toBe('late');
    expect(timeliness({ ...open, finishedAt: vn(18, 10), supplementRequests: 2 }, vn(30, 9), calendar)).toBe('late');
    expect(timeliness({ ...open, appointmentAt: 0 }, vn(30, 9), calendar)).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { controlSlipSteps, STEP_RESULT_VI } from '../../../src-shared/forms';
import { APPOINTMENT_AT, USER_NAMES, dossier, events, vn } from './fixtures';

const unit = 'Bộ phận Một cửa';

describe('control slip rows from dossier events', () => {
  it('lists the dossier’s own hand-offs in time order, giver → receiver', () => {
    const d = dossier();
    const steps = controlSlipSteps(d, events(d), { receptionUnit: unit, userNames: USER_NAMES });
    expect(steps.map((s) => s.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(steps.map((s) => [s.giver, s.receiver])).toEqual([
      ['Bà Nguyễn Thị Hồng Nhung', 'Bộ phận Một cửa (Trần Quốc Việt)'],
      ['Bộ phận Một cửa (Trần Quốc Việt)', 'Sở Tư pháp tỉnh Thanh Hóa'],
      ['Sở Tư pháp tỉnh Thanh Hóa', 'Bộ phận Một cửa (Trần Quốc Việt)'],
      ['Bộ phận Một cửa (Lê Thị Lan)', 'Nguyễn Thị Hồng Nhung'],
    ]);
    expect(steps[1]?.content).toBe('Chuyển hồ sơ đến cơ quan giải quyết: Chuyển bản giấy');
    // Only the end of processing is judged against the appointment (here: a day early).
    expect(steps.map((s) => s.result)).toEqual([undefined, undefined, 'early', undefined]);
  });

  it('judges the end of processing early / on time / late against the appointment', () => {
    const d = dossier();
    const at = (t: number) => controlSlipSteps(d, [{ ...events(d)[0]!, id: 'r', at: t }], { receptionUnit: unit })[0]?.result;
    expect(at(vn('2026-12-03T17:00'))).toBe('early');
    expect(at(vn('2026-12-04T08:00'))).toBe('onTime');
    expect(at(APPOINTMENT_AT)).toBe('onTime');
    expect(at(APPOINTMENT_AT + 60_000)).toBe('late');
    // More than one supplement request counts as late (Decision 766).
    expect(controlSlipSteps({ ...d, supplementRequests: 2 }, [{ ...events(d)[0]!, at: vn('2026-11-30T08:00') }], { receptionUnit: unit })[0]?.result).toBe('late');
  });

  it('takes results given by the caller or recorded on the event', () => {
    const d = dossier();
    const ev = Object.fromEntries(events(d).map((e) => [e.id, e]));
    const e2b = { ...ev.e2!, id: 'e2b', at: ev.e2!.at + 60_000, data: { to: 'Phòng Hộ tịch', timeliness: 'late' } };
    const steps = controlSlipSteps(d, [ev.e1!, ev.e2!, ev.e3!, e2b], {
      receptionUnit: unit,
      stepResults: { e2: 'onTime', e3: 'late' },
    });
    expect(steps.map((s) => [s.eventId, s.result])).toEqual([
      ['e1', undefined],
      ['e2', 'onTime'],
      ['e2b', 'late'],
      ['e3', 'late'],
    ]);
    expect(STEP_RESULT_VI).toEqual({ early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' });
  });

  it('describes supplement requests and reschedules from the event data', () => {
    const d = dossier();
    const base = events(d)[1]!;
    const steps = controlSlipSteps(
      d,
      [
        { ...base, id: 's', type: 'supplementRequested', at: vn('2026-11-22T09:00'), data: { missing: [{ name: 'Giấy khai sinh', reason: 'Chưa nộp' }] } },
        { ...base, id: 'r', type: 'rescheduled', at: vn('2026-12-04T10:00'), reason: 'Chờ xác minh', data: { appointmentAt: vn('2026-12-11T16:30') } },
      ],
      { receptionUnit: unit },
    );
    expect(steps.map((s) => s.content)).toEqual([
      'Yêu cầu bổ sung, hoàn thiện hồ sơ: Giấy khai sinh',
      'Hẹn lại ngày trả kết quả: hẹn mới 16:30 11/12/2026: Chờ xác minh',
    ]);
    expect(steps[0]?.receiver).toBe('Bà Nguyễn Thị Hồng Nhung');
  });
});

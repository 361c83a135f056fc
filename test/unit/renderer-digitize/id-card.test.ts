import { describe, expect, it } from 'vitest';
import type { Applicant } from '../../../src-shared/contract/documents';
import { applicantFromCard, chooseCard } from '../../../src-renderer/digitize/id-card';

// The chip ID card's QR text (DOMAIN.md §7): 038 = Thanh Hóa, woman born 1990.
const QR = '038190123456||Nguyễn Thị Hồng Nhung|12051990|Nữ|Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa|01022022';
const TODAY = '2025-03-14';

describe('chooseCard', () => {
  it('takes the first code that is a valid ID card, past other QR codes on the image', () => {
    const reading = chooseCard(['https://example.gov.vn/tra-cuu', QR], TODAY);
    expect(reading.kind).toBe('card');
    if (reading.kind !== 'card') return;
    expect(reading.card).toMatchObject({ idNumber: '038190123456', name: 'Nguyễn Thị Hồng Nhung', birthDate: '1990-05-12', gender: 'female', issueDate: '2022-02-01' });
  });

  it('reports the problems of a code that is not an ID card, and "no QR" when nothing was found', () => {
    const invalid = chooseCard(['https://example.gov.vn/tra-cuu'], TODAY);
    expect(invalid.kind).toBe('invalid');
    if (invalid.kind === 'invalid') expect(invalid.errors[0]?.messageVi).toContain('không phải mã QR');
    expect(chooseCard([], TODAY)).toEqual({ kind: 'no-qr' });
  });
});

describe('applicantFromCard', () => {
  it('fills the card details and keeps the phone and e-mail typed before', () => {
    const before: Applicant = { kind: 'organisation', name: '', idNumber: '', birthDate: '', gender: '', taxCode: '', phone: '0912345678', email: 'a@b.vn', address: '' };
    const reading = chooseCard([QR], TODAY);
    if (reading.kind !== 'card') throw new Error('expected a card');
    expect(applicantFromCard(before, reading.card)).toEqual({
      kind: 'individual',
      name: 'Nguyễn Thị Hồng Nhung',
      idNumber: '038190123456',
      birthDate: '1990-05-12',
      gender: 'female',
      taxCode: '',
      phone: '0912345678',
      email: 'a@b.vn',
      address: 'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa',
    });
  });
});

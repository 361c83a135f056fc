import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeEmail, normalizePhone, type EmailResult, type PhoneResult } from '../../../src-shared/domain/applicant/contact';

const phoneCodes = (r: PhoneResult) => (r.ok ? [] : r.errors.map((e) => e.code));
const emailCodes = (r: EmailResult) => (r.ok ? [] : r.errors.map((e) => e.code));

describe('normalizePhone', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    ' 091 234 5678 ',
    '(091) 234-5678',
    '+84912345678',
    '+84 912 345 678',
    '+84 (0) 912 345 678',
    '+840912345678',
    '84912345678',
    '84 912.345.678',
    '0084 912 345 678',
    '912345678',
    '０９１２３４５６７８',
  ])('reads %j as the mobile 0912345678', (raw) => {
    expect(normalizePhone(raw)).toEqual({
      ok: true,
      kind: 'mobile',
      normalized: '0912345678',
      key: '84912345678',
      e164: '+84912345678',
      display: '0912 345 678',
    });
  });

  it('accepts every mobile prefix family 03, 05, 07, 08, 09', () => {
    for (const p of ['032', '056', '070', '086', '088', '099']) {
      const r = normalizePhone(`${p}1234567`);
      expect(r.ok && [r.kind, r.normalized]).toEqual(['mobile', `${p}1234567`]);
    }
  });

  it.each([
    ['024 3934 3137', '02439343137', '024 3934 3137'],
    ['(028) 3822-1234', '02838221234', '028 3822 1234'],
    ['0236.382.1234', '02363821234', '0236 382 1234'],
    ['+84 24 3934 3137', '02439343137', '024 3934 3137'],
    ['2439343137', '02439343137', '024 3934 3137'],
  ])('reads the landline %j', (raw, normalized, display) => {
    const r = normalizePhone(raw);
    expect(r.ok && [r.kind, r.normalized, r.display, r.key]).toEqual(['landline', normalized, display, '84' + normalized.slice(1)]);
  });

  it('rejects empty input, letters, foreign numbers, bad prefixes and wrong lengths', () => {
    expect(phoneCodes(normalizePhone(''))).toEqual(['empty']);
    expect(phoneCodes(normalizePhone('0912 ABC 678'))).toEqual(['invalid-characters']);
    expect(phoneCodes(normalizePhone('---'))).toEqual(['invalid-characters']);
    expect(phoneCodes(normalizePhone('+1 202 555 0143'))).toEqual(['foreign-number']);
    expect(phoneCodes(normalizePhone('0065 6123 4567'))).toEqual(['foreign-number']);
    expect(phoneCodes(normalizePhone('0112345678'))).toEqual(['unknown-prefix']);
    expect(phoneCodes(normalizePhone('0612345678'))).toEqual(['unknown-prefix']);
    expect(phoneCodes(normalizePhone('1900 1234'))).toEqual(['unknown-prefix']);
    expect(phoneCodes(normalizePhone('091234567'))).toEqual(['wrong-length']);
    expect(phoneCodes(normalizePhone('09123456789'))).toEqual(['wrong-length']);
    // An old 11-digit mobile number (before the 2018 switch).
    expect(phoneCodes(normalizePhone('01691234567'))).toEqual(['unknown-prefix']);
    expect(phoneCodes(normalizePhone('0243934313'))).toEqual(['wrong-length']);
    const r = normalizePhone('091234567');
    expect(!r.ok && r.errors[0]?.messageVi).toContain('10 chữ số');
    expect(!r.ok && r.errors[0]?.messageEn).toContain('10 digits');
  });

  it('normalises any spelling of a valid mobile to the same key (property)', () => {
    const sep = fc.constantFrom('', ' ', '.', '-');
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('0', '+84', '84', '+84 ', '0084'), sep, sep, (p, n, prefix, s1, s2) => {
        const rest = String(n).padStart(8, '0');
        const subscriber = p + rest;
        const spelled = `${prefix}${subscriber.slice(0, 2)}${s1}${subscriber.slice(2, 5)}${s2}${subscriber.slice(5)}`;
        const r = normalizePhone(spelled);
        expect(r.ok && r.normalized).toBe('0' + subscriber);
        expect(r.ok && r.key).toBe('84' + subscriber);
      }),
    );
  });
});

describe('normalizeEmail', () => {
  it('accepts ordinary addresses and lower-cases the domain', () => {
    expect(normalizeEmail(' nguyenvana@gmail.com ')).toEqual({ ok: true, email: 'nguyenvana@gmail.com', key: 'nguyenvana@gmail.com' });
    expect(normalizeEmail('Tran.Thi-B+hoso@ThanhHoa.GOV.VN')).toEqual({
      ok: true,
      email: 'Tran.Thi-B+hoso@thanhhoa.gov.vn',
      key: 'tran.thi-b+hoso@thanhhoa.gov.vn',
    });
    expect(normalizeEmail('a_b@sub-domain.example.com.vn').ok).toBe(true);
    expect(normalizeEmail('user@xn--vit-nam-rva.vn').ok).toBe(true);
    // A full-width ＠ from an IME is folded.
    const fw = normalizeEmail('nguyenvana＠gmail.com');
    expect(fw.ok && fw.email).toBe('nguyenvana@gmail.com');
  });

  it.each([
    ['', 'empty'],
    ['nguyenvana.gmail.com', 'missing-at'],
    ['nguyen van a@gmail.com', 'contains-space'],
    ['nguyễnvăna@gmail.com', 'non-ascii'],
    ['a@b@gmail.com', 'invalid-local-part'],
    ['@gmail.com', 'invalid-local-part'],
    ['.abc@gmail.com', 'invalid-local-part'],
    ['abc.@gmail.com', 'invalid-local-part'],
    ['a..b@gmail.com', 'invalid-local-part'],
    ['abc@', 'invalid-domain'],
    ['abc@gmail', 'invalid-domain'],
    ['abc@gmail.', 'invalid-domain'],
    ['abc@gmail..com', 'invalid-domain'],
    ['abc@-gmail.com', 'invalid-domain'],
    ['abc@gmail.c', 'invalid-domain'],
    ['abc@gmail.c0m', 'invalid-domain'],
    ['abc@[127.0.0.1]', 'invalid-domain'],
  ])('rejects %j (%s)', (raw, code) => {
    const r = normalizeEmail(raw);
    expect(emailCodes(r)).toEqual([code]);
    if (!r.ok) expect(r.errors[0]?.messageVi).not.toBe(r.errors[0]?.messageEn);
  });

  it('enforces 254 characters in all and 64 before the @', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.vn`;
    const ok = `${'x'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(ok.length).toBe(254);
    expect(normalizeEmail(ok).ok).toBe(true);
    expect(emailCodes(normalizeEmail('y' + ok))).toEqual(['too-long']);
    const fits = `${'x'.repeat(64)}@${'d'.repeat(60)}.vn`;
    expect(normalizeEmail(fits).ok).toBe(true);
    expect(emailCodes(normalizeEmail(`${'x'.repeat(65)}@gmail.com`))).toEqual(['invalid-local-part']);
    expect(emailCodes(normalizeEmail(`${'x'.repeat(64)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(60)}.vn`))).toEqual(['too-long']);
  });
});

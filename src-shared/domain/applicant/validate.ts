/**
 * Validates and normalises the applicant typed at the counter: the name always; the ID number
 * (cross-checked with date of birth and gender) for individuals; the tax code for organisations;
 * phone and email when given. Every problem is reported at once, per field, in both languages.
 */
import type { Applicant } from '../../contract/documents';
import { isIsoDate } from '../civil-date';
import { vnDay } from '../vn-time';
import { parseCitizenId } from './citizen-id';
import { normalizeEmail, normalizePhone } from './contact';
import type { BilingualMessage } from './messages';
import { parseTaxCode } from './tax-code';

export interface FieldError extends BilingualMessage {
  /** The form field: `name`, `idNumber`, `birthDate`, `taxCode`, `phone`, `email`, `address`, … */
  field: string;
}

const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export function validateApplicant(raw: Applicant, today = vnDay(Date.now())): { applicant: Applicant; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (field: string, messages: BilingualMessage[]) => messages.forEach((m) => errors.push({ field, messageVi: m.messageVi, messageEn: m.messageEn }));
  const individual = raw.kind === 'individual';
  const applicant: Applicant = {
    kind: raw.kind,
    name: clean(raw.name),
    idNumber: individual ? raw.idNumber.replace(/\s/g, '') : '',
    birthDate: individual ? raw.birthDate.trim() : '',
    gender: individual ? raw.gender : '',
    taxCode: individual ? '' : raw.taxCode.replace(/\s/g, ''),
    phone: '',
    email: '',
    address: clean(raw.address),
  };

  if (!applicant.name) add('name', [{ messageVi: 'Hãy nhập họ tên người nộp hoặc tên tổ chức.', messageEn: "Enter the applicant's or organisation's name." }]);
  else if (applicant.name.length > 200) add('name', [{ messageVi: 'Họ tên tối đa 200 ký tự.', messageEn: 'The name is limited to 200 characters.' }]);
  if (applicant.address.length > 500) add('address', [{ messageVi: 'Địa chỉ tối đa 500 ký tự.', messageEn: 'The address is limited to 500 characters.' }]);

  if (applicant.birthDate && (!isIsoDate(applicant.birthDate) || applicant.birthDate > today)) {
    add('birthDate', [{ messageVi: 'Ngày sinh không hợp lệ (nhập dạng ngày/tháng/năm, không sau hôm nay).', messageEn: 'Invalid date of birth (day/month/year, not after today).' }]);
  }
  if (applicant.idNumber) {
    const id = parseCitizenId(applicant.idNumber, {
      today,
      ...(isIsoDate(applicant.birthDate) ? { birthDate: applicant.birthDate } : {}),
      ...(applicant.gender ? { gender: applicant.gender } : {}),
    });
    if (id.ok) applicant.idNumber = id.id;
    else add('idNumber', id.errors);
  }
  if (applicant.taxCode) {
    const tax = parseTaxCode(applicant.taxCode, { today });
    if (tax.ok) applicant.taxCode = tax.taxCode;
    else add('taxCode', tax.errors);
  }
  if (raw.phone.trim()) {
    const phone = normalizePhone(raw.phone);
    if (phone.ok) applicant.phone = phone.normalized;
    else add('phone', phone.errors);
  }
  if (raw.email.trim()) {
    const email = normalizeEmail(raw.email);
    if (email.ok) applicant.email = email.email;
    else add('email', email.errors);
  }
  return { applicant, errors };
}

import type { Applicant } from '../../contract/documents';

/** An applicant with nothing entered yet: every optional field is '' (so it can be indexed). */
export const emptyApplicant = (): Applicant => ({
  kind: 'individual',
  name: '',
  idNumber: '',
  birthDate: '',
  gender: '',
  taxCode: '',
  phone: '',
  email: '',
  address: '',
});

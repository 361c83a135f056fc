import type { Applicant } from '../../../src-shared/contract/documents';

export const emptyApplicantFixture = (): Applicant => ({
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

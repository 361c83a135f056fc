/**
 * The documents the domain builds pass the very schemas both validators enforce: z-schema in the
 * workstation's RxDB (which also refuses regex patterns it deems unsafe) and ajv on the portal.
 */
import Ajv from 'ajv';
import ZSchema from 'z-schema';
import { describe, expect, it } from 'vitest';
import { dossierEventSchema, dossierSchema } from '../../../src-shared/contract/documents';
import { recordCheck } from '../../../src-shared/domain/reception';
import { emptyApplicant as emptyApplicantFixture } from '../../../src-shared/domain/applicant/empty';
import { newId, officialCalendar, PROCEDURE } from './fixtures';

// RxDB keywords that are not JSON Schema.
const strip = ({ primaryKey: _p, indexes: _i, version: _v, ...rest }: Record<string, unknown>) => rest;

describe('document schemas', async () => {
  const calendar = await officialCalendar();
  const { dossier, event } = recordCheck(
    {
      procedure: PROCEDURE,
      applicant: { ...emptyApplicantFixture(), name: 'Công ty TNHH Đông Á', kind: 'organisation', taxCode: '0100112437-001', phone: '0243 934 3137' },
      channel: 3,
      sets: 2,
      submitted: { TP1: 1 },
      notes: 'Nộp qua bưu điện',
    },
    { kind: 'receive' },
    { agencyId: '000.17.22.H56', workstationId: 'ws-1', clerk: 'clerk.an', now: Date.UTC(2026, 10, 20, 2), newId, calendar },
    { code: '000.17.22.H56-261120-0001', ledgerVolume: '2026.WS1.01', ledgerNumber: 1 },
  );
  const individual = { ...dossier, applicant: { ...emptyApplicantFixture(), name: 'Nguyễn An', idNumber: '038190123456', birthDate: '1990-05-12', gender: 'female' as const } };

  it('z-schema (the workstation) accepts them', () => {
    const z = ZSchema.create({});
    expect(() => z.validate(dossier, strip(dossierSchema))).not.toThrow();
    expect(() => z.validate(individual, strip(dossierSchema))).not.toThrow();
    expect(() => z.validate(event, strip(dossierEventSchema))).not.toThrow();
    expect(() => z.validate({ ...individual, applicant: { ...individual.applicant, idNumber: '12345' } }, strip(dossierSchema))).toThrow();
  });

  it('ajv (the portal) accepts them', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(strip(dossierSchema), dossier)).toBe(true);
    expect(ajv.validate(strip(dossierSchema), individual)).toBe(true);
    expect(ajv.validate(strip(dossierEventSchema), event)).toBe(true);
    expect(ajv.validate(strip(dossierSchema), { ...dossier, applicant: { ...dossier.applicant, taxCode: '01001' } })).toBe(false);
  });
});

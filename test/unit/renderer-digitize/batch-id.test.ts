import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchIdSchema, INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import { batchIdForDossier } from '../../../src-renderer/digitize/batch-id';

describe('batchIdForDossier', () => {
  it('uses a UUID dossier id as it is, lower-cased', () => {
    expect(batchIdForDossier('3F2A9C1E-7B4D-4E8A-9C2B-1D0E5F6A7B8C')).toBe('3f2a9c1e-7b4d-4e8a-9c2b-1d0e5f6a7b8c');
  });

  it('derives a safe id from an id the contract would refuse, and never the inbox', () => {
    const odd = batchIdForDossier('HS_2025/001');
    expect(odd).toMatch(/^hs-2025-001-[0-9a-f]{8}$/);
    expect(batchIdForDossier(INBOX_BATCH_ID)).not.toBe(INBOX_BATCH_ID);
    expect(batchIdForDossier('x'.repeat(100))).toHaveLength(64);
  });

  it('always gives a valid batch id, and different ids for different dossiers', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), fc.string({ minLength: 1, maxLength: 120 }), (a, b) => {
        expect(batchIdSchema.safeParse(batchIdForDossier(a)).success).toBe(true);
        // Ids differing only in case are the same dossier id space lower-cased; otherwise they must differ.
        if (a.toLowerCase() !== b.toLowerCase()) expect(batchIdForDossier(a)).not.toBe(batchIdForDossier(b));
      }),
    );
  });
});

/**
 * One-time enrollment codes and workstation secrets. Both are random, so a fast SHA-256 is enough
 * to store them (sha256Hex, as for refresh tokens); the plain values are shown once and never kept.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { CROCKFORD_ALPHABET, ENROLLMENT_CODE_LENGTH } from '../../src-shared/contract/workstations-api';

/** 12 uniformly random Crockford characters: 60 bits, canonical form (no dashes). */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) code += CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)];
  return code;
}

/** 256 bits, base64url: what the workstation will prove itself with. */
export const newWorkstationSecret = () => randomBytes(32).toString('base64url');

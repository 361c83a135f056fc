/**
 * SHA-256 of a text as lower-case hex. Enough to store random secrets (refresh tokens, enrollment
 * codes, workstation secrets), and the hash the sign-off seals are made with.
 */
import { createHash } from 'node:crypto';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

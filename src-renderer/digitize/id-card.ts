/**
 * The chip ID card (thẻ CCCD/căn cước) read from a photo or a scan: the Node side finds the QR
 * codes, the shared parser validates them, and the clerk confirms before anything is filled in.
 */
import type { Applicant } from '../../src-shared/contract/documents';
import { parseCccdQr, type CccdQrParsed } from '../../src-shared/domain/applicant/cccd-qr';
import type { ValidationIssue } from '../../src-shared/domain/applicant/messages';
import { desktop } from '../bridge';
import { bytesToBase64 } from '../bridge/base64';

export type IdCardReading =
  | { kind: 'card'; card: CccdQrParsed }
  /** QR codes were found but none is a valid ID card's: the first one's problems. */
  | { kind: 'invalid'; errors: ValidationIssue[] }
  | { kind: 'no-qr' };

/** The first code that parses as a valid card wins (an image may hold other QR codes too). */
export function chooseCard(codes: readonly string[], today?: string): IdCardReading {
  let firstErrors: ValidationIssue[] | null = null;
  for (const code of codes) {
    const parsed = parseCccdQr(code, today ? { today } : {});
    if (parsed.ok) return { kind: 'card', card: parsed };
    firstErrors ??= parsed.errors;
  }
  return firstErrors ? { kind: 'invalid', errors: firstErrors } : { kind: 'no-qr' };
}

export async function readIdCardImage(image: Blob): Promise<IdCardReading> {
  const bytesBase64 = bytesToBase64(new Uint8Array(await image.arrayBuffer()));
  const { codes } = await desktop().invoke('digitize.readIdCard', { bytesBase64 });
  return chooseCard(codes);
}

/** The applicant with the card's details filled in (an individual; phone and e-mail kept). */
export function applicantFromCard(applicant: Applicant, card: CccdQrParsed): Applicant {
  return { ...applicant, kind: 'individual', name: card.name, idNumber: card.idNumber, birthDate: card.birthDate, gender: card.gender, address: card.address };
}

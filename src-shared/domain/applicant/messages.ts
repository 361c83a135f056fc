/**
 * Result and message shapes shared by the applicant validators (citizen ID, tax code, contact, QR).
 * Every message a clerk may see is given in Vietnamese and English; `code` is for programs (tests,
 * field highlighting, analytics) and never shown.
 */

export interface BilingualMessage {
  messageVi: string;
  messageEn: string;
}

/** One problem found in an input. */
export interface ValidationIssue<Code extends string = string> extends BilingualMessage {
  code: Code;
}

export interface Invalid<Code extends string = string> {
  ok: false;
  errors: ValidationIssue<Code>[];
}

export function issue<Code extends string>(code: Code, messageVi: string, messageEn: string): ValidationIssue<Code> {
  return { code, messageVi, messageEn };
}

/** `dd/MM/yyyy` of a valid `yyyy-MM-dd`, for messages. */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

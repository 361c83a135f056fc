/**
 * What a file really is, from its first bytes (names and browser MIME types lie): the scans and
 * documents a counter accepts are JPEG, PNG, TIFF and PDF.
 */
export const ACCEPTED_MIME = ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf'] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME)[number];

const SIGNATURES: { mime: AcceptedMime; bytes: number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { mime: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export function sniffMime(head: Uint8Array): AcceptedMime | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.mime ?? null;
}

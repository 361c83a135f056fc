/**
 * Cheap structural checks that tell a file cut short (a copy or a scan that did not finish) from one
 * damaged inside, where the decoders' own errors cannot: a PNG that stops before IEND decodes
 * without complaint, and a TIFF cut before its directory (written last by most writers) is just
 * "unsupported format" to libtiff.
 */

/** Walks the PNG chunks (lengths only, no CRCs) and says whether IEND is reached inside the file. */
export function pngHasEnd(bytes: Buffer): boolean {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IEND') return true;
    at += 12 + length;
  }
  return false;
}

/** The RIFF header states the file's size; a shorter file was cut. */
export function webpIsWhole(bytes: Buffer): boolean {
  return bytes.length >= 12 && bytes.length >= bytes.readUInt32LE(4) + 8;
}

/** The first image directory must lie inside the file. */
export function tiffDirectoryInside(bytes: Buffer): boolean {
  if (bytes.length < 8) return false;
  const little = bytes[0] === 0x49;
  const version = little ? bytes.readUInt16LE(2) : bytes.readUInt16BE(2);
  if (version === 43) {
    if (bytes.length < 16) return false;
    const offset = little ? bytes.readBigUInt64LE(8) : bytes.readBigUInt64BE(8);
    return offset + 8n <= BigInt(bytes.length);
  }
  const offset = little ? bytes.readUInt32LE(4) : bytes.readUInt32BE(4);
  return offset + 2 <= bytes.length;
}

/** A complete PDF ends with '%%EOF' (possibly followed by a few bytes of whitespace or junk). */
export function pdfHasEnd(bytes: Buffer): boolean {
  return bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF', 0, 'latin1');
}

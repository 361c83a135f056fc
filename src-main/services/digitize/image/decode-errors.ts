/** Turns libvips' decoder messages into the input error codes the clerk sees. */
import { InputError } from '../types';

/** The decoder reached the end of the data before the image was complete. */
const TRUNCATED = [
  /premature end of JPEG (image|file)/i,
  /premature end of input file/i,
  /truncated/i,
  /unexpected end/i,
  /Read error on (strip|tile)/i,
];

/**
 * Warnings that leave the image intact. libjpeg warns about stray bytes between segments (some
 * cameras and scanner drivers write them) and libpng about odd colour profiles; failing on those
 * would refuse pages that decode perfectly.
 */
const BENIGN_WARNINGS = [/extraneous bytes before marker/i, /iCCP/i, /sRGB profile/i, /known incorrect/i, /Interlace handling/i];

function lines(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((l) => l.replace(/^Input (buffer|file) (has corrupt header|contains unsupported image format): ?/i, '').trim())
    .filter((l) => l !== '');
}

export function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

/** True when every complaint is one of the harmless warnings (the page is then decoded leniently). */
export function onlyBenignWarnings(error: unknown): boolean {
  const all = lines(error);
  return all.length > 0 && all.every((l) => BENIGN_WARNINGS.some((re) => re.test(l)));
}

/** The InputError for a decoder failure; `what` says which file part failed, for the log. */
export function decodeError(error: unknown, what: string): InputError {
  if (error instanceof InputError) return error;
  const all = lines(error);
  const first = all[0] ?? 'unknown decoder error';
  if (isPixelLimitError(error)) return new InputError('too-large', `${what}: ${first}`);
  if (all.some((l) => TRUNCATED.some((re) => re.test(l)))) return new InputError('truncated', `${what}: ${first}`);
  return new InputError('corrupt', `${what}: ${first}`);
}

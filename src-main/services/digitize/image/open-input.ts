/** Opens any accepted input by what its bytes are, whatever the file is called. */
import { InputError, type InputDocument } from '../types';
import { openPdfInput } from './pdf-input';
import { openRasterInput } from './raster-input';
import { describeUnknown, sniffKind } from './sniff';

/**
 * `_name` is the file's name as the clerk gave it; it is not used to decide the type (a scan saved
 * as .pdf.jpg, or a .jpg that is really a Word file, are common at the counter).
 */
export async function openInput(bytes: Buffer, _name: string): Promise<InputDocument> {
  if (bytes.length === 0) throw new InputError('empty', 'the file has 0 bytes');
  const kind = sniffKind(bytes);
  if (kind === null) throw new InputError('wrong-type', `not an image or a PDF: ${describeUnknown(bytes)}`);
  // sharp's prebuilt libvips has no BMP loader (it would need ImageMagick).
  if (kind === 'bmp') throw new InputError('wrong-type', 'BMP images cannot be read here; save the scan as JPEG, PNG or TIFF');
  return kind === 'pdf' ? openPdfInput(bytes) : openRasterInput(bytes, kind);
}

/**
 * zxing-wasm (ZXing-C++ compiled to WebAssembly, reader build) loaded from the local package. Its
 * default locateFile points at a CDN and, under Node, Emscripten would fetch() it: the app must work
 * with no network, so the wasm bytes are read from disk and handed over as `wasmBinary`, which makes
 * Emscripten skip every fetch.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';

/**
 * Where zxing_reader.wasm is. In the packaged app the package sits in app.asar and electron-builder
 * unpacks `*.wasm` to app.asar.unpacked (electron-builder.yml), so the unpacked copy is preferred.
 */
export function zxingWasmPath(): string {
  return preferUnpacked(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
}

/** `…/app.asar/…` → `…/app.asar.unpacked/…` when that file exists; any other path as it is. */
export function preferUnpacked(file: string, exists: (file: string) => boolean = existsSync): string {
  const unpacked = file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return unpacked !== file && exists(unpacked) ? unpacked : file;
}

let ready: Promise<void> | undefined;

/** Instantiates the module once per thread; a failed load is retried on the next call. */
function loadZxing(): Promise<void> {
  ready ??= (async () => {
    const wasm = await readFile(zxingWasmPath());
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** An 8-bit grey image, top-left origin, one byte per pixel. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** QR codes only (faster, fewer false finds); the library's thorough defaults otherwise. */
const OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a result. CCCD codes carry UTF-8 in byte mode without an ECI marker, and ZXing then
 * guesses the character set (a short Vietnamese name can look like Shift_JIS or Latin-1), so the
 * raw bytes are decoded as UTF-8 here; with an ECI, or bytes that are not UTF-8, ZXing's text stands.
 */
function resultText(result: ReadResult): string {
  if (!result.hasECI) {
    try {
      return utf8.decode(result.bytes);
    } catch {
      // Not UTF-8 (an old Latin-1 code): ZXing's own decoding below.
    }
  }
  return result.text;
}

/** Every QR code ZXing finds in the image, as text (valid symbols only). */
export async function decodeGrey(image: GreyImage): Promise<string[]> {
  await loadZxing();
  // The wasm API takes RGBA pixels and turns them back into grey with (306R + 601G + 117B + 512) >> 10,
  // which returns the same grey value for R = G = B.
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
    const v = image.data[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
  }
  const results = await readBarcodes({ data: rgba, width: image.width, height: image.height } as ImageData, OPTIONS);
  return results.filter((r) => r.isValid).map(resultText);
}

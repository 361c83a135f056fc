/** Where the reader's WebAssembly comes from: the local package, or its unpacked copy in the app. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preferUnpacked, zxingWasmPath } from '../../../../src-main/services/digitize/qr/zxing';

describe('zxingWasmPath', () => {
  it('is the reader build’s wasm file in node_modules, a real WebAssembly module', () => {
    const file = zxingWasmPath();
    expect(file.replace(/\\/g, '/')).toMatch(/node_modules\/zxing-wasm\/dist\/reader\/zxing_reader\.wasm$/);
    expect([...readFileSync(file).subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
  });

  it('prefers the copy electron-builder unpacks from app.asar, when it is there', () => {
    const posix = '/opt/motcua/resources/app.asar/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';
    const win = 'C:\\Program Files\\motcua\\resources\\app.asar\\node_modules\\zxing-wasm\\dist\\reader\\zxing_reader.wasm';
    expect(preferUnpacked(posix, () => true)).toBe('/opt/motcua/resources/app.asar.unpacked/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
    expect(preferUnpacked(win, () => true)).toBe('C:\\Program Files\\motcua\\resources\\app.asar.unpacked\\node_modules\\zxing-wasm\\dist\\reader\\zxing_reader.wasm');
    expect(preferUnpacked(posix, () => false)).toBe(posix);
    const dev = '/work/main/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';
    expect(preferUnpacked(dev, () => true)).toBe(dev);
  });
});

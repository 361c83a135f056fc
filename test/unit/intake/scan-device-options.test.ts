/**
 * Reading a scanner's own option names from `scanimage -A` (samples in the formats of the test,
 * epson2, fujitsu, brscan and airscan backends) and mapping our modes and the feeder onto them.
 */
import { describe, expect, it } from 'vitest';
import { feederArgs, modeArgs, parseDeviceOptions, resolutionArg } from '../../../src-main/services/intake/scan-device-options';
import { classifyScanFailure, lastErrorLine } from '../../../src-main/services/intake/scan-errors';
import { parseDeviceList } from '../../../src-main/services/intake/scanners';

const device = (...lines: string[]) => parseDeviceOptions(['All options specific to device `x\':', ...lines.map((l) => `    ${l}`)].join('\n'));

const testBackend = device(
  '--mode Gray|Color [Gray]',
  '--depth 1|8|16 [8]',
  '--hand-scanner[=(yes|no)] [no]',
  '--resolution 1..1200dpi (in steps of 1) [50]',
  '--source Flatbed|Automatic Document Feeder [Flatbed]',
);
const epson = device('--mode Lineart|Gray|Color [Lineart]', '--resolution 75|150|300|600|1200dpi [75]', '--source Flatbed [Flatbed]');
const fujitsu = device('--source ADF Front|ADF Back|ADF Duplex [ADF Front]', '--mode Lineart|Halftone|Gray|Color [Lineart]', '--resolution 50..600dpi (in steps of 1) [600]');
const brother = device('--mode Black & White|Gray[Error Diffusion]|True Gray|24bit Color|24bit Color[Fast] [24bit Color[Fast]]', '--source FlatBed|Automatic Document Feeder(left aligned) [FlatBed]');
const airscan = device('--mode Color|Gray [Color]', '--source Flatbed|ADF Duplex|ADF [Flatbed]', '--resolution 100|200|300|600dpi [300]');
const greyOnly = device('--mode 16bits Gray|Gray [Gray]');

describe('scanner options', () => {
  it('maps Color, Gray and Lineart onto each backend’s names', () => {
    expect(modeArgs(testBackend, 'Color')).toEqual({ args: ['--mode=Color'] });
    expect(modeArgs(testBackend, 'Lineart')).toEqual({ args: ['--mode=Gray', '--depth=1'] });
    expect(modeArgs(epson, 'Lineart')).toEqual({ args: ['--mode=Lineart'] });
    expect(modeArgs(fujitsu, 'Gray')).toEqual({ args: ['--mode=Gray'] });
    expect(modeArgs(brother, 'Lineart')).toEqual({ args: ['--mode=Black & White'] });
    expect(modeArgs(brother, 'Gray')).toEqual({ args: ['--mode=True Gray'] });
    expect(modeArgs(brother, 'Color')).toEqual({ args: ['--mode=24bit Color'] });
    expect(modeArgs(airscan, 'Lineart')).toEqual({ args: ['--mode=Gray'] });
    expect(modeArgs(greyOnly, 'Gray')).toEqual({ args: ['--mode=Gray'] });
    expect(modeArgs(greyOnly, 'Color')).toHaveProperty('unsupported');
    expect(modeArgs(device('--resolution 75|150dpi [75]'), 'Color')).toEqual({ args: [] });
  });

  it('picks the simplex feeder, and knows a flatbed-only scanner', () => {
    expect(feederArgs(testBackend)).toEqual({ kind: 'feeder', args: ['--source=Automatic Document Feeder'] });
    expect(feederArgs(fujitsu)).toEqual({ kind: 'feeder', args: ['--source=ADF Front'] });
    expect(feederArgs(airscan)).toEqual({ kind: 'feeder', args: ['--source=ADF'] });
    expect(feederArgs(brother)).toEqual({ kind: 'feeder', args: ['--source=Automatic Document Feeder(left aligned)'] });
    expect(feederArgs(epson)).toEqual({ kind: 'flatbed-only' });
    expect(feederArgs(device('--mode Gray [Gray]'))).toEqual({ kind: 'no-source-option' });
  });

  it('snaps to a listed resolution and leaves ranges to the backend', () => {
    expect(resolutionArg(epson, 200)).toEqual(['--resolution=150']);
    expect(resolutionArg(airscan, 300)).toEqual(['--resolution=300']);
    expect(resolutionArg(fujitsu, 333)).toEqual(['--resolution=333']);
    expect(resolutionArg(device('--mode Gray [Gray]'), 100)).toEqual(['--resolution=100']);
  });

  it('reads the formatted device list and classifies scanimage’s own error lines', () => {
    const sep = '\x1f';
    expect(parseDeviceList(`airscan:e0:HP Color LaserJet${sep}eSCL${sep}HP Color LaserJet MFP${sep}ip=192.168.1.9\nnoise\n`)).toEqual([
      { name: 'airscan:e0:HP Color LaserJet', vendor: 'eSCL', model: 'HP Color LaserJet MFP', type: 'ip=192.168.1.9' },
    ]);
    expect(classifyScanFailure(1, 'scanimage: open of device nonexist failed: Invalid argument\n')).toBe('not-found');
    expect(classifyScanFailure(1, 'scanimage: open of device epson2:libusb:001:004 failed: Device busy\n')).toBe('busy');
    expect(classifyScanFailure(1, 'scanimage: setting of option --mode failed (Invalid argument)\n')).toBe('invalid-option');
    expect(classifyScanFailure(7, 'scanimage: sane_start: Document feeder out of documents\n')).toBe('feeder-empty');
    expect(classifyScanFailure(8, '')).toBe('cover-open');
    expect(classifyScanFailure(134, 'scanimage: scanimage.c:1446: scan_it: Assertion failed.\n')).toBe('failed');
    expect(lastErrorLine('Scanning page 1\nscanimage: sane_read: Document feeder jammed\nScanned page 1. (scanner status = 6)\n')).toBe(
      'scanimage: sane_read: Document feeder jammed',
    );
  });
});

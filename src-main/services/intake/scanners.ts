/** The SANE scanners this workstation can reach (máy quét), as `scanimage` lists them. */
import type { ScannerDevice } from '../../../src-shared/contract/digitize';
import { ScanError, lastErrorLine, scanErrorMessage } from './scan-errors';
import { runScanimage, type ScanimageCall } from './scanimage-run';

export interface ScannerList {
  available: boolean;
  devices: ScannerDevice[];
  problem: string | null;
}

// Fields separated by the ASCII unit separator: names, vendors and models contain spaces.
const SEP = '\x1f';
const FORMAT = `%d${SEP}%v${SEP}%m${SEP}%t%n`;

/** Listing probes USB and the network (eSCL, airscan): a few seconds is normal, a minute is not. */
const LIST_TIMEOUT_MS = 60_000;

/** One message for both UI languages: the Vietnamese first, the English for support in brackets. */
export const bilingual = (vi: string, en: string) => `${vi} (${en})`;

export function parseDeviceList(stdout: string): ScannerDevice[] {
  const devices: ScannerDevice[] = [];
  for (const line of stdout.split('\n')) {
    const [name, vendor = '', model = '', type = ''] = line.split(SEP);
    if (!name?.trim() || line.indexOf(SEP) < 0) continue;
    devices.push({ name: name.trim(), vendor: vendor.trim(), model: model.trim(), type: type.trim() });
  }
  return devices;
}

/**
 * Never throws: SANE missing → available false with the reason, Vietnamese first. The `test`
 * virtual device appears only when enabled in SANE's dll.conf (tests point SANE_CONFIG_DIR at one).
 */
export async function listScanners(call: Omit<ScanimageCall, 'signal'> = {}): Promise<ScannerList> {
  try {
    const run = await runScanimage(['-f', FORMAT], { timeoutMs: LIST_TIMEOUT_MS, ...call });
    if (run.timedOut) {
      const m = scanErrorMessage('timeout');
      return { available: true, devices: [], problem: bilingual(m.messageVi, m.messageEn) };
    }
    const devices = parseDeviceList(run.stdout);
    if (run.code !== 0 && devices.length === 0) {
      const m = scanErrorMessage('failed');
      return { available: true, devices, problem: bilingual(m.messageVi, `${m.messageEn} ${lastErrorLine(run.stderr)}`.trim()) };
    }
    const problem = devices.length
      ? null
      : bilingual(
          'Không tìm thấy máy quét nào. Hãy kiểm tra máy quét đã bật và đã cắm cáp hoặc nối mạng.',
          'No scanner found. Check that the scanner is switched on and connected.',
        );
    return { available: true, devices, problem };
  } catch (error) {
    const code = error instanceof ScanError ? error.code : 'failed';
    const m = scanErrorMessage(code);
    return { available: code !== 'unavailable', devices: [], problem: bilingual(m.messageVi, m.messageEn) };
  }
}

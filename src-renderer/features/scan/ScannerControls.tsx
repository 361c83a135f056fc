import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCAN_MODES, type ScanOptions } from '../../../src-shared/contract/digitize';
import type { MethodResponse } from '../../../src-shared/contract/desktop';
import { desktop } from '../../bridge';
import type { AddOutcome } from '../../digitize/batch-actions';
import { DEFAULT_RESOLUTION, SCAN_RESOLUTIONS, scanPages } from '../../digitize/scanner';

type ScannerList = MethodResponse<'scanner.list'>;

/**
 * The counter's scanner (SANE). Looked for only when the clerk opens this part: listing devices
 * takes seconds. Without SANE the reason is shown as information, not as an error.
 */
export function ScannerControls({ batchId, componentId, onScanned, run }: { batchId: string; componentId: string; onScanned: (outcome: AddOutcome) => void; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ScannerList | null>(null);
  const [looking, setLooking] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const [options, setOptions] = useState<Omit<ScanOptions, 'device'> & { device: string }>({ device: '', resolution: DEFAULT_RESOLUTION, mode: 'Color', batch: false });

  const look = () =>
    run(async () => {
      setLooking(true);
      try {
        const found = await desktop().invoke('scanner.list', {});
        setList(found);
        setOptions((o) => ({ ...o, device: found.devices.some((d) => d.name === o.device) ? o.device : (found.devices[0]?.name ?? '') }));
      } finally {
        setLooking(false);
      }
    });

  const scan = () =>
    run(async () => {
      setScanning(true);
      setScanProblem(null);
      try {
        const { problem, ...outcome } = await scanPages(batchId, componentId, options);
        setScanProblem(problem);
        onScanned(outcome);
      } finally {
        setScanning(false);
      }
    });

  return (
    <details
      className="scanner"
      data-testid="scanner"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !list && !looking) void look();
      }}
    >
      <summary>{t('scan.scanner.title')}</summary>
      {looking && <p className="muted">{t('scan.scanner.looking')}</p>}
      {/* The Node side says what is wrong (no SANE, no device, a timeout) in both languages. */}
      {list && (list.problem || list.devices.length === 0) && (
        <p className="muted" role="status" data-testid="scanner-problem">
          {list.problem ? t('scan.scanner.unavailable', { problem: list.problem }) : t('scan.scanner.none')}
        </p>
      )}
      {list?.available && list.devices.length > 0 && (
        <div className="row">
          <label>
            {t('scan.scanner.device')}
            <select value={options.device} onChange={(e) => setOptions({ ...options, device: e.target.value })}>
              {list.devices.map((d) => (
                <option key={d.name} value={d.name}>
                  {[d.vendor, d.model].filter(Boolean).join(' ') || d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scan.scanner.resolution')}
            <select value={options.resolution} onChange={(e) => setOptions({ ...options, resolution: Number(e.target.value) })}>
              {SCAN_RESOLUTIONS.map((dpi) => (
                <option key={dpi} value={dpi}>
                  {t('scan.scanner.dpi', { dpi })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scan.scanner.mode')}
            <select value={options.mode} onChange={(e) => setOptions({ ...options, mode: e.target.value as ScanOptions['mode'] })}>
              {SCAN_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`scan.scanner.modes.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={options.batch} onChange={(e) => setOptions({ ...options, batch: e.target.checked })} />
            {t('scan.scanner.feeder')}
          </label>
        </div>
      )}
      {scanProblem && (
        <p className="error" role="alert" data-testid="scan-problem">
          {scanProblem}
        </p>
      )}
      <div className="actions">
        {list?.available && list.devices.length > 0 && (
          <button type="button" disabled={scanning || !options.device} onClick={() => void scan()}>
            {scanning ? t('scan.scanner.scanning') : t('scan.scanner.scan')}
          </button>
        )}
        {list && (
          <button type="button" className="secondary" disabled={looking} onClick={() => void look()}>
            {t('scan.scanner.refresh')}
          </button>
        )}
      </div>
    </details>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitizePage } from '../../../src-shared/contract/digitize';
import { movePage, removePages, retryPage, rotatePage, setPageComponent } from '../../digitize/batch-actions';
import { canRetry } from '../../digitize/pages';
import { PageStatus } from './PageStatus';
import { PageThumb } from './PageThumb';
import { useScanText } from './use-scan-text';

export interface ComponentOption {
  id: string;
  name: string;
}

interface Props {
  batchId: string;
  page: DigitizePage;
  /** 0-based place in the batch. */
  index: number;
  count: number;
  components: ComponentOption[];
  selected: boolean;
  onOpen: () => void;
  /** Runs a contract call, reporting a failure to the panel. */
  run: (work: () => Promise<unknown>) => Promise<void>;
}

/** One page of the batch: its image, source, component, state and what can be done with it. */
export function PageRow({ batchId, page, index, count, components, selected, onOpen, run }: Props) {
  const { t } = useTranslation();
  const text = useScanText();
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLTableRowElement>(null);
  const n = index + 1;
  // React moves the row's node to its new place, which drops the focus: give it back to the same button.
  // A macrotask later: React has rendered the new order by then, so `disabled` is current.
  const move = (delta: -1 | 1, name: string) =>
    void run(() => movePage(batchId, page.id, delta)).then(() =>
      setTimeout(() => {
        const button = row.current?.querySelector<HTMLButtonElement>(`button[data-move="${name}"]`);
        (button && !button.disabled ? button : row.current?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
      }),
    );
  return (
    <tr ref={row} data-page-id={page.id} data-testid="batch-page" aria-selected={selected || undefined}>
      <td>{n}</td>
      <td>
        <PageThumb batchId={batchId} page={page} label={t('scan.list.view', { n })} onOpen={onOpen} selected={selected} />
      </td>
      <td data-testid="page-source">{text.source(page.source)}</td>
      <td>
        <select aria-label={t('scan.list.componentOf', { n })} value={page.componentId} onChange={(e) => void run(() => setPageComponent(batchId, page.id, e.target.value))}>
          {components.map((c) => (
            <option key={c.id || 'other'} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <PageStatus page={page} />
        {page.blank && (
          <p className="blank" data-testid="blank-page">
            <span className="pill warn">{t('scan.list.blank')}</span> <span className="muted">{t('scan.list.blankHint')}</span>
          </p>
        )}
      </td>
      <td data-testid="page-confidence">
        {page.confidence !== null && `${Math.round(page.confidence)} %`}
        {page.lowConfidenceWords ? <div className="muted">{t('scan.list.lowWords', { count: page.lowConfidenceWords })}</div> : null}
      </td>
      <td>
        {confirming ? (
          <div className="page-actions" role="group" aria-label={t('scan.list.confirmRemove')}>
            <span>{t('scan.list.confirmRemove')}</span>
            <button type="button" className="danger" onClick={() => void run(() => removePages(batchId, [page.id]))}>
              {t('scan.list.confirmYes')}
            </button>
            {/* Focus lands on "keep": Enter pressed twice never deletes. */}
            <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('scan.list.keep')}
            </button>
          </div>
        ) : (
          <div className="page-actions">
            <button type="button" className="secondary icon" aria-label={t('scan.list.up', { n })} title={t('scan.list.up', { n })} data-move="up" disabled={index === 0} onClick={() => move(-1, 'up')}>
              ↑
            </button>
            <button type="button" className="secondary icon" aria-label={t('scan.list.down', { n })} title={t('scan.list.down', { n })} data-move="down" disabled={index === count - 1} onClick={() => move(1, 'down')}>
              ↓
            </button>
            <button type="button" className="secondary icon" aria-label={t('scan.list.rotate', { n })} title={t('scan.list.rotate', { n })} onClick={() => void run(() => rotatePage(batchId, page.id))}>
              ⟳
            </button>
            {canRetry(page) && (
              <button type="button" className="secondary" aria-label={t('scan.list.retryPage', { n })} onClick={() => void run(() => retryPage(batchId, page.id))}>
                {t('scan.list.retry')}
              </button>
            )}
            <button type="button" className="danger" aria-label={t('scan.list.remove', { n })} onClick={() => setConfirming(true)}>
              ✕
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

import { useTranslation } from 'react-i18next';
import type { DigitizeBatch } from '../../../src-shared/contract/digitize';
import { cancelWork } from '../../digitize/batch-actions';
import { hasWork } from '../../digitize/pages';
import { PageRow, type ComponentOption } from './PageRow';

interface Props {
  batch: DigitizeBatch;
  components: ComponentOption[];
  selectedId: string | null;
  onSelect: (pageId: string) => void;
  run: (work: () => Promise<unknown>) => Promise<void>;
  onCancelled: (count: number) => void;
}

/** The batch's pages in the clerk's order, with "Huỷ" for the work still running. */
export function BatchList({ batch, components, selectedId, onSelect, run, onCancelled }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="batch-title" data-testid="batch-list">
      <div className="title-row">
        <h4 id="batch-title">{t('scan.list.title', { count: batch.pages.length })}</h4>
        <button type="button" className="secondary" aria-label={t('scan.list.cancelAll')} disabled={!hasWork(batch)} onClick={() => void run(async () => onCancelled(await cancelWork(batch.id)))}>
          {t('scan.list.cancel')}
        </button>
      </div>
      {batch.pages.length === 0 ? (
        <p className="muted">{t('scan.list.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="list batch">
            <thead>
              <tr>
                <th>{t('scan.list.order')}</th>
                <th>{t('scan.list.image')}</th>
                <th>{t('scan.list.source')}</th>
                <th>{t('scan.list.component')}</th>
                <th>{t('scan.list.state')}</th>
                <th>{t('scan.list.confidence')}</th>
                <th>{t('scan.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {batch.pages.map((page, index) => (
                <PageRow
                  key={page.id}
                  batchId={batch.id}
                  page={page}
                  index={index}
                  count={batch.pages.length}
                  components={components}
                  selected={page.id === selectedId}
                  onOpen={() => onSelect(page.id)}
                  run={run}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import { takeFromInbox } from '../../digitize/batch-actions';
import { useBatch } from '../../digitize/batch-store';
import { InboxPages } from './InboxPages';
import type { ComponentOption } from './PageRow';
import { ComponentSelect } from './ComponentSelect';

/** Pages network scanners left in the watched folder, taken into this dossier for one component. */
export function InboxTake({ batchId, components, componentId, run, onTaken }: { batchId: string; components: ComponentOption[]; componentId: string; run: (work: () => Promise<unknown>) => Promise<void>; onTaken: (count: number) => void }) {
  const { t } = useTranslation();
  const { batch } = useBatch(INBOX_BATCH_ID);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState(componentId);
  const count = batch?.pages.length ?? 0;
  const chosen = batch?.pages.filter((p) => selected.has(p.id)).map((p) => p.id) ?? [];

  return (
    <details className="inbox-take" data-testid="inbox-take">
      <summary>
        {t('scan.inbox.title')} ({count})
      </summary>
      {batch && <InboxPages batch={batch} selected={selected} onChange={setSelected} />}
      {count > 0 && (
        <div className="row">
          <ComponentSelect label={t('scan.inbox.takeTo')} value={target} onChange={setTarget} components={components} />
          <div className="actions">
            <button
              type="button"
              disabled={chosen.length === 0}
              onClick={() =>
                void run(async () => {
                  await takeFromInbox(batchId, chosen, target);
                  setSelected(new Set());
                  onTaken(chosen.length);
                })
              }
            >
              {t('scan.inbox.take')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}

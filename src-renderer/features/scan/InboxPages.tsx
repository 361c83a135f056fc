import { useTranslation } from 'react-i18next';
import type { DigitizeBatch } from '../../../src-shared/contract/digitize';
import { InboxTile } from './InboxTile';

/** The inbox's pages as thumbnails the clerk selects (select all, or one by one). */
export function InboxPages({ batch, selected, onChange }: { batch: DigitizeBatch; selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void }) {
  const { t } = useTranslation();
  if (batch.pages.length === 0) return <p className="muted">{t('scan.inbox.empty')}</p>;
  const all = batch.pages.every((p) => selected.has(p.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(e) => onChange(new Set(e.target.checked ? batch.pages.map((p) => p.id) : []))} />
        {t('scan.inbox.selectAll')} ({t('scan.inbox.selected', { count: batch.pages.filter((p) => selected.has(p.id)).length })})
      </label>
      <ul className="inbox-tiles">
        {batch.pages.map((page) => (
          <InboxTile key={page.id} batchId={batch.id} page={page} checked={selected.has(page.id)} onToggle={(on) => toggle(page.id, on)} />
        ))}
      </ul>
    </>
  );
}

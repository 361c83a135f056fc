import { useTranslation } from 'react-i18next';
import type { DigitizePage } from '../../../src-shared/contract/digitize';
import { usePageImage } from '../../digitize/page-image';
import { PageStatus } from './PageStatus';
import { useScanText } from './use-scan-text';

/** A page waiting in the watched folder's inbox: thumbnail, name, state and a checkbox. */
export function InboxTile({ batchId, page, checked, onToggle }: { batchId: string; page: DigitizePage; checked: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation();
  const text = useScanText();
  const url = usePageImage(batchId, page, 'thumb');
  const name = text.source(page.source);
  return (
    <li className="inbox-tile" data-page-id={page.id} data-testid="inbox-page">
      <label>
        <input type="checkbox" checked={checked} aria-label={t('scan.inbox.select', { name })} onChange={(e) => onToggle(e.target.checked)} />
        {url ? <img src={url} alt="" /> : <span className="thumb-empty" aria-hidden="true" />}
        <span className="inbox-name">{name}</span>
      </label>
      <PageStatus page={page} />
      {page.blank && <span className="pill warn">{t('scan.list.blank')}</span>}
    </li>
  );
}

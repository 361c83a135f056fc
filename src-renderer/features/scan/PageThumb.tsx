import type { DigitizePage } from '../../../src-shared/contract/digitize';
import { usePageImage } from '../../digitize/page-image';

/** A page's thumbnail as a button that opens the page; an empty frame until the image is ready. */
export function PageThumb({ batchId, page, label, onOpen, selected }: { batchId: string; page: DigitizePage; label: string; onOpen: () => void; selected?: boolean }) {
  const url = usePageImage(batchId, page, 'thumb');
  return (
    <button type="button" className="thumb" aria-label={label} aria-pressed={selected ?? false} onClick={onOpen}>
      {url ? <img src={url} alt="" /> : <span className="thumb-empty" aria-hidden="true" />}
    </button>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitizePage, OcrPage } from '../../../src-shared/contract/digitize';
import { desktop } from '../../bridge';
import { usePageImage } from '../../digitize/page-image';
import { ErrorAlert } from '../shell/ErrorAlert';
import { OcrText } from './OcrText';
import { useScanText } from './use-scan-text';

/** One page large, beside the text read on it, for the clerk to check. */
export function PageDetail({ batchId, page, n, onClose }: { batchId: string; page: DigitizePage; n: number; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useScanText();
  const image = usePageImage(batchId, page, 'full');
  const [ocr, setOcr] = useState<{ key: string; page: OcrPage } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = page.state === 'done';
  // Read again when the page was read again (turned): its confidence or size changes.
  const key = `${page.id}:${page.rotation}:${page.confidence ?? ''}:${page.width ?? ''}`;

  useEffect(() => heading.current?.focus(), [page.id]);
  useEffect(() => {
    if (!done) return;
    let live = true;
    desktop()
      .invoke('digitize.pageText', { batchId, pageId: page.id })
      .then((o) => {
        if (!live) return;
        setOcr({ key, page: o });
        setError(null);
      })
      .catch((e: Error) => live && setError(t('scan.failed', { message: e.message })));
    return () => {
      live = false;
    };
  }, [batchId, page.id, done, key, t]);

  return (
    <section className="page-detail" aria-labelledby="page-detail-title" data-testid="page-detail">
      <div className="title-row">
        <h4 id="page-detail-title" tabIndex={-1} ref={heading}>
          {t('scan.detail.title', { n, name: text.source(page.source) })}
        </h4>
        <button type="button" className="secondary" onClick={onClose}>
          {t('scan.detail.close')}
        </button>
      </div>
      <div className="page-detail-body">
        <div className="page-image">{image && <img src={image} alt={t('scan.detail.image', { n })} />}</div>
        <div>
          <h5>{t('scan.detail.text')}</h5>
          <ErrorAlert message={error} />
          {!done ? <p className="muted">{t('scan.detail.notYet')}</p> : ocr && ocr.key === key ? <OcrText ocr={ocr.page} /> : <p className="muted">{t('common.loading')}</p>}
        </div>
      </div>
    </section>
  );
}

import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrPage } from '../../../src-shared/contract/digitize';
import { shownLines } from '../../digitize/ocr-view';

/**
 * The text read on a page, line by line: words the OCR was unsure of in <mark>, words the
 * correction changed with the original reading as their title.
 */
export function OcrText({ ocr }: { ocr: OcrPage }) {
  const { t } = useTranslation();
  const lines = shownLines(ocr);
  if (lines.length === 0) return <p className="muted">{t('scan.detail.noText')}</p>;
  return (
    <>
      <p className="muted" data-testid="ocr-summary">
        {t('scan.detail.summary', { confidence: Math.round(ocr.confidence), low: ocr.lowConfidenceWords, corrected: ocr.correctedWords })}
      </p>
      <div className="ocr-text" lang="vi" data-testid="ocr-text">
        {lines.map((words, i) => (
          <p key={i}>
            {words.map((w, j) => {
              const title = [w.low ? t('scan.detail.lowWord', { confidence: w.confidence }) : null, w.ocrText !== null ? t('scan.detail.corrected', { ocr: w.ocrText }) : null]
                .filter(Boolean)
                .join(' · ');
              const word = w.low ? (
                <mark title={title} data-testid="low-word">
                  {w.text}
                </mark>
              ) : w.ocrText !== null ? (
                <span className="corrected" title={title} data-testid="corrected-word">
                  {w.text}
                </span>
              ) : (
                w.text
              );
              return (
                <Fragment key={j}>
                  {j > 0 && ' '}
                  {word}
                </Fragment>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}

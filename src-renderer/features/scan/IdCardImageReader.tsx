import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CccdQrParsed } from '../../../src-shared/domain/applicant/cccd-qr';
import { readIdCardImage, type IdCardReading } from '../../digitize/id-card';
import { useLocalize } from '../../localize';
import { ErrorAlert } from '../shell/ErrorAlert';
import { IMAGE_ACCEPT } from './accepted';
import { CameraCapture } from './CameraCapture';
import { FilePicker } from './FilePicker';
import { IdCardConfirm } from './IdCardConfirm';
import './scan.css';

/**
 * "Đọc mã QR từ ảnh thẻ CCCD": a photo or scan of the chip ID card (chosen, dropped or taken with
 * the camera) is searched for its QR code on this machine; what it says is shown for the clerk to
 * confirm. Nothing is filled in without "Điền vào hồ sơ".
 */
export function IdCardImageReader({ onFill }: { onFill: (card: CccdQrParsed) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<IdCardReading | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function read(image: Blob) {
    setReading(true);
    setResult(null);
    setFailure(null);
    setFilled(null);
    try {
      setResult(await readIdCardImage(image));
    } catch (e) {
      setFailure(t('scan.idCard.failed', { message: (e as Error).message }));
    } finally {
      setReading(false);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const image = event.dataTransfer.files[0];
    if (image && !reading) void read(image);
  }

  const problem = failure ?? (result?.kind === 'no-qr' ? t('scan.idCard.noQr') : result?.kind === 'invalid' ? result.errors.map(localize).join(' ') : null);

  return (
    <div
      className={dragging ? 'id-card-reader dragging' : 'id-card-reader'}
      data-testid="id-card-reader"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="actions">
        <strong>{t('scan.idCard.title')}</strong>
        <FilePicker label={t('scan.idCard.choose')} ariaLabel={t('scan.idCard.chooseLabel')} accept={IMAGE_ACCEPT} disabled={reading} onFiles={(files) => void read(files[0] as File)} />
        <CameraCapture disabled={reading} onCapture={(jpeg) => void read(jpeg)} />
        <span className="muted">{t('scan.idCard.dropHint')}</span>
      </div>
      {reading && <p role="status">{t('scan.idCard.reading')}</p>}
      <ErrorAlert message={problem} />
      {filled && (
        <p role="status" className="ok">
          {filled}
        </p>
      )}
      {result?.kind === 'card' && (
        <IdCardConfirm
          card={result.card}
          onFill={() => {
            onFill(result.card);
            setFilled(t('scan.idCard.filled', { name: result.card.name }));
            setResult(null);
          }}
          onSkip={() => setResult(null)}
        />
      )}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CccdQrParsed } from '../../../src-shared/domain/applicant/cccd-qr';
import { viDate } from '../../../src-shared/domain/applicant/messages';
import { useLocalize } from '../../localize';

/** What the card's QR says, for the clerk to compare with the card before anything is filled in. */
export function IdCardConfirm({ card, onFill, onSkip }: { card: CccdQrParsed; onFill: () => void; onSkip: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const fill = useRef<HTMLButtonElement>(null);
  useEffect(() => fill.current?.focus(), []);
  return (
    <div className="id-card-confirm" role="group" aria-labelledby="id-card-confirm-title" data-testid="id-card-confirm">
      <h4 id="id-card-confirm-title">{t('scan.idCard.confirmTitle')}</h4>
      <p className="muted">{t('scan.idCard.confirmHint')}</p>
      <dl className="facts">
        <dt>{t('scan.idCard.idNumber')}</dt>
        <dd className="code" data-testid="card-id">{card.idNumber}</dd>
        <dt>{t('scan.idCard.name')}</dt>
        <dd data-testid="card-name">{card.name}</dd>
        <dt>{t('scan.idCard.birthDate')}</dt>
        <dd>{viDate(card.birthDate)}</dd>
        <dt>{t('scan.idCard.gender')}</dt>
        <dd>{t(`applicant.${card.gender}`)}</dd>
        <dt>{t('scan.idCard.address')}</dt>
        <dd>{card.address}</dd>
        <dt>{t('scan.idCard.issueDate')}</dt>
        <dd>{viDate(card.issueDate)}</dd>
        {card.warnings.length > 0 && (
          <>
            <dt>{t('scan.idCard.warnings')}</dt>
            <dd>
              <ul>
                {card.warnings.map((w) => (
                  <li key={w.code}>{localize(w)}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button type="button" ref={fill} onClick={onFill}>
          {t('scan.idCard.fill')}
        </button>
        <button type="button" className="secondary" onClick={onSkip}>
          {t('scan.idCard.skip')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { DigitizePage } from '../../../src-shared/contract/digitize';
import { isWorking, percent } from '../../digitize/pages';
import { useScanText } from './use-scan-text';

/** A page's state: a progress bar while it is worked on, the reason when it failed. */
export function PageStatus({ page }: { page: DigitizePage }) {
  const { t } = useTranslation();
  const text = useScanText();
  const label = page.state === 'ocr' ? t('scan.state.ocr', { percent: percent(page.progress) }) : t(`scan.state.${page.state}`);
  return (
    <div className="page-status" data-testid="page-state" data-state={page.state}>
      <span>{label}</span>
      {isWorking(page) && (
        // No value while queued: an indeterminate bar says "waiting", not "0 % done".
        <progress max={1} aria-label={label} {...(page.state === 'queued' ? {} : { value: page.progress })} />
      )}
      {page.error && (
        <span className="field-error" role="alert">
          {text.pageError(page)}
        </span>
      )}
    </div>
  );
}

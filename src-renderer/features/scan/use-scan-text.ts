/** Localised texts the scan screens share: where a page came from, why it or a file was refused. */
import { useTranslation } from 'react-i18next';
import type { DigitizePage } from '../../../src-shared/contract/digitize';
import { inputErrorMessage } from '../../../src-shared/domain/digitize/messages';
import type { Refusal } from '../../digitize/batch-actions';
import { ADD_MAX_BYTES } from '../../digitize/batch-actions';
import { useLocalize } from '../../localize';

const MB = Math.floor(ADD_MAX_BYTES / 1024 / 1024);

export function useScanText() {
  const { t } = useTranslation();
  const localize = useLocalize();
  /** `scan.tif · trang 3` for the 3rd page of a file; the bare name for a one-page file. */
  const source = (s: DigitizePage['source']) => (s.page > 0 ? `${s.name} · ${t('scan.list.page', { n: s.page + 1 })}` : s.name);
  return {
    source,
    refusal: (r: Refusal) => (r.code === 'file-too-large' ? t('scan.fileTooLarge', { name: r.name, max: MB }) : localize(inputErrorMessage(r.code, r.name))),
    pageError: (p: DigitizePage) => (p.error ? localize(inputErrorMessage(p.error.code, source(p.source))) : ''),
  };
}

import { useTranslation } from 'react-i18next';
import { remainingFor, type IssuerState } from '../../../src-shared/domain/dossier-code/allocator';
import { compileFormat } from '../../../src-shared/domain/dossier-code/format';
import { DEFAULT_CODE_FORMAT } from '../../../src-shared/contract/reference-api';
import { CODE_FORMAT_KEY, CODE_ISSUER_KEY, type CodeFormatSetting } from '../../dossiers/issuer-store';
import { useObservable, useVnToday } from '../../hooks';
import { useWorkspace } from '../../workspace-context';

/** Warn before this many: the workstation should go online for more numbers. */
const LOW = 20;

/** How many dossier codes this workstation can still issue today, offline. */
export function NumbersLeft() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const today = useVnToday();
  const issuer = useObservable(() => ws.db.settings.findOne(CODE_ISSUER_KEY).$, null, [ws]);
  const format = useObservable(() => ws.db.settings.findOne(CODE_FORMAT_KEY).$, null, [ws]);
  const state = issuer?.value as IssuerState | undefined;
  let count = 0;
  if (state && state.holder === ws.holder) {
    const setting = format?.value as CodeFormatSetting | undefined;
    count = remainingFor(state, ws.user.agencyId, today, compileFormat(setting?.format ?? DEFAULT_CODE_FORMAT).maxSequence);
  }
  return (
    <p className={count < LOW ? 'pill warn' : 'pill ok'} data-testid="numbers-left" data-count={count}>
      {count === 0 ? t('reception.noNumbers') : t('reception.numbersLeft', { count })}
    </p>
  );
}

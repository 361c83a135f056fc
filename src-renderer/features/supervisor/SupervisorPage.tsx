import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../workspace-context';
import { DayReview } from './DayReview';
import { IndicatorsView } from './IndicatorsView';
import { useFacts } from './use-facts';

type Tab = 'review' | 'indicators';

/** Giám sát: the supervisor's day review with sign-off, and the service-quality indicators. */
export function SupervisorPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { facts, progress } = useFacts();
  const [tab, setTab] = useState<Tab>('review');
  if (!ws.facts) return <p role="alert">{t('supervisor.notAllowed')}</p>;
  return (
    <section data-testid="supervisor" data-ready={progress.ready}>
      <h1>{t('supervisor.title')}</h1>
      <div className="row" role="tablist">
        {(['review', 'indicators'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === tab} className={k === tab ? '' : 'secondary'} onClick={() => setTab(k)}>
            {t(`supervisor.tabs.${k}`)}
          </button>
        ))}
      </div>
      {!progress.ready && <p className="muted" role="status">{t('supervisor.preparing', { count: progress.read })}</p>}
      {progress.error && <p role="alert" className="error">{t('supervisor.factsFailed', { message: progress.error })}</p>}
      {tab === 'review' ? <DayReview facts={facts} /> : <IndicatorsView facts={facts} />}
    </section>
  );
}

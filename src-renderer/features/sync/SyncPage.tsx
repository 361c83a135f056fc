import { useTranslation } from 'react-i18next';
import { useObservable } from '../../hooks';
import { useWorkspace } from '../../workspace-context';
import { useSyncStatus } from '../../store/sync-status';
import type { ReplicatedCollection } from '../../../src-shared/contract/documents';
import { ConflictList } from './ConflictList';
import { OutboxList } from './OutboxList';

/** Replication state per collection, conflicts for a person, the outbox, and "sync now". */
export function SyncPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { pending, rejected } = useSyncStatus();
  return (
    <section>
      <h1>{t('syncPage.title')}</h1>
      <p>
        {t('status.pending', { count: pending })} · {t('syncState.rejected')}: {rejected}
      </p>
      <table className="list">
        <thead>
          <tr>
            <th>{t('syncPage.collection')}</th>
            <th>{t('syncPage.state')}</th>
            <th>{t('syncPage.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {[...ws.replication.states.entries()].map(([name, state]) => (
            <CollectionRow key={name} name={name} state={state} />
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => ws.replication.resync()}>{t('syncPage.retryNow')}</button>
      <ConflictList />
      <OutboxList />
    </section>
  );
}

type State = ReturnType<typeof useWorkspace>['replication']['states'] extends Map<unknown, infer S> ? S : never;

function CollectionRow({ name, state }: { name: ReplicatedCollection; state: State }) {
  const { t } = useTranslation();
  const active = useObservable(() => state.active$, false, [state]);
  const error = useObservable(() => state.error$, null as Error | null, [state]);
  return (
    <tr>
      <td>{t(`syncPage.collections.${name}`)}</td>
      <td>{state.isStopped() ? t('syncPage.stopped') : active ? t('syncPage.active') : t('syncPage.idle')}</td>
      <td className="muted">{error?.message ?? ''}</td>
    </tr>
  );
}

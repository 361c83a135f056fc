import { useTranslation } from 'react-i18next';
import type { DossierEventDoc } from '../../../src-shared/contract/documents';
import type { DossierStatus } from '../../../src-shared/domain/dossier-status';
import { vnDateTimeText } from '../../format';

/** The dossier's history (the control slip on screen): every event, oldest first. */
export function Timeline({ events }: { events: DossierEventDoc[] }) {
  const { t } = useTranslation();
  return (
    <table className="list" data-testid="timeline">
      <thead>
        <tr>
          <th>{t('timeline.at')}</th>
          <th>{t('timeline.action')}</th>
          <th>{t('timeline.status')}</th>
          <th>{t('timeline.by')}</th>
          <th>{t('timeline.details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-event-type={e.type}>
            <td>{vnDateTimeText(e.at)}</td>
            <td>{t(`actions.${e.type}`)}</td>
            <td>
              {e.from ? `${t(`statusName.${e.from as DossierStatus}`)} → ` : ''}
              {t(`statusName.${e.to as DossierStatus}`)}
            </td>
            <td>{e.by}</td>
            <td>{details(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function details(e: DossierEventDoc): string {
  const parts: string[] = [];
  if (e.reason) parts.push(e.reason);
  const missing = e.data.missing as { name: string; reason?: string }[] | undefined;
  if (missing?.length) parts.push(missing.map((m) => (m.reason ? `${m.name} (${m.reason})` : m.name)).join('; '));
  if (typeof e.data.to === 'string' && e.type === 'transferred') parts.push(e.data.to);
  if (typeof e.data.signedBy === 'string') parts.push(e.data.signedBy);
  if (typeof e.data.appointmentAt === 'number' && e.data.appointmentAt) parts.push(vnDateTimeText(e.data.appointmentAt));
  if (typeof e.data.code === 'string') parts.push(e.data.code);
  return parts.join(' · ');
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktop } from '../../bridge';
import { useSettings } from '../../hooks';
import type { MethodResponse } from '../../../src-shared/contract/desktop';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { AgencyProfileForm } from './AgencyProfileForm';
import { EnrollmentForm } from './EnrollmentForm';
import { KnownUsers, LockSettings } from '../lock/LockSettings';
import { WatchFolderSettings } from '../scan/WatchFolderSettings';
import { canReceive } from '../../supervisor/roles';
import { useWorkspace } from '../../workspace-context';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const ws = useWorkspace();
  const [info, setInfo] = useState<MethodResponse<'app.info'> | null>(null);
  useEffect(() => {
    void desktop().invoke('app.info', {}).then(setInfo);
  }, []);
  if (!settings) return <p>{t('common.loading')}</p>;
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <dl className="facts">
        <dt>{t('settings.language')}</dt>
        <dd><LanguageSwitch /></dd>
        <dt>{t('settings.portalUrl')}</dt>
        <dd>{settings.portalUrl}</dd>
        <dt>{t('settings.workstation')}</dt>
        <dd><code>{settings.workstationId}</code></dd>
        <dt>{t('settings.version')}</dt>
        <dd>{info ? `${info.version} (${info.host}, ${info.platform})` : '…'}</dd>
      </dl>
      <LockSettings settings={settings} />
      <KnownUsers />
      <EnrollmentForm />
      <AgencyProfileForm />
      {/* The scan folder feeds digitisation, which only counters do. */}
      {canReceive(ws.user.role) && <WatchFolderSettings />}
    </section>
  );
}

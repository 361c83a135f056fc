import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../workspace-context';
import { StatusBar } from './StatusBar';
import { LanguageSwitch } from './LanguageSwitch';
import { ReceptionPage } from '../reception/ReceptionPage';
import { SyncPage } from '../sync/SyncPage';
import { SettingsPage } from '../settings/SettingsPage';
import { PlaceholderPage } from '../placeholder/PlaceholderPage';

const AREAS = ['reception', 'scan', 'ledger', 'supervisor', 'sync', 'settings'] as const;
type Area = (typeof AREAS)[number];

export function AppShell({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation();
  const { user } = useWorkspace();
  const [area, setArea] = useState<Area>('reception');

  return (
    <div className="shell">
      <header className="topbar">
        <strong>{t('app.title')}</strong>
        <span className="muted">{user.agencyId}</span>
        <StatusBar />
        <span className="spacer" />
        <LanguageSwitch />
        <span data-testid="current-user">{user.displayName || user.username}</span>
        <button type="button" className="link" onClick={onLogout}>{t('login.logout')}</button>
      </header>
      <nav className="sidebar" aria-label="main">
        {AREAS.map((a) => (
          <button key={a} type="button" aria-current={a === area ? 'page' : undefined} onClick={() => setArea(a)}>
            {t(`nav.${a}`)}
          </button>
        ))}
      </nav>
      <main className="content">
        {area === 'reception' && <ReceptionPage />}
        {area === 'sync' && <SyncPage />}
        {area === 'settings' && <SettingsPage />}
        {(area === 'scan' || area === 'ledger' || area === 'supervisor') && <PlaceholderPage area={area} />}
      </main>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../workspace-context';
import { AREAS, useNavigation } from '../../store/navigation';
import { StatusBar } from './StatusBar';
import { LanguageSwitch } from './LanguageSwitch';
import { ReceptionPage } from '../reception/ReceptionPage';
import { SearchPage } from '../search/SearchPage';
import { LedgerPage } from '../ledger/LedgerPage';
import { DossierView } from '../dossier/DossierView';
import { SyncPage } from '../sync/SyncPage';
import { SettingsPage } from '../settings/SettingsPage';
import { PlaceholderPage } from '../placeholder/PlaceholderPage';

export function AppShell({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation();
  const { user } = useWorkspace();
  const { area, dossierId, resume, go, close, resumeAtCounter } = useNavigation();

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
          <button key={a} type="button" aria-current={a === area ? 'page' : undefined} onClick={() => go(a)}>
            {t(`nav.${a}`)}
          </button>
        ))}
      </nav>
      <main className="content">
        {dossierId && <DossierView dossierId={dossierId} onClose={close} onResume={resumeAtCounter} />}
        {/* Hidden, not unmounted, under an open dossier: the search, filters and form keep their state. */}
        <div hidden={Boolean(dossierId)}>
          {/* A resumed dossier gets a fresh form: the key remounts the page. */}
          {area === 'reception' && <ReceptionPage key={resume?.id ?? 'new'} {...(resume ? { resume } : {})} />}
          {area === 'search' && <SearchPage />}
          {area === 'ledger' && <LedgerPage />}
          {area === 'sync' && <SyncPage />}
          {area === 'settings' && <SettingsPage />}
          {(area === 'scan' || area === 'supervisor') && <PlaceholderPage area={area} />}
        </div>
      </main>
    </div>
  );
}

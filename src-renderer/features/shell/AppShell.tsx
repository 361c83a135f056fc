import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../workspace-context';
import { useNavigation } from '../../store/navigation';
import { StatusBar } from './StatusBar';
import { LanguageSwitch } from './LanguageSwitch';
import { SessionControls } from '../login/SessionControls';
import { ReceptionPage } from '../reception/ReceptionPage';
import { SearchPage } from '../search/SearchPage';
import { LedgerPage } from '../ledger/LedgerPage';
import { DossierView } from '../dossier/DossierView';
import { SyncPage } from '../sync/SyncPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ScanPage } from '../scan/ScanPage';
import { SupervisorPage } from '../supervisor/SupervisorPage';
import { areasFor } from '../../supervisor/roles';

export function AppShell({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation();
  const { user } = useWorkspace();
  const { area, dossierId, resume, go, close, resumeAtCounter } = useNavigation();
  const areas = areasFor(user.role);
  const current = areas.includes(area) ? area : areas[0];
  // A role lands on its first area (a supervisor on the review), never on one it may not use.
  useEffect(() => {
    if (!areas.includes(area)) go(areas[0] ?? 'search');
  }, [areas, area, go]);

  return (
    <div className="shell">
      <header className="topbar">
        <strong>{t('app.title')}</strong>
        <span className="muted">{user.agencyId}</span>
        <StatusBar />
        <span className="spacer" />
        <LanguageSwitch />
        <SessionControls onSignOut={onLogout} />
      </header>
      <nav className="sidebar" aria-label="main">
        {areas.map((a) => (
          <button key={a} type="button" aria-current={a === current ? 'page' : undefined} onClick={() => go(a)}>
            {t(`nav.${a}`)}
          </button>
        ))}
      </nav>
      <main className="content">
        {dossierId && <DossierView dossierId={dossierId} onClose={close} onResume={resumeAtCounter} />}
        {/* Hidden, not unmounted, under an open dossier: the search, filters and form keep their state. */}
        <div hidden={Boolean(dossierId)}>
          {/* A resumed dossier gets a fresh form: the key remounts the page. */}
          {current === 'reception' && <ReceptionPage key={resume?.id ?? 'new'} {...(resume ? { resume } : {})} />}
          {current === 'search' && <SearchPage />}
          {current === 'ledger' && <LedgerPage />}
          {current === 'sync' && <SyncPage />}
          {current === 'settings' && <SettingsPage />}
          {current === 'supervisor' && <SupervisorPage />}
          {current === 'scan' && <ScanPage />}
        </div>
      </main>
    </div>
  );
}

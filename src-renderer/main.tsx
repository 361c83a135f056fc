import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desktop } from './bridge';
import { i18n } from './i18n';
import { App } from './App';
import './styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const settings = await desktop().invoke('settings.get', {});
    await i18n.changeLanguage(settings.language);
    root.render(
      <StrictMode>
        <App portalUrl={settings.portalUrl} />
      </StrictMode>,
    );
  } catch (error) {
    // Without the local host nothing works: say so plainly instead of a blank window.
    root.render(<p role="alert" className="error">Không khởi động được ứng dụng: {(error as Error).message}</p>);
  }
}

void boot();

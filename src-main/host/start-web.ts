/**
 * `npm run start:web`: the app in a browser. Starts a local portal (unless MOTCUA_PORTAL_URL points at
 * one) and the browser host, then prints the URL to open.
 */
import path from 'node:path';
import { startHost } from './server';
import { defaultDataDir, defaultResourcesDir, projectRoot } from '../services/paths';
import { spawnTs } from '../services/spawn-ts';

const portalPort = process.env.PORT ?? '8787';
const externalPortal = process.env.MOTCUA_PORTAL_URL;
if (!externalPortal) process.env.MOTCUA_PORTAL_URL = `http://127.0.0.1:${portalPort}`;

// The portal is a separate program (nothing imports src-portal); it prints its own first-run admin password.
const portal = externalPortal ? undefined : spawnTs('src-portal/main.ts', [], { env: { ...process.env, PORT: portalPort } });

const host = await startHost({
  rendererDir: path.join(projectRoot(), 'dist-renderer'),
  resourcesDir: defaultResourcesDir(),
  dataDir: defaultDataDir(),
  port: Number(process.env.MOTCUA_HOST_PORT ?? 0),
  log: (m) => console.error(m),
});

console.log(`\nmotcua is running. Open this address in Chromium or Chrome:\n\n  ${host.url}\n\nPortal: ${process.env.MOTCUA_PORTAL_URL}   Workstation data: ${defaultDataDir()}\nPress Ctrl+C to stop.\n`);

async function stop(): Promise<void> {
  portal?.kill('SIGTERM');
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
portal?.on('exit', (code) => {
  if (code) console.error(`The local portal stopped (exit code ${code}); the app keeps working offline.`);
});

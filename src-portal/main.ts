/**
 * Portal entry point: `npm run portal`. Configuration comes from the environment (see config.ts
 * and docs/portal.md). HOST defaults to 127.0.0.1 so a fresh install is not reachable from the
 * network; set HOST=0.0.0.0 (behind a TLS reverse proxy) to serve workstations.
 */
import { buildPortal } from './app';
import { describeDatabaseUrl, readConfig } from './config';
import { pgliteDir } from './db/open';

async function main(): Promise<void> {
  const config = readConfig();
  const { app, db } = await buildPortal({ ...config, logger: { level: process.env.LOG_LEVEL || 'info' } });
  const address = await app.listen({ port: config.port, host: config.host });
  const database = config.databaseUrl ? describeDatabaseUrl(config.databaseUrl) : pgliteDir(config.dataDir);
  const bound = app.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : config.port;
  app.log.info({ address, port, dataDir: config.dataDir, database: db.kind, location: database }, 'motcua portal started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // app.close() stops accepting, ends open streams, then closes the database (onClose hook).
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // Startup errors (bad config, database unreachable) are short messages, not stack dumps.
  process.stderr.write(`motcua portal failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

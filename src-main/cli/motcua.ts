/**
 * `npm run motcua -- <command>`: the command-line tool. Each command lives in its own module; the
 * portal's administration commands run the portal's own CLI as a separate program.
 */
import { spawnTs } from '../services/spawn-ts';
import { runCalendarCommand } from './calendar';
import { PUBLISH_USAGE, runPublishCommand } from './publish';

const USAGE = `Usage: npm run motcua -- <command>

Commands:
  portal user add --username <u> --password <p> --role <clerk|supervisor|admin> --agency <agency id>
                         create a portal user in the configured database (DATABASE_URL or DATA_DIR)
  calendar due --from <yyyy-MM-ddTHH:mm> (--days <n> | --hours <n> | --same-day) [--pause <from>/<to>]...
                         due date-time of a dossier (Vietnam time); the last line is ISO 8601 +07:00
  calendar holidays --year <yyyy>
                         non-working weekdays and working Saturdays/Sundays of a year: yyyy-MM-dd<TAB>reason
  ${PUBLISH_USAGE}
                         send a new catalog or calendar year to the portal (admin; password in
                         MOTCUA_PASSWORD); every workstation receives it at its next sync
  help                   this text
`;

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case 'portal': {
    const child = spawnTs('src-portal/cli.ts', rest);
    child.on('exit', (code) => process.exit(code ?? 1));
    break;
  }
  case 'calendar':
    // exitCode rather than exit(): let stdout drain when it is a pipe.
    runCalendarCommand(rest).then(
      (code) => (process.exitCode = code),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      },
    );
    break;
  case 'publish':
    runPublishCommand(rest, process.env, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
      (code) => (process.exitCode = code),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      },
    );
    break;
  case undefined:
  case 'help':
  case '--help':
    process.stdout.write(USAGE);
    break;
  default:
    process.stderr.write(`Unknown command: ${command}\n\n${USAGE}`);
    process.exit(2);
}

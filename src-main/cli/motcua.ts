/**
 * `npm run motcua -- <command>`: the command-line tool. Each command lives in its own module; the
 * portal's database administration (`portal user …`) runs the portal's own CLI as a separate
 * program, while `portal dossier …` and `portal workstation …` talk to a running portal over HTTP.
 */
import { spawnTs } from '../services/spawn-ts';
import { DOSSIER_USAGE, runDossierCommand } from './backoffice';
import { runCalendarCommand } from './calendar';
import { DIGITIZE_USAGE, runDigitizeCommand } from './digitize';
import { EXPORT_USAGE, runExportCommand } from './export-dvcqg';
import { INDICATORS_USAGE, runIndicatorsCommand } from './indicators';
import type { Out } from './portal-http';
import { PUBLISH_USAGE, runPublishCommand } from './publish';
import { runWorkstationCommand, WORKSTATION_USAGE } from './workstation';

const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');

const USAGE = `Usage: npm run motcua -- <command>

Commands:
  portal user add --username <u> --password <p> --role <clerk|supervisor|officer|admin> --agency <agency id>
                         create a portal user in the configured database (DATABASE_URL or DATA_DIR)
${indent(DOSSIER_USAGE)}
                         back office (officer): list the centre's dossiers, or take an action
                         (supplementRequested, feeRequested, feePaid, resultReceived, stopped,
                         rescheduled) on one; the counter receives the change at its next sync
  ${WORKSTATION_USAGE}
                         make a one-time enrollment code for a new workstation (admin)
  calendar due --from <yyyy-MM-ddTHH:mm> (--days <n> | --hours <n> | --same-day) [--pause <from>/<to>]...
                         due date-time of a dossier (Vietnam time); the last line is ISO 8601 +07:00
  calendar holidays --year <yyyy>
                         non-working weekdays and working Saturdays/Sundays of a year: yyyy-MM-dd<TAB>reason
  ${PUBLISH_USAGE}
                         send a new catalog or calendar year to the portal (admin; password in
                         MOTCUA_PASSWORD); every workstation receives it at its next sync
                         (the portal dossier/workstation commands read MOTCUA_PASSWORD too)
  ${EXPORT_USAGE}
                         download the centre's DVCQG records (DongBoHoSoMC) of the dossiers received
                         in the period (supervisor or admin; MOTCUA_PASSWORD; portal default
                         MOTCUA_PORTAL_URL or http://127.0.0.1:8787); see docs/dvcqg.md
  ${INDICATORS_USAGE}
                         service-quality indicators (Decision 766) of a DVCQG file from this app or
                         any other system: a table, or the report as JSON with --json
  ${DIGITIZE_USAGE}
                         batch digitisation: for each input (JPEG, PNG, TIFF, PDF …) a searchable PDF
                         and a JSON report (text, per-page confidence, timings, the ID card's QR
                         fields) in <dir>; re-run to resume after an interruption; exit 1 if any
                         input could not be read (the others are still done)
  help                   this text
`;

const [command, ...rest] = process.argv.slice(2);

/** Runs an async command to completion; exitCode rather than exit() lets stdout drain into a pipe. */
function runCommand(run: (args: string[], env: NodeJS.ProcessEnv, out: Out, err: Out) => Promise<number>, args: string[]): void {
  run(args, process.env, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

switch (command) {
  case 'portal': {
    if (rest[0] === 'dossier') runCommand(runDossierCommand, rest.slice(1));
    else if (rest[0] === 'workstation') runCommand(runWorkstationCommand, rest.slice(1));
    else spawnTs('src-portal/cli.ts', rest).on('exit', (code) => process.exit(code ?? 1));
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
    runCommand(runPublishCommand, rest);
    break;
  case 'export':
    runCommand(runExportCommand, rest);
    break;
  case 'indicators':
    runCommand(runIndicatorsCommand, rest);
    break;
  case 'digitize':
    runCommand(runDigitizeCommand, rest);
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

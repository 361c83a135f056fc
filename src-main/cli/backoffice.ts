/**
 * `motcua portal dossier …`: the back office (cán bộ chuyên môn) from the command line, over the
 * portal's HTTP API (docs/backoffice.md). The portal applies the shared lifecycle rules; this only
 * builds the request and prints the outcome.
 */
import { parseArgs } from 'node:util';
import { BACKOFFICE_ACTIONS, backofficePaths, type BackofficeAction } from '../../src-shared/contract/backoffice-api';
import type { DossierDoc, DossierEventDoc } from '../../src-shared/contract/documents';
import { API_PREFIX } from '../../src-shared/contract/sync';
import { STATUS_NAME_VI, type DossierStatus } from '../../src-shared/domain/dossier-status';
import { parseVnDateTime, vnIso } from '../../src-shared/domain/vn-time';
import { PASSWORD_NOTE, refusal, signIn, type Out } from './portal-http';

export const DOSSIER_USAGE = [
  'portal dossier list [--status <n>] [--code <code or prefix>] --portal <url> --username <u>',
  'portal dossier action --code <dossier code> --action <action> [--reason <text>] [--amount <VND>]',
  '                      [--appointment <yyyy-MM-ddTHH:mm>] [--missing <document>]... --portal <url> --username <u>',
].join('\n');

const OPTIONS = {
  portal: { type: 'string' },
  username: { type: 'string' },
  status: { type: 'string' },
  code: { type: 'string' },
  limit: { type: 'string' },
  action: { type: 'string' },
  reason: { type: 'string' },
  amount: { type: 'string' },
  appointment: { type: 'string' },
  missing: { type: 'string', multiple: true },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string };

class UsageError extends Error {}

const PATH = backofficePaths.dossiers.slice(API_PREFIX.length);
const statusText = (s: number) => `${s} ${STATUS_NAME_VI[s as DossierStatus] ?? ''}`.trim();

/** The lifecycle action the flags describe; the portal checks the rest (transitions, once-only rules). */
export function actionFromFlags(v: Values): BackofficeAction {
  const type = v.action;
  const reason = v.reason ?? '';
  switch (type) {
    case 'resultReceived':
    case 'feePaid':
      return v.reason === undefined ? { type } : { type, reason };
    case 'stopped':
      return { type, reason };
    case 'feeRequested': {
      const amountVnd = Number(v.amount);
      if (!v.amount || !Number.isInteger(amountVnd) || amountVnd < 0) throw new UsageError('--amount <VND> (a whole number) is required for feeRequested');
      return { type, amountVnd, reason };
    }
    case 'rescheduled': {
      const appointmentAt = v.appointment === undefined ? undefined : parseVnDateTime(v.appointment);
      if (appointmentAt === undefined) throw new UsageError('--appointment <yyyy-MM-ddTHH:mm> (Vietnam time) is required for rescheduled');
      return { type, appointmentAt, reason };
    }
    case 'supplementRequested':
      if (!v.missing?.length) throw new UsageError('--missing <document> (one per document) is required for supplementRequested');
      return { type, missing: v.missing.map((name) => ({ name, reason: '' })), reason };
    default:
      throw new UsageError(`--action must be one of ${BACKOFFICE_ACTIONS.join(', ')}`);
  }
}

function listLine(d: DossierDoc): string {
  const appointment = d.appointmentAt ? `hẹn ${vnIso(d.appointmentAt).slice(0, 16).replace('T', ' ')}` : '';
  return [d.code || d.id, statusText(d.status), d.applicant.name, d.procedureName, appointment].join('\t');
}

export async function runDossierCommand(args: string[], env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  let values: Values;
  try {
    if (sub !== 'list' && sub !== 'action') throw new UsageError(`unknown command "portal dossier ${sub ?? ''}"`.trim());
    ({ values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }));
    if (!values.portal || !values.username || !env.MOTCUA_PASSWORD) throw new UsageError('--portal, --username and MOTCUA_PASSWORD are required');
    if (sub === 'action' && !values.code) throw new UsageError('--code <dossier code> is required');
    if (sub === 'action') actionFromFlags(values); // usage errors before any request
  } catch (e) {
    err(`${(e as Error).message}\nUsage:\n${DOSSIER_USAGE}\n${PASSWORD_NOTE}`);
    return 2;
  }

  const session = await signIn(values.portal, values.username, env.MOTCUA_PASSWORD, err);
  if (!session) return 1;
  const query = new URLSearchParams();
  if (values.code) query.set('code', values.code);
  if (values.status) query.set('status', values.status);
  if (values.limit) query.set('limit', values.limit);
  const listed = await session.call(`${PATH}?${query}`);
  if (listed.status !== 200) {
    err(refusal(listed));
    return 1;
  }
  const dossiers = listed.body.dossiers as DossierDoc[];
  if (sub === 'list') {
    for (const d of dossiers) out(listLine(d));
    if (!dossiers.length) err('no matching dossiers');
    return 0;
  }

  // A code names one dossier; the listing matches prefixes, so insist on the exact code.
  const target = dossiers.find((d) => d.code === values.code);
  if (!target) {
    err(`no dossier with code ${values.code} in your centre`);
    return 1;
  }
  const acted = await session.call(backofficePaths.actions(target.id).slice(API_PREFIX.length), {
    method: 'POST',
    body: JSON.stringify({ action: actionFromFlags(values), expectedUpdatedAt: target.updatedAt }),
  });
  if (acted.status !== 200) {
    err(refusal(acted));
    return 1;
  }
  const event = acted.body.event as DossierEventDoc;
  out(`${target.code}: ${statusText(event.from)} → ${statusText(event.to)} (${event.type})`);
  return 0;
}

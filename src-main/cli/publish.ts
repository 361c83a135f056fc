/**
 * `motcua publish`: an administrator sends a new procedure catalog or a yearly calendar table to the
 * central portal, which distributes it to every workstation at their next sync. The file is checked
 * with the same schema the portal and the workstations use before anything is sent.
 */
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { calendarTableSchema } from '../../src-shared/contract/calendar';
import { catalogSchema } from '../../src-shared/contract/catalog';
import { describeZodError } from '../../src-shared/contract/zod-issues';

export const PUBLISH_USAGE = 'publish (--catalog <file> | --calendar <file>) --portal <url> --username <admin>';
const PASSWORD_NOTE = 'The password is read from MOTCUA_PASSWORD, never from the command line.';

type Out = (line: string) => void;

async function send(portal: string, path: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${portal.replace(/\/$/, '')}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { message: text.slice(0, 200) };
  }
  return { status: response.status, body };
}

export async function runPublishCommand(args: string[], env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  let values: { catalog?: string; calendar?: string; portal?: string; username?: string };
  try {
    ({ values } = parseArgs({ args, options: { catalog: { type: 'string' }, calendar: { type: 'string' }, portal: { type: 'string' }, username: { type: 'string' } } }));
  } catch (e) {
    err(`${(e as Error).message}\nUsage: ${PUBLISH_USAGE}\n${PASSWORD_NOTE}`);
    return 2;
  }
  const file = values.catalog ?? values.calendar;
  const password = env.MOTCUA_PASSWORD;
  if (!file || (values.catalog && values.calendar) || !values.portal || !values.username || !password) {
    err(`Usage: ${PUBLISH_USAGE}\n${PASSWORD_NOTE}`);
    return 2;
  }

  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    err(`${file}: cannot read JSON (${(e as Error).message})`);
    return 1;
  }
  const parsed = values.catalog ? catalogSchema.safeParse(json) : calendarTableSchema.safeParse(json);
  if (!parsed.success) {
    err(`${file}: invalid ${values.catalog ? 'catalog' : 'calendar table'} — ${describeZodError(parsed.error, { max: 10 })}`);
    return 1;
  }

  const login = await send(values.portal, '/auth/login', { method: 'POST', body: JSON.stringify({ username: values.username, password }) });
  if (login.status !== 200) {
    err(`login refused (${login.status}): ${String(login.body.message ?? '')}`);
    return 1;
  }
  const path = values.catalog ? '/catalog' : `/calendar/tables/${(parsed.data as { year: number }).year}`;
  const put = await send(values.portal, path, { method: 'PUT', body: JSON.stringify(parsed.data), headers: { authorization: `Bearer ${String(login.body.accessToken)}` } });
  if (put.status !== 200) {
    err(`portal refused (${put.status}): ${String(put.body.message ?? JSON.stringify(put.body))}`);
    return 1;
  }
  out(`published ${path} version ${String(put.body.version)}`);
  return 0;
}

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
import { PASSWORD_NOTE, refusal, signIn, type Out } from './portal-http';

export const PUBLISH_USAGE = 'publish (--catalog <file> | --calendar <file>) --portal <url> --username <admin>';

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

  const session = await signIn(values.portal, values.username, password, err);
  if (!session) return 1;
  const path = values.catalog ? '/catalog' : `/calendar/tables/${(parsed.data as { year: number }).year}`;
  const put = await session.call(path, { method: 'PUT', body: JSON.stringify(parsed.data) });
  if (put.status !== 200) {
    err(refusal(put));
    return 1;
  }
  out(`published ${path} version ${String(put.body.version)}`);
  return 0;
}

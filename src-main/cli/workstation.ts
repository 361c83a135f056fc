/**
 * `motcua portal workstation code`: an administrator makes a one-time enrollment code for a centre's
 * new workstation, over the portal's HTTP API. The code is printed alone on the first line (for
 * scripts), its centre and expiry on the next; the portal cannot show it again.
 */
import { parseArgs } from 'node:util';
import { API_PREFIX } from '../../src-shared/contract/sync';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import { enrollmentCodeRequestSchema, workstationPaths } from '../../src-shared/contract/workstations-api';
import { vnIso } from '../../src-shared/domain/vn-time';
import { PASSWORD_NOTE, refusal, signIn, type Out } from './portal-http';

export const WORKSTATION_USAGE = 'portal workstation code --agency <agency id> [--hours <1-168>] --portal <url> --username <admin>';

class UsageError extends Error {}

export async function runWorkstationCommand(args: string[], env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  let portal: string;
  let username: string;
  let request: { agencyId: string; validHours: number };
  try {
    if (sub !== 'code') throw new UsageError(`unknown command "portal workstation ${sub ?? ''}"`.trim());
    const { values } = parseArgs({
      args: rest,
      options: { agency: { type: 'string' }, hours: { type: 'string' }, portal: { type: 'string' }, username: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.portal || !values.username || !env.MOTCUA_PASSWORD) throw new UsageError('--portal, --username and MOTCUA_PASSWORD are required');
    // Checked with the portal's own schema, so a typo is caught before signing in.
    const parsed = enrollmentCodeRequestSchema.safeParse({ agencyId: values.agency, ...(values.hours === undefined ? {} : { validHours: Number(values.hours) }) });
    if (!parsed.success) throw new UsageError(describeZodError(parsed.error).replace(/\bagencyId\b/, '--agency').replace(/\bvalidHours\b/, '--hours'));
    [portal, username, request] = [values.portal, values.username, parsed.data];
  } catch (e) {
    err(`${(e as Error).message}\nUsage: ${WORKSTATION_USAGE}\n${PASSWORD_NOTE}`);
    return 2;
  }

  const session = await signIn(portal, username, env.MOTCUA_PASSWORD, err);
  if (!session) return 1;
  const made = await session.call(workstationPaths.enrollmentCodes.slice(API_PREFIX.length), { method: 'POST', body: JSON.stringify(request) });
  if (made.status !== 200) {
    err(refusal(made));
    return 1;
  }
  out(String(made.body.code));
  out(`agency ${String(made.body.agencyId)}, valid until ${vnIso(Number(made.body.expiresAt))}, usable once`);
  return 0;
}

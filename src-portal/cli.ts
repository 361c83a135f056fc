/**
 * Portal administration from the command line:
 *   tsx src-portal/cli.ts user add --username <u> --password <p> --role <clerk|supervisor|officer|admin>
 *                                  --agency <agency id> [--display-name <name>]
 * Uses the same DATABASE_URL / DATA_DIR as the server and migrates first. With the embedded
 * database (no DATABASE_URL) only one process may open the data folder: stop the portal first.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { agencyIdSchema, passwordSchema, roleSchema, usernameSchema } from '../src-shared/contract/portal-api';
import { readDatabaseConfig } from './config';
import { openDatabase } from './db/open';
import { createUser, DuplicateUserError } from './users';

const USAGE =
  'usage: cli.ts user add --username <u> --password <p> --role <clerk|supervisor|officer|admin> --agency <agency id> [--display-name <name>]';

class UsageError extends Error {}

const userAddSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
  agencyId: agencyIdSchema,
  displayName: z.string().max(200).optional(),
});

function parseUserAdd(args: string[]): z.infer<typeof userAddSchema> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        agency: { type: 'string' },
        'display-name': { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const parsed = userAddSchema.safeParse({
    username: values.username,
    password: values.password,
    role: values.role,
    agencyId: values.agency,
    displayName: values['display-name'],
  });
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => (path[0] === 'agencyId' ? '--agency' : path[0] === 'displayName' ? '--display-name' : `--${String(path[0])}`);
    throw new UsageError(parsed.error.issues.map((i) => `${flag(i.path)}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

async function run(argv: string[]): Promise<void> {
  const [group, command, ...rest] = argv;
  if (group !== 'user' || command !== 'add') throw new UsageError(`unknown command "${[group, command].filter(Boolean).join(' ')}"`);
  const user = parseUserAdd(rest);
  const db = await openDatabase(readDatabaseConfig());
  try {
    await createUser(db, user);
  } finally {
    await db.close();
  }
  process.stdout.write(`created user ${user.username} (role ${user.role}, agency ${user.agencyId})\n`);
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
    else if (err instanceof DuplicateUserError) process.stderr.write(`error: ${err.message}\n`);
    else process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);

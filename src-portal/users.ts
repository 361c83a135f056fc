/** Portal accounts: creation (CLI, first-start seed) and lookup (login, refresh). */
import type { SessionUser } from '../src-shared/contract/portal-api';
import type { Role } from '../src-shared/domain/roles';
import { generatePassword, hashPassword } from './auth/password';
import type { Database, Queryable } from './db/types';

export interface UserRecord extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  agencyId: string;
  displayName?: string;
}

export class DuplicateUserError extends Error {
  constructor(readonly username: string) {
    super(`user "${username}" already exists`);
    this.name = 'DuplicateUserError';
  }
}

interface UserRow {
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  agency_id: string;
  disabled: boolean;
}

export async function findUser(db: Queryable, username: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(
    'SELECT username, display_name, password_hash, role, agency_id, disabled FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    agencyId: row.agency_id,
    disabled: row.disabled,
  };
}

export function toSessionUser(user: UserRecord): SessionUser {
  return { username: user.username, role: user.role, agencyId: user.agencyId, displayName: user.displayName };
}

/** Inserts a user; input must already be validated. Throws DuplicateUserError if the name is taken. */
export async function createUser(db: Queryable, user: NewUser): Promise<void> {
  const hash = await hashPassword(user.password);
  const rows = await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, agency_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING RETURNING username`,
    [user.username, user.displayName ?? '', hash, user.role, user.agencyId],
  );
  if (rows.length === 0) throw new DuplicateUserError(user.username);
}

/**
 * On a database without users, creates `admin` with a random password and returns that password
 * (exactly once, for the caller to show); returns null when any user already exists.
 * The advisory lock stops two instances starting together from both seeding.
 */
export async function seedAdminIfEmpty(db: Database, agencyId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7291, 2)');
    const count = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if ((count[0]?.n ?? 0) > 0) return null;
    const password = generatePassword();
    await createUser(tx, { username: 'admin', password, role: 'admin', agencyId, displayName: 'Administrator' });
    return password;
  });
}

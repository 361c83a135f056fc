/**
 * Versioned schema migrations. Each one runs in its own transaction together with its row in
 * schema_migrations, so a crash never leaves a half-applied version, and restarting is a no-op.
 * Applied migrations are history: never edit one, add a new version instead.
 */
import type { Database } from './types';

export interface Migration {
  version: number;
  name: string;
  /** One statement per entry (PGlite's parameterised query accepts a single statement). */
  statements: string[];
}

/** Advisory lock key shared by every portal instance, so two starting at once do not race. */
const MIGRATION_LOCK = 'SELECT pg_advisory_xact_lock(7291, 1)';

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'users, refresh tokens, documents, settings',
    statements: [
      `CREATE TABLE users (
        username text PRIMARY KEY,
        display_name text NOT NULL DEFAULT '',
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        agency_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled boolean NOT NULL DEFAULT false
      )`,
      // Only a SHA-256 of each refresh token is kept; a family groups one login's rotations so a
      // reused (stolen) token can revoke the whole chain.
      `CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        family_id text NOT NULL,
        username text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by text
      )`,
      'CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)',
      'CREATE INDEX refresh_tokens_username ON refresh_tokens (username)',
      // One global sequence: pull checkpoints compare seq across every collection and agency.
      'CREATE SEQUENCE document_seq AS bigint',
      `CREATE TABLE documents (
        collection text NOT NULL,
        id text NOT NULL,
        agency_id text NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('document_seq'),
        doc jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, id)
      )`,
      'CREATE INDEX documents_pull ON documents (collection, agency_id, seq)',
      `CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 2,
    name: 'dossier-number blocks, reference data (catalog, calendar) and its history',
    statements: [
      // One row per block ever allocated (docs/dossier-codes.md); never deleted nor shrunk while a
      // workstation may still issue from it. Days are Vietnam days as `yyyy-MM-dd` text, which sorts
      // like the dates; the allocator (src-shared) owns the invariant that blocks of one agency never
      // share a (day, sequence) cell, under a per-agency lock (routes/codes.ts).
      `CREATE TABLE code_blocks (
        id text PRIMARY KEY,
        agency_id text NOT NULL,
        holder text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('standing', 'lease', 'top-up')),
        first integer NOT NULL CHECK (first >= 1),
        last integer NOT NULL,
        valid_from text COLLATE "C" NOT NULL CHECK (valid_from ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        valid_until text COLLATE "C" NOT NULL CHECK (valid_until ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        allocated_at bigint NOT NULL,
        requested_by text NOT NULL,
        CHECK (last >= first),
        CHECK (valid_until >= valid_from)
      )`,
      'CREATE INDEX code_blocks_agency_until ON code_blocks (agency_id, valid_until)',
      // The current version of each reference table: the catalog under key 'current', a calendar
      // table under its year.
      `CREATE TABLE reference_data (
        kind text NOT NULL CHECK (kind IN ('catalog', 'calendar')),
        key text NOT NULL,
        version text NOT NULL,
        body jsonb NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL,
        PRIMARY KEY (kind, key)
      )`,
      // Every version ever stored (seeds included), append-only: what a receipt computed with an
      // older edition was based on can always be looked up.
      `CREATE TABLE reference_data_history (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        key text NOT NULL,
        version text NOT NULL,
        body jsonb NOT NULL,
        stored_at bigint NOT NULL,
        stored_by text NOT NULL,
        UNIQUE (kind, key, version)
      )`,
    ],
  },
  {
    version: 3,
    name: 'file blobs, workstations and their enrollment codes, the officer role',
    statements: [
      // Bytes received over tus, content-addressed per centre: the same scan pushed twice is stored
      // once, and a centre never learns whether another centre holds a file.
      `CREATE TABLE file_blobs (
        agency_id text NOT NULL,
        sha256 text COLLATE "C" NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        stored_at timestamptz NOT NULL DEFAULT now(),
        stored_by text NOT NULL,
        PRIMARY KEY (agency_id, sha256)
      )`,
      // Finds file metadata whose bytes have not arrived (GET /files/missing).
      "CREATE INDEX documents_file_sha ON documents (agency_id, (doc->>'sha256')) WHERE collection = 'files'",
      // Workstations enroll once with a one-time code; only hashes of codes and secrets are kept.
      `CREATE TABLE workstations (
        id text PRIMARY KEY,
        agency_id text NOT NULL,
        name text NOT NULL,
        secret_hash text NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        enrolled_with text NOT NULL,
        revoked_at timestamptz
      )`,
      'CREATE INDEX workstations_agency ON workstations (agency_id)',
      `CREATE TABLE enrollment_codes (
        code_hash text PRIMARY KEY,
        agency_id text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        workstation_id text
      )`,
      // Back-office officers (cán bộ chuyên môn) move dossiers on after transfer.
      'ALTER TABLE users DROP CONSTRAINT users_role_check',
      "ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('clerk', 'supervisor', 'admin', 'officer'))",
    ],
  },
  {
    version: 4,
    name: 'report indexes: dossiers by ledger day, events and files by dossier',
    statements: [
      // Reports and the DVCQG export read a period's dossiers, then their events and files.
      "CREATE INDEX documents_dossier_day ON documents (agency_id, (doc->>'receivedDay')) WHERE collection = 'dossiers'",
      "CREATE INDEX documents_dossier_children ON documents (collection, (doc->>'dossierId')) WHERE collection IN ('dossierEvents', 'files')",
    ],
  },
];

/** Applies every migration not yet recorded, in version order. Returns the versions applied now. */
export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(MIGRATION_LOCK);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.length > 0) return false;
      for (const sql of m.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}

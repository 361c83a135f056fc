/**
 * Offline sign-in: after a successful ONLINE sign-in the renderer hands the password over once and
 * this store keeps a scrypt verifier of it (never the password), with the user's role and centre, so
 * the next sign-in and every screen unlock work without the portal.
 *
 * - Verifier: scrypt (N=2^15, r=8, p=1, 32-byte key) over the NFC-normalised password, like the
 *   portal's own hashes, with a 16-byte random salt per user; compared with timingSafeEqual. The
 *   parameters are stored per user, so raising them later keeps old records working (a record with
 *   weaker parameters is re-derived at its next successful check).
 * - Failed attempts are counted per user and persisted (restarting the app does not reset them):
 *   the first FREE_FAILURES cost nothing, then each further try must wait, doubling from 30 s up to
 *   15 min. A stolen laptop therefore yields a few hundred guesses a day through the app, and scrypt
 *   makes guessing against a copied file slow too.
 * - The whole store is one JSON file in the data folder, read and written only by `readFile` /
 *   `writeFile` below (atomic writes), so encryption at rest (issue 7) wraps exactly those two.
 * - A missing file is an empty store; a corrupt one is set aside (`.corrupt-<time>`) for support and
 *   the store starts empty: users then sign in online once more, nothing worse.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { sessionUserSchema, type SessionUser } from '../../src-shared/contract/portal-api';
import { writeFileAtomic } from './atomic-file';

export const OFFLINE_LOGIN_FILE = 'offline-login.json';

/** Parameters of new verifiers: the portal's own (src-portal/auth/password.ts). */
export const SCRYPT_PARAMS = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;
/** Failures allowed before any waiting. */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Users remembered on one workstation; the least recently signed-in are dropped beyond this. */
export const MAX_REMEMBERED = 200;

const paramsSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(64),
});
type ScryptParams = z.infer<typeof paramsSchema>;

const recordSchema = sessionUserSchema.extend({
  salt: z.base64(),
  verifier: z.base64(),
  params: paramsSchema,
  updatedAt: z.iso.datetime(),
  /** Consecutive failed checks since the last success. */
  failures: z.number().int().min(0).default(0),
  /** Epoch ms before which no check is made (rate limit); null when none pending. */
  blockedUntil: z.number().int().nullable().default(null),
});
type VerifierRecord = z.infer<typeof recordSchema>;

const fileSchema = z.object({ version: z.literal(1), users: z.array(z.unknown()) });

/** A remembered user as anyone may see it: no secret, no counters. */
export interface KnownUser {
  username: string;
  displayName: string;
  role: SessionUser['role'];
  agencyId: string;
  updatedAt: string;
}

export type VerifyResult =
  | { result: 'ok'; user: SessionUser }
  /** Never signed in online on this workstation (or forgotten): the first sign-in must be online. */
  | { result: 'unknown' }
  /** Wrong password; `retryAfterMs` > 0 when the next try must wait. */
  | { result: 'wrong'; retryAfterMs: number }
  /** Too many failures: no check was made; try again after `retryAfterMs`. */
  | { result: 'throttled'; retryAfterMs: number };

export interface OfflineLoginStore {
  /** After a successful online sign-in: stores (or renews) the user's verifier and clears failures. */
  remember(user: SessionUser, password: string): Promise<void>;
  verify(username: string, password: string): Promise<VerifyResult>;
  /** Known users, most recently signed-in first. */
  list(): Promise<KnownUser[]>;
  /** True when a record was removed. */
  forget(username: string): Promise<boolean>;
}

export interface OfflineLoginOptions {
  now?: () => number;
  log?: (message: string) => void;
  /** Tests only: cheaper scrypt parameters. */
  params?: ScryptParams;
}

/** Usernames as the portal compares them. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** How long to wait after `failures` consecutive failures. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES, 20));
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const sameParams = (a: ScryptParams, b: ScryptParams) => a.N === b.N && a.r === b.r && a.p === b.p && a.keyLength === b.keyLength;

export function createOfflineLoginStore(dataDir: string, options: OfflineLoginOptions = {}): OfflineLoginStore {
  const file = path.join(dataDir, OFFLINE_LOGIN_FILE);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const params: ScryptParams = options.params ?? { ...SCRYPT_PARAMS };
  let cached: Map<string, VerifierRecord> | undefined;
  // One change at a time: concurrent checks must not lose each other's failure counts.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  // ---- The only disk access (encryption at rest wraps these two). ----
  async function readFile(): Promise<string | null> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
  async function writeFile(text: string): Promise<void> {
    await writeFileAtomic(file, text);
  }
  // ----

  async function load(): Promise<Map<string, VerifierRecord>> {
    if (cached) return cached;
    const users = new Map<string, VerifierRecord>();
    const text = await readFile();
    if (text !== null) {
      let parsed: z.infer<typeof fileSchema> | null = null;
      try {
        parsed = fileSchema.parse(JSON.parse(text));
      } catch {
        parsed = null;
      }
      if (!parsed) {
        const aside = `${file}.corrupt-${now()}`;
        await fs.rename(file, aside).catch(() => undefined);
        log(`offline sign-in: unreadable ${OFFLINE_LOGIN_FILE} set aside as ${path.basename(aside)}`);
      } else {
        // One bad record costs that user an online sign-in, not everyone's.
        for (const raw of parsed.users) {
          const record = recordSchema.safeParse(raw);
          if (record.success) users.set(record.data.username, record.data);
        }
      }
    }
    cached = users;
    return users;
  }

  async function save(users: Map<string, VerifierRecord>): Promise<void> {
    const list = [...users.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, MAX_REMEMBERED);
    await writeFile(JSON.stringify({ version: 1, users: list }, null, 2));
    cached = new Map(list.map((r) => [r.username, r]));
  }

  async function makeRecord(user: SessionUser, password: string): Promise<VerifierRecord> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, params);
    return {
      username: normalizeUsername(user.username),
      displayName: user.displayName,
      role: user.role,
      agencyId: user.agencyId,
      salt: salt.toString('base64'),
      verifier: key.toString('base64'),
      params: { ...params },
      updatedAt: new Date(now()).toISOString(),
      failures: 0,
      blockedUntil: null,
    };
  }

  const toUser = (r: VerifierRecord): SessionUser => ({ username: r.username, role: r.role, agencyId: r.agencyId, displayName: r.displayName });

  return {
    remember: (user, password) =>
      serial(async () => {
        const checked = sessionUserSchema.parse(user);
        const record = await makeRecord(checked, password);
        const users = await load();
        users.set(record.username, record);
        await save(users);
      }),

    verify: (username, password) =>
      serial(async (): Promise<VerifyResult> => {
        const users = await load();
        const record = users.get(normalizeUsername(username));
        if (!record) return { result: 'unknown' };
        const t = now();
        if (record.blockedUntil !== null && record.blockedUntil > t) return { result: 'throttled', retryAfterMs: record.blockedUntil - t };
        const expected = Buffer.from(record.verifier, 'base64');
        const actual = await derive(password, Buffer.from(record.salt, 'base64'), record.params);
        const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
        if (!ok) {
          const failures = record.failures + 1;
          const delay = delayAfter(failures);
          users.set(record.username, { ...record, failures, blockedUntil: delay > 0 ? t + delay : null });
          await save(users);
          return { result: 'wrong', retryAfterMs: delay };
        }
        if (record.failures > 0 || record.blockedUntil !== null || !sameParams(record.params, params)) {
          // Success clears the counter; outdated parameters are replaced while the password is at hand.
          const renewed = sameParams(record.params, params) ? record : { ...(await makeRecord(toUser(record), password)), updatedAt: record.updatedAt };
          users.set(record.username, { ...renewed, failures: 0, blockedUntil: null });
          await save(users);
        }
        return { result: 'ok', user: toUser(record) };
      }),

    list: () =>
      serial(async () =>
        [...(await load()).values()]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map((r) => ({ username: r.username, displayName: r.displayName, role: r.role, agencyId: r.agencyId, updatedAt: r.updatedAt })),
      ),

    forget: (username) =>
      serial(async () => {
        const users = await load();
        if (!users.delete(normalizeUsername(username))) return false;
        await save(users);
        return true;
      }),
  };
}

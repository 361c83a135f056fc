/**
 * The workstation's side of reference data and number blocks (src-renderer/sync/reference-data.ts,
 * src-renderer/dossiers/issuer-store.ts) against a real portal over HTTP, with the real portal
 * client and RxDB on in-memory storage (same schemas and validation wrapper as the app).
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogSchema, type Catalog } from '../../src-shared/contract/catalog';
import type { TokenResponse } from '../../src-shared/contract/portal-api';
import { issueNext } from '../../src-shared/domain/dossier-code/allocator';
import { parseDossierCode } from '../../src-shared/domain/dossier-code/format';
import type { MotcuaDatabase } from '../../src-renderer/db/database';
import { procedureSchema, settingSchema, type ProcedureDoc, type SettingDoc } from '../../src-renderer/db/local-schemas';
import { CatalogStoreError, replaceCatalog, seedCatalog, storedCatalogVersion } from '../../src-renderer/db/catalog';
import { createPortalClient, type PortalClient } from '../../src-renderer/sync/portal-client';
import { CALENDAR_TABLES_KEY, pullCalendarTables, pullCatalog, refreshCodeBlocks } from '../../src-renderer/sync/reference-data';
import {
  CODE_ISSUER_KEY,
  ensureHolder,
  IssuerStateError,
  readCodeFormat,
  readCodeFormatSetting,
  readIssuerState,
  updateIssuerState,
} from '../../src-renderer/dossiers/issuer-store';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, call, login, startPortal, userToken, type RunningPortal } from './support/portal';

let dbCount = 0;
async function workstationDb(procedures: object = procedureSchema): Promise<MotcuaDatabase> {
  const db = await createRxDatabase({
    name: `ws_reference_${process.pid}_${++dbCount}`,
    storage: wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    multiInstance: false,
  });
  await db.addCollections({
    procedures: { schema: procedures as unknown as RxJsonSchema<ProcedureDoc> },
    settings: { schema: settingSchema as unknown as RxJsonSchema<SettingDoc> },
  });
  return db as unknown as MotcuaDatabase;
}

describe('workstation catalog storage', () => {
  it("stores every field of a catalog procedure with the app's own schema", async () => {
    const db = await workstationDb(procedureSchema);
    try {
      const catalog = catalogSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/seed/procedures.json'), 'utf8')));
      await expect(replaceCatalog(db, catalog)).resolves.toBe(true);
      expect(await db.procedures.count().exec()).toBe(catalog.procedures.length);
    } finally {
      await db.close();
    }
  });

  it('refuses to record a catalog version whose procedures were not all stored', async () => {
    const strict = { ...procedureSchema, properties: { ...procedureSchema.properties, name: { type: 'string', maxLength: 3 } } };
    const db = await workstationDb(strict);
    try {
      const catalog = catalogSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/seed/procedures.json'), 'utf8')));
      await expect(replaceCatalog(db, catalog)).rejects.toThrow(CatalogStoreError);
      expect(await storedCatalogVersion(db)).toBeNull();
    } finally {
      await db.close();
    }
  });
});

describe.each(DB_TARGETS)('workstation reference data ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let client: PortalClient;
  let admin: string;
  let ws: MotcuaDatabase;

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    admin = await userToken(portal, 'admin-a', 'admin', AGENCY_A);
    let tokens: TokenResponse | null = await login(portal.base, 'clerk-a');
    client = createPortalClient(portal.origin, {
      get: () => tokens,
      set: (t) => (tokens = t),
      expired: () => (tokens = null),
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });
  beforeEach(async () => {
    ws = await workstationDb();
  });
  afterEach(async () => {
    await ws?.close();
  });

  const portalCatalog = async () => (await call<Catalog>(portal.base, '/catalog', { token: admin })).body;
  const codes = async () => (await ws.procedures.find().exec()).map((d) => d.code).sort();

  it('replaces an older local catalog with the portal one, dropping procedures it no longer lists', async () => {
    const remote = await portalCatalog();
    const stale: Catalog = { version: '2000-01-01.1', procedures: [{ ...remote.procedures[0]!, code: '9.999999' }, remote.procedures[1]!] };
    await seedCatalog(ws, stale);
    expect(await codes()).toEqual(['9.999999', remote.procedures[1]!.code].sort());

    expect(await pullCatalog(ws, client)).toEqual({ version: remote.version, replaced: true });
    expect(await codes()).toEqual(remote.procedures.map((p) => p.code).sort());
    expect(await storedCatalogVersion(ws)).toBe(remote.version);
    expect((await ws.procedures.findOne(remote.procedures[0]!.code).exec())?.toJSON()).toMatchObject(remote.procedures[0]!);

    // Nothing newer: nothing changes, and an older bundled seed never wins over the portal's copy.
    expect(await pullCatalog(ws, client)).toEqual({ version: remote.version, replaced: false });
    expect(await replaceCatalog(ws, stale)).toBe(false);
    expect(await codes()).toEqual(remote.procedures.map((p) => p.code).sort());

    // An admin publishes a smaller, newer catalog: the next pull follows it.
    const next = { ...remote, version: `${remote.version}.1`, procedures: remote.procedures.slice(0, 2) };
    expect((await call(portal.base, '/catalog', { method: 'PUT', token: admin, body: next })).status).toBe(200);
    expect(await pullCatalog(ws, client)).toEqual({ version: next.version, replaced: true });
    expect(await codes()).toEqual(next.procedures.map((p) => p.code).sort());
  });

  it('stores the portal calendar tables in settings', async () => {
    const tables = await pullCalendarTables(ws, client);
    expect(tables.length).toBeGreaterThan(0);
    expect((await ws.settings.findOne(CALENDAR_TABLES_KEY).exec())?.value).toEqual(tables);
  });

  it('receives number blocks, then only refreshes; the state and format survive in settings', async () => {
    const holder = await ensureHolder(ws, 'ws-ref-1');
    expect(holder).toMatch(/^ws-ref-1:[0-9a-f]{8}$/);
    expect(await ensureHolder(ws, 'ws-ref-1')).toBe(holder); // stable once enrolled

    const first = await refreshCodeBlocks(ws, client, AGENCY_A, holder);
    expect(first).toMatchObject({ format: 'agency-yyMMdd-seq4', received: 3, blocksHeld: 3, remainingToday: 150, errors: [] });
    expect(first.portalToday).toBe(first.localToday);
    const state = await readIssuerState(ws, holder);
    expect(state.blocks).toHaveLength(3);
    expect(state.prunedBefore).toBeDefined();
    expect(await readCodeFormat(ws)).toBe('agency-yyMMdd-seq4');
    expect((await readCodeFormatSetting(ws))?.today).toBe(first.portalToday);

    const second = await refreshCodeBlocks(ws, client, AGENCY_A, holder);
    expect(second).toMatchObject({ received: 0, blocksHeld: 3, remainingToday: 150 });
    expect((await readIssuerState(ws, holder)).blocks).toEqual(state.blocks);
  });

  it('never loses an issued code or a received block when both happen at once', async () => {
    const holder = await ensureHolder(ws, 'ws-ref-2');
    await refreshCodeBlocks(ws, client, AGENCY_A, holder);
    const full = await readIssuerState(ws, holder);
    // Forget one block locally, so the next refresh brings it back while codes are being issued.
    await updateIssuerState(ws, holder, (s) => ({ ...s, blocks: s.blocks.slice(1) }));

    /** One code issued through the store; fn may be retried, its last run is what was stored. */
    const issue = async () => {
      let code = '';
      await updateIssuerState(ws, holder, (s) => {
        const r = issueNext(s, { agencyId: AGENCY_A, now: Date.now(), format: 'agency-yyMMdd-seq4' });
        if (!r.ok) throw new Error(r.error.messageEn);
        code = r.code;
        return r.newState;
      });
      return code;
    };
    const [summary, ...codes] = await Promise.all([refreshCodeBlocks(ws, client, AGENCY_A, holder), ...Array.from({ length: 10 }, issue)]);
    // The forgotten block comes back (and, as the state lacked it, the portal adds a replacement).
    expect((summary as { received: number }).received).toBeGreaterThanOrEqual(1);
    expect(new Set(codes).size).toBe(10);

    const after = await readIssuerState(ws, holder);
    expect(after.blocks.map((b) => b.id)).toEqual(expect.arrayContaining(full.blocks.map((b) => b.id)));
    // The mark covers every code handed out: none of them can be issued again.
    const sequences = codes.map((c) => parseDossierCode(c as string, 'agency-yyMMdd-seq4')!.sequence);
    expect(Object.values(after.issued)).toEqual([Math.max(...sequences)]);
  });

  it('starts afresh for a new holder and refuses to reset a corrupt state', async () => {
    const holder = await ensureHolder(ws, 'ws-ref-3');
    await refreshCodeBlocks(ws, client, AGENCY_A, holder);
    expect((await readIssuerState(ws, 'another-holder')).blocks).toEqual([]);

    await ws.settings.upsert({ id: CODE_ISSUER_KEY, value: { holder, blocks: 'oops', issued: {} } });
    await expect(readIssuerState(ws, holder)).rejects.toThrow(IssuerStateError);
    await expect(updateIssuerState(ws, holder, (s) => s)).rejects.toThrow(/invalid/);
    await expect(refreshCodeBlocks(ws, client, AGENCY_A, holder)).rejects.toThrow(IssuerStateError);
  });
});

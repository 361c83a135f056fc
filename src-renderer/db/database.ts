/**
 * The workstation database: RxDB on Dexie (IndexedDB), with schema validation.
 * z-schema validates without `eval`, so it runs under the strict CSP (ajv would need 'unsafe-eval').
 * Eight collections, well under the free version's limit of about 13 per process.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import {
  dossierEventSchema,
  dossierSchema,
  fileMetaSchema,
  signoffSchema,
  type DossierDoc,
  type DossierEventDoc,
  type FileMetaDoc,
  type SignoffDoc,
} from '../../src-shared/contract/documents';
import { conflictHandlers } from '../sync/conflict-handlers';
import {
  conflictSchema,
  outboxSchema,
  procedureSchema,
  settingSchema,
  type ConflictDoc,
  type OutboxDoc,
  type ProcedureDoc,
  type SettingDoc,
} from './local-schemas';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type MotcuaCollections = {
  dossiers: RxCollection<DossierDoc>;
  dossierEvents: RxCollection<DossierEventDoc>;
  files: RxCollection<FileMetaDoc>;
  signoffs: RxCollection<SignoffDoc>;
  procedures: RxCollection<ProcedureDoc>;
  settings: RxCollection<SettingDoc>;
  outbox: RxCollection<OutboxDoc>;
  conflicts: RxCollection<ConflictDoc>;
};
export type MotcuaDatabase = RxDatabase<MotcuaCollections>;

// The shared schemas are plain readonly objects; RxDB's type wants its own mutable shape.
const schema = <T>(s: unknown) => s as RxJsonSchema<T>;

/** One database per centre (agency) so data of two centres never mixes on a shared PC. */
export function databaseName(agencyId: string): string {
  return `motcua_${agencyId.replace(/[^a-zA-Z0-9]/g, '_').toLowerCase()}`;
}

/** Outbox v1 added the dossier a row belongs to and the attempt count; rows from v0 are dossier rows or their events. */
function outboxFromV0(row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, dossierId: row.dossierId ?? row.docId, attempts: 0 };
}

export interface OpenOptions {
  /** This workstation: the receiving counter owns reception data in conflicts (dossier-merge.ts). */
  workstationId?: string;
}

export async function openDatabase(name: string, options: OpenOptions = {}): Promise<MotcuaDatabase> {
  const db = await createRxDatabase<MotcuaCollections>({
    name,
    storage: wrappedValidateZSchemaStorage({ storage: getRxStorageDexie() }),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  const handlers = conflictHandlers(() => db, options.workstationId ?? '');
  await db.addCollections({
    dossiers: { schema: schema<DossierDoc>(dossierSchema), conflictHandler: handlers.dossiers as never },
    dossierEvents: { schema: schema<DossierEventDoc>(dossierEventSchema), conflictHandler: handlers.dossierEvents as never },
    files: { schema: schema<FileMetaDoc>(fileMetaSchema), conflictHandler: handlers.files as never },
    signoffs: { schema: schema<SignoffDoc>(signoffSchema), conflictHandler: handlers.signoffs as never },
    procedures: { schema: schema<ProcedureDoc>(procedureSchema) },
    settings: { schema: schema<SettingDoc>(settingSchema) },
    outbox: { schema: schema<OutboxDoc>(outboxSchema), migrationStrategies: { 1: outboxFromV0 } },
    conflicts: { schema: schema<ConflictDoc>(conflictSchema) },
  });
  return db;
}

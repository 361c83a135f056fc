/**
 * The workstation database: RxDB on Dexie (IndexedDB), with schema validation.
 * z-schema validates without `eval`, so it runs under the strict CSP (ajv would need 'unsafe-eval').
 * Six collections, well under the free version's limit of about 13 per process.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import {
  dossierEventSchema,
  dossierSchema,
  fileMetaSchema,
  type DossierDoc,
  type DossierEventDoc,
  type FileMetaDoc,
} from '../../src-shared/contract/documents';
import { outboxSchema, procedureSchema, settingSchema, type OutboxDoc, type ProcedureDoc, type SettingDoc } from './local-schemas';

export type MotcuaCollections = {
  dossiers: RxCollection<DossierDoc>;
  dossierEvents: RxCollection<DossierEventDoc>;
  files: RxCollection<FileMetaDoc>;
  procedures: RxCollection<ProcedureDoc>;
  settings: RxCollection<SettingDoc>;
  outbox: RxCollection<OutboxDoc>;
};
export type MotcuaDatabase = RxDatabase<MotcuaCollections>;

// The shared schemas are plain readonly objects; RxDB's type wants its own mutable shape.
const schema = <T>(s: unknown) => s as RxJsonSchema<T>;

/** One database per centre (agency) so data of two centres never mixes on a shared PC. */
export function databaseName(agencyId: string): string {
  return `motcua_${agencyId.replace(/[^a-zA-Z0-9]/g, '_').toLowerCase()}`;
}

export async function openDatabase(name: string): Promise<MotcuaDatabase> {
  const db = await createRxDatabase<MotcuaCollections>({
    name,
    storage: wrappedValidateZSchemaStorage({ storage: getRxStorageDexie() }),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    dossiers: { schema: schema<DossierDoc>(dossierSchema) },
    dossierEvents: { schema: schema<DossierEventDoc>(dossierEventSchema) },
    files: { schema: schema<FileMetaDoc>(fileMetaSchema) },
    procedures: { schema: schema<ProcedureDoc>(procedureSchema) },
    settings: { schema: schema<SettingDoc>(settingSchema) },
    outbox: { schema: schema<OutboxDoc>(outboxSchema) },
  });
  return db;
}

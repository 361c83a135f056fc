/**
 * For bench pages (browser): the app's storage (RxDB + Dexie) and document schemas without the
 * z-schema validation wrapper of `openDatabase()`, for fills and for the "no validation" baselines.
 * Validation only checks, so what is stored is the same as through the app.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { dossierEventSchema, dossierSchema, fileMetaSchema, type DossierDoc, type DossierEventDoc, type FileMetaDoc } from '../../../src-shared/contract/documents';

export interface PlainCollections {
  dossiers: RxCollection<DossierDoc>;
  dossierEvents: RxCollection<DossierEventDoc>;
  files: RxCollection<FileMetaDoc>;
}

const SCHEMAS: { [K in keyof PlainCollections]: RxJsonSchema<unknown> } = {
  dossiers: dossierSchema as unknown as RxJsonSchema<unknown>,
  dossierEvents: dossierEventSchema as unknown as RxJsonSchema<unknown>,
  files: fileMetaSchema as unknown as RxJsonSchema<unknown>,
};

/** A database `name` holding the named collections only. */
export async function openPlainDatabase<K extends keyof PlainCollections>(name: string, collections: readonly K[]): Promise<RxDatabase<Pick<PlainCollections, K>>> {
  const db = await createRxDatabase<Pick<PlainCollections, K>>({ name, storage: getRxStorageDexie(), multiInstance: true, eventReduce: true, closeDuplicates: true });
  await db.addCollections(Object.fromEntries(collections.map((c) => [c, { schema: SCHEMAS[c] }])) as never);
  return db;
}

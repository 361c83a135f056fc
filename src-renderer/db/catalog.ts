/**
 * The procedure catalog on the workstation: the bundled seed at start (seedCatalog) and the portal's
 * copy when online (sync/reference-data.ts) both go through replaceCatalog, so a catalog is only ever
 * replaced by a newer one, and completely.
 */
import type { Catalog } from '../../src-shared/contract/desktop';
import { isNewerVersion } from '../../src-shared/contract/reference-api';
import type { MotcuaDatabase } from './database';

export const CATALOG_VERSION_KEY = 'catalogVersion';

/** Some procedures were refused by the local database (schema validation); the version is not recorded. */
export class CatalogStoreError extends Error {
  override name = 'CatalogStoreError';
  constructor(version: string, errors: readonly { documentId: string; validationErrors?: readonly { message?: string }[] }[]) {
    const first = errors[0];
    const why = first?.validationErrors?.map((v) => v.message).filter(Boolean).join('; ') || 'write refused';
    super(`Catalog ${version}: ${errors.length} procedure(s) could not be stored locally (first: ${first?.documentId}: ${why})`);
  }
}

export async function storedCatalogVersion(db: MotcuaDatabase): Promise<string | null> {
  const stored = await db.settings.findOne(CATALOG_VERSION_KEY).exec();
  return stored ? String(stored.value) : null;
}

/**
 * Makes `catalog` the local one when its version is newer than the stored one: upserts every
 * procedure, removes those it no longer lists, then records the version (last, so an interrupted
 * replacement is simply done again). Returns whether anything changed. Dossiers keep their own copy
 * of the procedure's code and name, so removing a procedure never touches a received dossier.
 */
export async function replaceCatalog(db: MotcuaDatabase, catalog: Catalog): Promise<boolean> {
  if (!isNewerVersion(catalog.version, await storedCatalogVersion(db))) return false;
  const codes = catalog.procedures.map((p) => p.code);
  // bulkUpsert reports refused documents instead of throwing: never record a version half stored.
  const { error } = await db.procedures.bulkUpsert(catalog.procedures);
  if (error.length) throw new CatalogStoreError(catalog.version, error);
  await db.procedures.find({ selector: { code: { $nin: codes } } }).remove();
  await db.settings.upsert({ id: CATALOG_VERSION_KEY, value: catalog.version });
  return true;
}

/** The bundled catalog at start: used unless the workstation already holds a newer one (e.g. the portal's). */
export async function seedCatalog(db: MotcuaDatabase, catalog: Catalog): Promise<void> {
  await replaceCatalog(db, catalog);
}

/** Loads the bundled procedure catalog into the database when it is newer than what is stored. */
import type { Catalog } from '../../src-shared/contract/desktop';
import type { MotcuaDatabase } from './database';

const CATALOG_VERSION_KEY = 'catalogVersion';

export async function seedCatalog(db: MotcuaDatabase, catalog: Catalog): Promise<void> {
  const stored = await db.settings.findOne(CATALOG_VERSION_KEY).exec();
  if (stored && String(stored.value) >= catalog.version) return;
  await db.procedures.bulkUpsert(catalog.procedures);
  await db.settings.upsert({ id: CATALOG_VERSION_KEY, value: catalog.version });
}

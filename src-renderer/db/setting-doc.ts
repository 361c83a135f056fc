/** Read-modify-write of one local setting, serialised by RxDB so concurrent updates never lose each other. */
import type { MotcuaDatabase } from './database';

export async function readSetting<T>(db: MotcuaDatabase, id: string): Promise<T | undefined> {
  return (await db.settings.findOne(id).exec())?.value as T | undefined;
}

export async function modifySetting<T>(db: MotcuaDatabase, id: string, initial: T, fn: (value: T) => T): Promise<T> {
  let doc = await db.settings.findOne(id).exec();
  if (!doc) {
    // Another tab may insert first: then modify its document.
    doc = await db.settings.insert({ id, value: initial }).catch(async (error: unknown) => {
      const existing = await db.settings.findOne(id).exec();
      if (!existing) throw error;
      return existing;
    });
  }
  const updated = await doc.incrementalModify((data) => ({ ...data, value: fn(data.value as T) }));
  return updated.value as T;
}

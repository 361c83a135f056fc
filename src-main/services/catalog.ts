/** The procedure catalog shipped in resources/, so a brand-new install works offline. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { catalogSchema, type Catalog } from '../../src-shared/contract/catalog';

export async function readSeedCatalog(resourcesDir: string): Promise<Catalog> {
  const raw = await fs.readFile(path.join(resourcesDir, 'seed', 'procedures.json'), 'utf8');
  return catalogSchema.parse(JSON.parse(raw));
}

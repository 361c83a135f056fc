/** Extra vocabulary for the post-correction: the names of the procedures and their components. */
import type { Catalog } from '../../../src-shared/contract/catalog';
import { readSeedCatalog } from '../catalog';

export function catalogVocabulary(catalog: Catalog): string[] {
  return catalog.procedures.flatMap((p) => [p.name, ...p.components.map((c) => c.name)]);
}

/** The seed catalog's vocabulary; none when it cannot be read (the correction still works). */
export async function seedVocabulary(resourcesDir: string): Promise<string[]> {
  return readSeedCatalog(resourcesDir).then(catalogVocabulary, () => []);
}

/** How the agency prints on forms (name, parent body, address …): a local setting an administrator edits. */
import type { FormAgency } from '../../src-shared/forms/types';
import type { FormRegime } from '../../src-shared/forms/templates';
import type { MotcuaDatabase } from '../db/database';
import { readSetting } from '../db/setting-doc';

export const AGENCY_PROFILE_KEY = 'agencyProfile';
export const FORM_REGIME_KEY = 'formRegime';

export function defaultAgencyProfile(agencyId: string): FormAgency {
  return { parentName: '', name: `Bộ phận Một cửa ${agencyId}`, address: '', place: '' };
}

export async function readAgencyProfile(db: MotcuaDatabase, agencyId: string): Promise<FormAgency> {
  return { ...defaultAgencyProfile(agencyId), ...((await readSetting<FormAgency>(db, AGENCY_PROFILE_KEY)) ?? {}) };
}

export async function readFormRegime(db: MotcuaDatabase): Promise<FormRegime> {
  return (await readSetting<FormRegime>(db, FORM_REGIME_KEY)) ?? '2025';
}

/** The fields every printed form shares (FormBaseInput), read for the signed-in user's workspace. */
import type { FormBaseInput } from '../../src-shared/forms/types';
import type { Workspace } from '../runtime';
import { readAgencyProfile, readFormRegime } from './agency-profile';
import { loadFormFonts } from './fonts';

export async function formBaseInput(ws: Workspace): Promise<FormBaseInput> {
  const [fonts, agency, regime] = await Promise.all([loadFormFonts(), readAgencyProfile(ws.db, ws.user.agencyId), readFormRegime(ws.db)]);
  return { regime, fonts, agency, printedAt: Date.now(), clerkName: ws.user.displayName || ws.user.username };
}

/** First-start administrator: created once, its password shown once on stdout, never logged. */
import type { Database } from './db/types';
import { seedAdminIfEmpty } from './users';

export function seedBanner(password: string, agencyId: string): string {
  const line = '='.repeat(72);
  return [
    line,
    ' motcua portal: first start, administrator account created',
    `   username: admin      agency: ${agencyId}`,
    `   password: ${password}`,
    ' This password is shown ONCE and is not stored anywhere readable. Keep it safe now.',
    line,
    '',
  ].join('\n');
}

/** Seeds the admin when there are no users; `announce` receives the banner (stdout in production). */
export async function seedFirstAdmin(db: Database, agencyId: string, announce: (text: string) => void): Promise<boolean> {
  const password = await seedAdminIfEmpty(db, agencyId);
  if (password === null) return false;
  announce(seedBanner(password, agencyId));
  return true;
}

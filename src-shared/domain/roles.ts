/**
 * Roles on the portal and the desktop. Least privilege: each role sees only what it needs.
 * clerk: receives and pushes its centre's dossiers; supervisor: reads its centre;
 * officer (cán bộ chuyên môn, back office): moves transferred dossiers on; admin: reference data,
 * users and workstations.
 */
export const ROLES = ['clerk', 'supervisor', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

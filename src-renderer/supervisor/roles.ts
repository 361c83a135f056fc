/** What each role sees on the desktop (least privilege; the portal enforces the same on its side). */
import type { Role } from '../../src-shared/domain/roles';
import type { Area } from '../store/navigation';

/** Supervisors review and sign off; admins may look too (they set the centre up). */
export function canSupervise(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

/** Who may change how soon the screen locks: the centre's supervisor and the administrator. */
export function canSetLockTimeout(role: Role | undefined): boolean {
  return role !== undefined && canSupervise(role);
}

/** Only counters change dossiers: a supervisor's workstation reads the centre and signs days off. */
export function canReceive(role: Role): boolean {
  return role === 'clerk' || role === 'admin';
}

const AREAS_BY_ROLE: Readonly<Record<Role, readonly Area[]>> = {
  clerk: ['reception', 'search', 'ledger', 'scan', 'sync', 'settings'],
  supervisor: ['supervisor', 'search', 'ledger', 'sync', 'settings'],
  officer: ['search', 'ledger', 'sync', 'settings'],
  admin: ['reception', 'search', 'ledger', 'scan', 'supervisor', 'sync', 'settings'],
};

export function areasFor(role: Role): readonly Area[] {
  return AREAS_BY_ROLE[role];
}

/**
 * What a caller may write, beyond the document schema: least privilege per collection, and a
 * sign-off only in the signer's own name with a seal that matches its contents.
 */
import type { ReplicatedCollection, SignoffDoc } from '../../src-shared/contract/documents';
import type { Role } from '../../src-shared/domain/roles';
import { sealIsIntact } from '../../src-shared/domain/signoff/seal';
import type { Caller } from '../auth/access-token';
import { sha256Hex } from '../auth/sha256';

/** Counters (and admins) write dossiers, their events and files; supervisors sign off days. */
const PUSH_ROLES: Readonly<Record<ReplicatedCollection, ReadonlySet<Role>>> = {
  dossiers: new Set(['clerk', 'admin']),
  dossierEvents: new Set(['clerk', 'admin']),
  files: new Set(['clerk', 'admin']),
  signoffs: new Set(['supervisor']),
};

export function mayPush(role: Role, collection: ReplicatedCollection): boolean {
  return PUSH_ROLES[collection].has(role);
}

/** null when the caller may store this (schema-valid) document, else the reason. */
export async function callerProblem(collection: ReplicatedCollection, doc: Record<string, unknown>, caller: Caller): Promise<string | null> {
  if (collection !== 'signoffs') return null;
  const signoff = doc as unknown as SignoffDoc;
  if (signoff.signedBy !== caller.username) return 'a sign-off can only be made in the signer\'s own name';
  if (!(await sealIsIntact(signoff, async (text) => sha256Hex(text)))) return 'the sign-off seal does not match its contents';
  return null;
}

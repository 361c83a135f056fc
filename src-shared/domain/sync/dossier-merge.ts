/**
 * Conflict rules for dossiers (docs/sync-protocol.md, "Conflicts"). A conflict is a local change
 * (fork) made on top of a version (base) that the portal has since replaced (master). The fields
 * are merged by group, three-way: a group only one side changed takes that side. When both sides
 * changed a group differently:
 *  - reception data belongs to the receiving counter until the dossier is transferred: the
 *    receiving workstation's version wins;
 *  - after transfer, the processing status set by the back office (the portal's version) wins;
 *  - anything else is unresolved: the portal's version is kept in the document and the local one is
 *    set aside for a person to choose (never silently dropped).
 * Pure: the caller stores the result and the set-aside version.
 */
import type { DossierDoc } from '../../contract/documents';
import { jsonEqual } from './json-equal';

/** A dossier as replicated: the document plus RxDB's deletion flag. */
export type WireDossier = DossierDoc & { _deleted: boolean };

/** Fields that change together and are owned by one side. */
export const DOSSIER_FIELD_GROUPS = {
  /** Set once when the dossier is created; a difference here is never decided by a rule. */
  identity: ['agencyId', 'workstationId', 'code', 'receivedAt', 'receivedDay', 'receivedInv', 'receivedBy', 'ledgerVolume', 'ledgerNumber', '_deleted'],
  /** What the counter checked and recorded (tiếp nhận). */
  reception: [
    'procedureCode',
    'procedureName',
    'procedureField',
    'processingBody',
    'limit',
    'applicant',
    'nameKey',
    'givenNameKey',
    'idKey',
    'phoneKey',
    'channel',
    'sets',
    'components',
    'notes',
  ],
  /** Where the dossier is in its processing (status and the dates that go with it). */
  processing: [
    'status',
    'appointmentAt',
    'transferredAt',
    'resultAt',
    'returnedAt',
    'returnedTo',
    'returnMethod',
    'pausedSince',
    'supplementRequests',
    'reschedules',
    'finishedAt',
  ],
} as const satisfies Record<string, readonly (keyof WireDossier)[]>;

export type DossierFieldGroup = keyof typeof DOSSIER_FIELD_GROUPS;
const GROUPS = Object.keys(DOSSIER_FIELD_GROUPS) as DossierFieldGroup[];

/** How a group was settled, for the record kept with the conflict. */
export type MergeRule = 'unchanged' | 'only-local' | 'only-portal' | 'same-change' | 'receiving-counter' | 'back-office' | 'unresolved';

export interface DossierMergeInput {
  /** The version the local change was made on; absent when the document was created locally. */
  base: WireDossier | undefined;
  master: WireDossier;
  fork: WireDossier;
  /** This workstation's id: the receiving counter owns reception data until transfer. */
  localWorkstationId: string;
}

export interface DossierMergeResult {
  doc: WireDossier;
  rules: Record<DossierFieldGroup, MergeRule>;
  /** Groups where the portal's version was kept and the local one must go to a person. */
  unresolved: DossierFieldGroup[];
}

function pick(doc: WireDossier | undefined, group: DossierFieldGroup): Record<string, unknown> | undefined {
  if (!doc) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of DOSSIER_FIELD_GROUPS[group]) out[key] = doc[key];
  return out;
}

const transferred = (d: WireDossier) => d.transferredAt > 0;

function decide(group: DossierFieldGroup, input: DossierMergeInput): MergeRule {
  const base = pick(input.base, group);
  const master = pick(input.master, group);
  const fork = pick(input.fork, group);
  if (jsonEqual(master, fork)) return base && jsonEqual(base, master) ? 'unchanged' : 'same-change';
  if (base && jsonEqual(base, fork)) return 'only-portal';
  if (base && jsonEqual(base, master)) return 'only-local';
  // Both sides changed this group (or there is no common base).
  const isReceivingCounter = input.fork.workstationId === input.localWorkstationId && input.master.workstationId === input.localWorkstationId;
  if (group === 'reception' && isReceivingCounter && !transferred(input.master)) return 'receiving-counter';
  if (group === 'processing' && transferred(input.master)) return 'back-office';
  return 'unresolved';
}

const TAKES_LOCAL: ReadonlySet<MergeRule> = new Set(['only-local', 'receiving-counter']);

export function mergeDossiers(input: DossierMergeInput): DossierMergeResult {
  const rules = {} as Record<DossierFieldGroup, MergeRule>;
  const doc = { ...input.master };
  for (const group of GROUPS) {
    const rule = decide(group, input);
    rules[group] = rule;
    if (TAKES_LOCAL.has(rule)) Object.assign(doc, pick(input.fork, group));
  }
  const unresolved = GROUPS.filter((g) => rules[g] === 'unresolved');
  // A merge that differs from the portal's version is a new version: it must sort after both.
  if (!jsonEqual(doc, input.master)) doc.updatedAt = Math.max(input.master.updatedAt, input.fork.updatedAt) + 1;
  return { doc, rules, unresolved };
}

/** The local version's values of `groups` laid over `current`: what "keep my version" writes. */
export function applyLocalGroups(current: WireDossier, local: WireDossier, groups: readonly DossierFieldGroup[], now: number): WireDossier {
  const doc = { ...current };
  for (const group of groups) Object.assign(doc, pick(local, group));
  doc.updatedAt = Math.max(now, current.updatedAt + 1);
  return doc;
}

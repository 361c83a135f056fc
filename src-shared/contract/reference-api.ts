/**
 * Reference data and dossier-number blocks served by the portal (docs/portal.md): the procedure
 * catalog, the yearly working-day calendar tables and the number blocks of docs/dossier-codes.md.
 * Request and response schemas shared by the portal (which validates what it receives) and the
 * workstation (which validates what it pulls).
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/civil-date';
import type { AllocationError, BlockKind, BlockRequest, NumberBlock } from '../domain/dossier-code/allocator';
import { compileFormat, PRESET_FORMATS, type DossierCodeFormat, type PresetFormat } from '../domain/dossier-code/format';
import { calendarTableSchema } from './calendar';
import { API_PREFIX } from './sync';

export const referencePaths = {
  catalog: `${API_PREFIX}/catalog`,
  calendarTables: `${API_PREFIX}/calendar/tables`,
  calendarTable: (year: number) => `${API_PREFIX}/calendar/tables/${year}`,
  codeBlocks: `${API_PREFIX}/codes/blocks`,
} as const;

// ---------------------------------------------------------------------------------------------
// Versions

/**
 * Orders catalog versions such as `2026-11-21.2` and `2026-11-21.10`: runs of digits compare as
 * numbers, everything else character by character, so `.10` comes after `.9`. Plain string order
 * agrees for the dated versions in use and this also survives a counter passing 9. Negative when a
 * sorts before b.
 */
export function compareVersions(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    if (numeric) {
      const [m, n] = [p.replace(/^0+(?=\d)/, ''), q.replace(/^0+(?=\d)/, '')];
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
      if (p.length !== q.length) return p.length - q.length; // "01" vs "1": stable, arbitrary
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/** True when `candidate` is strictly newer than `current` (anything is newer than nothing). */
export const isNewerVersion = (candidate: string, current: string | null | undefined) =>
  current === null || current === undefined || compareVersions(candidate, current) > 0;

// ---------------------------------------------------------------------------------------------
// Catalog and calendar

/** PUT /catalog answers with the version now current. */
export const catalogPutResponseSchema = z.object({ version: z.string() });
export type CatalogPutResponse = z.infer<typeof catalogPutResponseSchema>;

/** GET /calendar/tables: every year the portal holds, sorted by year. */
export const calendarTablesResponseSchema = z.object({ tables: z.array(calendarTableSchema) });
export type CalendarTablesResponse = z.infer<typeof calendarTablesResponseSchema>;

/** PUT /calendar/tables/:year answers with the year and its edition now current. */
export const calendarPutResponseSchema = z.object({ year: z.number().int(), version: z.number().int() });
export type CalendarPutResponse = z.infer<typeof calendarPutResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Dossier-code format

const PRESET_NAMES = Object.keys(PRESET_FORMATS) as [PresetFormat, ...PresetFormat[]];

const compiles = (f: DossierCodeFormat) => {
  try {
    compileFormat(f);
    return true;
  } catch {
    return false;
  }
};

/** The format in use (DOMAIN.md §3): `000.17.22.H56-210531-0001`; the portal's default. */
export const DEFAULT_CODE_FORMAT: DossierCodeFormat = 'agency-yyMMdd-seq4';

/** A preset name or `{template}`, as configured on the portal and stored by the workstation. */
export const dossierCodeFormatSchema = z
  .union([z.enum(PRESET_NAMES), z.object({ template: z.string().min(1).max(100) })])
  .refine(compiles, 'not a valid dossier code format') as z.ZodType<DossierCodeFormat>;

// ---------------------------------------------------------------------------------------------
// Number blocks

export const HOLDER_MAX_LENGTH = 64;
/** Block requests per call: blocksToRequest asks for a handful (standing, 1–2 leases, top-up). */
export const BLOCK_REQUESTS_MAX = 10;

const isoDate = z.string().refine(isIsoDate, 'must be a valid yyyy-MM-dd day');
export const holderSchema = z.string().min(1).max(HOLDER_MAX_LENGTH);
export const blockKindSchema = z.enum(['standing', 'lease', 'top-up']) satisfies z.ZodType<BlockKind>;

export const blockRequestSchema = z
  .object({
    agencyId: z.string().min(1).max(32),
    holder: holderSchema,
    kind: blockKindSchema,
    size: z.number().int().min(1).max(9_999_999),
    minSize: z.number().int().min(1).max(9_999_999).optional(),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .strict() satisfies z.ZodType<BlockRequest>;

export const numberBlockSchema = z.object({
  id: z.string().min(1),
  agencyId: z.string(),
  holder: z.string(),
  kind: blockKindSchema,
  first: z.number().int().min(1),
  last: z.number().int().min(1),
  validFrom: isoDate,
  validUntil: isoDate,
  allocatedAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<NumberBlock>;

export const allocationErrorSchema = z.object({
  kind: z.enum(['no-space', 'invalid-request']),
  detail: z.string(),
  largestFree: z.number().int().nonnegative().optional(),
  messageVi: z.string(),
  messageEn: z.string(),
}) satisfies z.ZodType<AllocationError>;

/** POST /codes/blocks. Every request must carry the caller's agency and this holder. */
export const blocksRequestSchema = z
  .object({
    holder: holderSchema,
    requests: z.array(blockRequestSchema).max(BLOCK_REQUESTS_MAX),
  })
  .strict();
export type BlocksRequest = z.infer<typeof blocksRequestSchema>;

/** GET /codes/blocks?holder=… */
export const blocksQuerySchema = z.object({ holder: holderSchema });

/**
 * Answer of both POST and GET /codes/blocks: the portal's Vietnam day, the code format in force, ALL
 * blocks of this holder (in the caller's agency) still valid on or after `today`, and one error per
 * request that could not be allocated (e.g. the agency's day is full). An error is never a 500.
 */
export const blocksResponseSchema = z.object({
  today: isoDate,
  format: dossierCodeFormatSchema,
  blocks: z.array(numberBlockSchema),
  errors: z.array(allocationErrorSchema),
});
export interface BlocksResponse {
  today: string;
  format: DossierCodeFormat;
  blocks: NumberBlock[];
  errors: AllocationError[];
}

/**
 * The procedure catalog (danh mục thủ tục hành chính): the bundled seed, the portal's copy and what the
 * workstation stores all have this shape. Validated wherever it crosses a boundary.
 */
import { z } from 'zod';
import { PROCEDURE_CODE_PATTERN } from '../domain/procedure';

export const COMPONENT_FORMS = ['original', 'copy', 'certifiedCopy', 'originalOrCopy'] as const;
export const LIMIT_UNITS = ['workingDays', 'workingHours', 'sameDay'] as const;

export const procedureComponentSchema = z.object({
  /** Component id within the procedure (mã thành phần hồ sơ). */
  id: z.string().min(1).max(32),
  name: z.string().min(1).max(500),
  form: z.enum(COMPONENT_FORMS),
  quantity: z.number().int().positive().max(99),
  /** Optional components (e.g. "if any") are listed but not required for a complete dossier. */
  optional: z.boolean().optional(),
});

export const procedureSchema = z.object({
  code: z.string().regex(PROCEDURE_CODE_PATTERN),
  name: z.string().min(1).max(500),
  /** Field (lĩnh vực). */
  field: z.string().min(1).max(200),
  /** Competent body (cơ quan chủ trì giải quyết), printed on the receipt and in the ledger. */
  processingBody: z.string().min(1).max(300),
  limit: z
    .object({ unit: z.enum(LIMIT_UNITS), value: z.number().nonnegative().max(365) })
    .refine((l) => (l.unit === 'sameDay' ? l.value === 0 : l.value > 0), 'sameDay limits have value 0, others a positive value'),
  components: z.array(procedureComponentSchema).min(1).max(60),
  /** Fee in VND; a textual note where the fee depends on the case. */
  fee: z.object({ amountVnd: z.number().int().nonnegative(), note: z.string().max(500).optional() }),
  paperResult: z.boolean(),
});

export const catalogSchema = z.object({
  /** Sortable version, e.g. `2026-11-21.1`: a workstation replaces its catalog with a newer one only. */
  version: z.string().min(1).max(40),
  procedures: z
    .array(procedureSchema)
    .min(1)
    .refine((ps) => new Set(ps.map((p) => p.code)).size === ps.length, 'procedure codes must be unique'),
});

export type ProcedureComponent = z.infer<typeof procedureComponentSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type ComponentForm = (typeof COMPONENT_FORMS)[number];
export type LimitUnit = (typeof LIMIT_UNITS)[number];

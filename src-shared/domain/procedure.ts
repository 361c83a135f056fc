/** Administrative procedure (thủ tục hành chính, TTHC): code pattern; the shape is in contract/catalog.ts. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.[A-Z0-9]+)?$/;

export type { Procedure, ProcedureComponent, LimitUnit, ComponentForm } from '../contract/catalog';

/**
 * Agency identifier (mã định danh cơ quan), QCVN 102:2016 notation `LLL.LL.LL.Xnn`,
 * e.g. `000.17.22.H56`. Codes change with administrative mergers, so only the shape is checked here.
 */
export const AGENCY_ID_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isAgencyId(value: string): boolean {
  return AGENCY_ID_PATTERN.test(value);
}
